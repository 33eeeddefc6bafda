/**
 * Malformed input → an `AppError` of kind `malformed-ics` whose message points at the line
 * ("Line 4: …"), so a user or a sync log can find what is wrong.
 */
import { AppError, ErrorKind } from '../errors';

export function malformedIcs(message: string, detail?: string): AppError {
  return new AppError({
    kind: ErrorKind.malformedIcs,
    message,
    retryable: false,
    ...(detail !== undefined ? { detail } : {}),
  });
}

export interface ContentLine {
  /** 1-based number of the physical line the content line starts on. */
  readonly lineNumber: number;
  /** The unfolded content line. */
  readonly text: string;
}

/** Unfolds RFC 5545 content lines (continuations start with a space or a tab). */
export function unfoldLines(ics: string): ContentLine[] {
  const physical = ics.split(/\r\n|\n|\r/);
  const lines: { lineNumber: number; text: string }[] = [];
  physical.forEach((text, index) => {
    const last = lines[lines.length - 1];
    if ((text.startsWith(' ') || text.startsWith('\t')) && last) {
      last.text += text.slice(1);
    } else if (text.length > 0) {
      lines.push({ lineNumber: index + 1, text });
    }
  });
  return lines;
}

/** The property name of a content line, upper-cased (`DTSTART` for `DTSTART;TZID=…:…`). */
export function lineName(text: string): string {
  const end = text.search(/[;:]/);
  return (end === -1 ? text : text.slice(0, end)).toUpperCase();
}

const alphanumeric = (value: string): string => value.replace(/[^0-9a-z]/gi, '').toUpperCase();

function lineValue(text: string): string {
  // The value follows the first colon outside a quoted parameter value.
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '"') quoted = !quoted;
    else if (char === ':' && !quoted) return text.slice(index + 1);
  }
  return '';
}

/** Turns an ical.js parser error into a message with the line it happened on. */
export function describeParseError(ics: string, error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const quoted = /"([^"]*)"\s*$/.exec(raw)?.[1];
  if (quoted !== undefined) {
    const line = unfoldLines(ics).find((candidate) => candidate.text === quoted);
    if (line) return `Line ${line.lineNumber}: ${raw.replace(/\s*"[^"]*"\s*$/, '')}: "${quoted}"`;
  }
  if (/component began but did not end/.test(raw)) {
    return 'A component (BEGIN:…) has no matching END: the object is cut short';
  }
  if (/invalid ical body/.test(raw)) return `Not an iCalendar object (${raw})`;
  return raw;
}

/** Message for a value ical.js could not read, pointing at the line holding it. */
export function describeValueError(
  source: string | readonly ContentLine[],
  propertyName: string,
  error: unknown,
): string {
  const raw = error instanceof Error ? error.message : String(error);
  const name = propertyName.toUpperCase();
  const shown = /"([^"]*)"/.exec(raw)?.[1];
  const all = typeof source === 'string' ? unfoldLines(source) : source;
  const lines = all.filter((line) => lineName(line.text) === name);
  const line =
    (shown !== undefined
      ? lines.find((candidate) => alphanumeric(lineValue(candidate.text)).includes(alphanumeric(shown)))
      : undefined) ?? lines[0];
  return line
    ? `Line ${line.lineNumber}: ${name}: invalid value (${raw})`
    : `${name}: invalid value (${raw})`;
}
