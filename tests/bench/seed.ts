import { createCalendar } from '../../src/core/calendars/calendar-repo';
import type { CoreContext } from '../../src/core/context';
import type { AlmanacDb } from '../../src/core/db/almanac-db';
import { putEvents, type EventInput } from '../../src/core/events/event-store';
import { CALENDAR_PALETTE } from '../../src/core/model/calendar';
import type { CalendarId } from '../../src/core/model/ids';
import { benchEvents } from './seed-data';

export const BENCH_CALENDARS = ['Personal', 'Work', 'Family', 'Sport', 'Holidays'] as const;
const CHUNK = 2_000;

export interface SeedReport {
  readonly events: number;
  readonly occurrences: number;
  readonly ms: number;
}

/**
 * Fills an empty database through the real core: calendars with createCalendar, events with the bulk
 * path putEvents (which expands and stores occurrences), in chunks so one transaction stays bounded.
 */
export async function seedDatabase(db: AlmanacDb, ctx: CoreContext, todayIso: string): Promise<SeedReport> {
  const started = performance.now();
  if ((await db.events.count()) > 0) throw new Error('The bench database is not empty.');
  const calendarIds: CalendarId[] = [];
  for (const [index, name] of BENCH_CALENDARS.entries()) {
    const color = CALENDAR_PALETTE[index % CALENDAR_PALETTE.length] ?? CALENDAR_PALETTE[0];
    calendarIds.push(await createCalendar(db, { name, color }, ctx));
  }
  const inputs: EventInput[] = benchEvents(todayIso, calendarIds.length).map((event) => {
    const calendarId = calendarIds[event.calendar];
    if (calendarId === undefined) throw new Error(`No calendar #${event.calendar}`);
    return { calendarId, ics: event.ics };
  });
  for (let i = 0; i < inputs.length; i += CHUNK) await putEvents(db, inputs.slice(i, i + CHUNK), ctx);
  return {
    events: await db.events.count(),
    occurrences: await db.occurrences.count(),
    ms: performance.now() - started,
  };
}
