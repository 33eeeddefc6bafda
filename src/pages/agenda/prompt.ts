import { createSignal, type Accessor } from 'solid-js';

export interface Prompt<Q, A> {
  /** The open question, or null when nothing is being asked. */
  readonly question: Accessor<Q | null>;
  /** Opens the question; resolves with the answer, or null when dismissed. */
  readonly ask: (question: Q) => Promise<A | null>;
  readonly answer: (answer: A | null) => void;
}

/**
 * A question asked in a dialog and awaited by the code that needs the answer (the recurrence scope
 * before a save, move or delete; a confirmation before deleting). A second question dismisses the first.
 */
export function createPrompt<Q, A>(): Prompt<Q, A> {
  const [question, setQuestion] = createSignal<Q | null>(null);
  let resolve: ((answer: A | null) => void) | null = null;
  const answer = (value: A | null): void => {
    const pending = resolve;
    resolve = null;
    setQuestion(null);
    pending?.(value);
  };
  const ask = (next: Q): Promise<A | null> => {
    answer(null);
    return new Promise<A | null>((done) => {
      resolve = done;
      setQuestion(() => next);
    });
  };
  return { question, ask, answer };
}
