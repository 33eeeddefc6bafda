/**
 * The preview of an import into one calendar: how many events, how many already exist there (same
 * UID: they will be updated, never doubled) and which entries are broken. Reads only.
 */
import type { AlmanacDb } from '../db/almanac-db';
import type { CalendarId } from '../model/ids';
import type { ImportProblem } from './import-problem';
import type { IcsFileContent, ImportEntry } from './read-ics-file';

export interface ImportPlan {
  readonly calendarId: CalendarId;
  readonly entries: readonly ImportEntry[];
  /** Entries whose UID is already in the calendar. */
  readonly existing: number;
  /** Entries that will be added. */
  readonly added: number;
  readonly problems: readonly ImportProblem[];
}

export async function planImport(
  db: AlmanacDb,
  content: IcsFileContent,
  calendarId: CalendarId,
): Promise<ImportPlan> {
  const keys = content.entries.map((entry): [CalendarId, string] => [calendarId, entry.uid]);
  const found = keys.length === 0 ? [] : await db.events.where('[calendarId+uid]').anyOf(keys).toArray();
  const known = new Set(found.map((event) => event.uid));
  const existing = content.entries.filter((entry) => known.has(entry.uid)).length;
  return {
    calendarId,
    entries: content.entries,
    existing,
    added: content.entries.length - existing,
    problems: content.problems,
  };
}
