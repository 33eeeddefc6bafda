import { parsePendingWrite, type PendingWrite } from './pending-write';

/**
 * The agenda's writes noted before they start. A write is a Dexie transaction, and before it the
 * commands' chunk (ical.js) may still have to load: a transaction not committed when the page goes
 * away (a reload, a link, the tab closed right after a drag) is aborted and the change is lost. So each
 * write is first noted synchronously in localStorage, which the browser keeps across the navigation,
 * removed once the transaction has committed (or failed, and the user was told), and replayed by the
 * next start-up when still there (the same idea as src/lib/settings-journal.ts).
 *
 * One key per write, so tabs writing at once never overwrite each other's notes.
 */
export const JOURNAL_PREFIX = 'almanac.pendingWrite.';

export interface JournalEntry {
  /** Also the write's id in `commitOnce`, which applies it once however often it is replayed. */
  readonly id: string;
  /** When it was noted (epoch ms), then a counter: replays keep the order the user made them in. */
  readonly at: number;
  readonly n: number;
  readonly write: PendingWrite;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Reading `localStorage` throws where site data is blocked.
    return null;
  }
}

let counter = 0;

/**
 * Notes a write before it starts. A note that cannot be kept (storage blocked or full) does not stop
 * the write: the write then has only the page's own attempt.
 */
export function noteWrite(write: PendingWrite, now: number): JournalEntry {
  counter += 1;
  const entry: JournalEntry = { id: crypto.randomUUID(), at: now, n: counter, write };
  try {
    storage()?.setItem(JOURNAL_PREFIX + entry.id, JSON.stringify(entry));
  } catch {
    // Quota or blocked storage: see above.
  }
  return entry;
}

/** Removes the note of a write that committed, or failed and was reported. */
export function forgetWrite(id: string): void {
  try {
    storage()?.removeItem(JOURNAL_PREFIX + id);
  } catch {
    // Nothing to clean up where storage is blocked.
  }
}

function parseEntry(id: string, text: string | null): JournalEntry | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { at, n, write } = value as Readonly<Record<string, unknown>>;
    const parsed = parsePendingWrite(write);
    if (typeof at !== 'number' || typeof n !== 'number' || parsed === null) return null;
    return { id, at, n, write: parsed };
  } catch {
    return null;
  }
}

/**
 * The writes noted and not yet forgotten, in the order they were made. A note that cannot be read
 * (damaged, or from another version of the app) is dropped: it could not be replayed anyway.
 */
export function notedWrites(): JournalEntry[] {
  const store = storage();
  if (!store) return [];
  const keys: string[] = [];
  for (let index = 0; index < store.length; index += 1) {
    const key = store.key(index);
    if (key?.startsWith(JOURNAL_PREFIX) === true) keys.push(key);
  }
  const entries: JournalEntry[] = [];
  for (const key of keys) {
    const id = key.slice(JOURNAL_PREFIX.length);
    const entry = parseEntry(id, store.getItem(key));
    if (entry) entries.push(entry);
    else forgetWrite(id);
  }
  return entries.sort((a, b) => a.at - b.at || a.n - b.n);
}
