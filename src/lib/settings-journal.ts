import type { AlmanacDb } from '../core/db/almanac-db';
import { ErrorKind, isAppError } from '../core/errors';
import { updateSettings, type Settings } from '../core/settings/settings';

/**
 * A settings change is a small IndexedDB transaction, and a transaction still in flight when the page
 * goes away (a link followed or the tab closed right after a click) is aborted: the change is lost.
 * So each change is first noted synchronously in localStorage (which the browser keeps across the
 * navigation), cleared once IndexedDB has it, and replayed by the next start-up if it is still there.
 */
const JOURNAL_KEY = 'almanac.pendingSettings';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Reading `localStorage` throws where site data is blocked.
    return null;
  }
}

function readJournal(): Partial<Settings> | null {
  const text = storage()?.getItem(JOURNAL_KEY);
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value : null;
  } catch {
    return null;
  }
}

/** Notes a change before writing it; returns the journal text, to clear only if no later change came. */
export function journalSettings(patch: Partial<Settings>): string | null {
  const text = JSON.stringify({ ...readJournal(), ...patch });
  try {
    storage()?.setItem(JOURNAL_KEY, text);
    return text;
  } catch {
    return null;
  }
}

/** Clears the note once the change is in IndexedDB, unless a later change replaced it meanwhile. */
export function clearSettingsJournal(written: string | null): void {
  const store = storage();
  if (written !== null && store?.getItem(JOURNAL_KEY) === written) store.removeItem(JOURNAL_KEY);
}

/** Applies a change the last page did not finish writing (validated by updateSettings; dropped if invalid). */
export async function replaySettingsJournal(db: AlmanacDb): Promise<void> {
  const text = storage()?.getItem(JOURNAL_KEY) ?? null;
  const pending = readJournal();
  if (!pending) {
    clearSettingsJournal(text);
    return;
  }
  try {
    await updateSettings(db, pending);
  } catch (error) {
    if (!isAppError(error) || error.kind !== ErrorKind.invalidInput) throw error;
  }
  clearSettingsJournal(text);
}
