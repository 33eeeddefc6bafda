/**
 * The baselines: what the dashboard and the agenda did before the occurrences table, i.e. load every
 * event row and work out dates in JavaScript (expand each iCalendar object, filter, sort).
 * `scan*` is a second, kinder baseline: read the whole occurrences table and filter in JavaScript.
 */
import type { AlmanacDb } from '../../src/core/db/almanac-db';
import { materializeEvent } from '../../src/core/events/materialize';
import type { CalendarId } from '../../src/core/model/ids';
import type { OccurrenceRecord } from '../../src/core/model/occurrence';
import { compareOccurrences, overlapsRange } from '../../src/core/occurrences/queries';
import { DAY_MS, YEAR_MS, type TimeRange } from '../../src/core/occurrences/time-range';

async function visibleIds(db: AlmanacDb): Promise<Set<CalendarId>> {
  const calendars = await db.calendars.toArray();
  return new Set(calendars.filter((c) => c.visible === 1).map((c) => c.id));
}

/** Every event row, expanded over `range` in JavaScript, keeping what `keep` accepts. */
async function expandAll(
  db: AlmanacDb,
  range: TimeRange,
  zone: string,
  keep: (o: OccurrenceRecord) => boolean,
): Promise<OccurrenceRecord[]> {
  const [visible, events] = await Promise.all([visibleIds(db), db.events.toArray()]);
  const found: OccurrenceRecord[] = [];
  for (const event of events) {
    if (!visible.has(event.calendarId)) continue;
    for (const o of materializeEvent(event, range, zone)) if (keep(o)) found.push(o);
  }
  return found.sort(compareOccurrences);
}

export async function naiveUpcomingFromEvents(
  db: AlmanacDb,
  now: number,
  limit: number,
  zone: string,
): Promise<OccurrenceRecord[]> {
  const range = { from: now - 7 * DAY_MS, to: now + 2 * YEAR_MS };
  const all = await expandAll(db, range, zone, (o) => o.end > now);
  return all.slice(0, limit);
}

export async function naiveRangeFromEvents(
  db: AlmanacDb,
  range: TimeRange,
  zone: string,
): Promise<OccurrenceRecord[]> {
  return expandAll(db, range, zone, (o) => overlapsRange(o, range.from, range.to));
}

export async function scanUpcoming(db: AlmanacDb, now: number, limit: number): Promise<OccurrenceRecord[]> {
  const [visible, rows] = await Promise.all([visibleIds(db), db.occurrences.toArray()]);
  return rows
    .filter((o) => visible.has(o.calendarId) && o.end > now)
    .sort(compareOccurrences)
    .slice(0, limit);
}
