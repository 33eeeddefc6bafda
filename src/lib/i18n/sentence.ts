/**
 * A title as a sentence to run on with more text ("The server could not be reached" → "… reached."),
 * so two messages side by side never read as one run-on line. Text already ending a sentence is kept.
 */
export function asSentence(text: string): string {
  const trimmed = text.trimEnd();
  return trimmed === '' || /[.!?…:]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
