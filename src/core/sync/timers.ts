/** Cancels what `schedule` set up; calling it twice, or after the callback ran, does nothing. */
export type Cancel = () => void;

/** Runs `fn` once after `ms` (setTimeout in the shells, a fake clock in tests). */
export type Schedule = (ms: number, fn: () => void) => Cancel;
