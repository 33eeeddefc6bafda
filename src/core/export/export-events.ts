/**
 * What to export, read from the database: one calendar's events, or the events of the given calendars
 * that have an instance in a date range (a recurring event goes whole, with all its overrides).
 */
import type { AlmanacDb } from '../db/almanac-db';
import { AppError, ErrorKind } from '../errors';
import type { EventRecord } from '../model/event';
import type { CalendarId } from '../model/ids';
import { occurrencesInRange } from '../occurrences/queries';
import { composeExport, exportFileName } from './compose-export';

export interface ExportedFile {
  readonly fileName: string;
  readonly ics: string;
  readonly eventCount: number;
}

function byUid(a: EventRecord, b: EventRecord): number {
  return a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0;
}

export async function exportCalendar(db: AlmanacDb, calendarId: CalendarId): Promise<ExportedFile> {
  const calendar = await db.calendars.get(calendarId);
  if (!calendar) {
    throw new AppError({
      kind: ErrorKind.notFound,
      message: 'The calendar was not found.',
      retryable: false,
    });
  }
  const events = (await db.events.where('calendarId').equals(calendarId).toArray()).sort(byUid);
  return {
    fileName: exportFileName(calendar.name),
    ics: composeExport(
      events.map((event) => event.ics),
      { calendarName: calendar.name },
    ),
    eventCount: events.length,
  };
}

export interface RangeExport {
  readonly from: number;
  readonly to: number;
  readonly calendarIds: readonly CalendarId[];
  /** Used in the file name, e.g. `Almanac 2026-11-01 to 2026-11-30`. */
  readonly label: string;
}

export async function exportRange(db: AlmanacDb, input: RangeExport): Promise<ExportedFile> {
  const occurrences = await occurrencesInRange(db, input);
  const ids = [...new Set(occurrences.map((occurrence) => occurrence.eventId))];
  const events = (await db.events.bulkGet(ids))
    .filter((event): event is EventRecord => event !== undefined)
    .sort(byUid);
  return {
    fileName: exportFileName(input.label),
    ics: composeExport(events.map((event) => event.ics)),
    eventCount: events.length,
  };
}
