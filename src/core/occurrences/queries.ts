import type { AlmanacDb } from '../db/almanac-db';
import type { CalendarId, OccurrenceId } from '../model/ids';
import type { OccurrenceRecord } from '../model/occurrence';
import { DAY_MS } from './time-range';

/**
 * Instances longer than this are found through the `duration` index instead of by looking back
 * `maxDuration` along `[calendarId+start]`: one three-week holiday must not make every query read
 * three weeks of ended meetings.
 */
export const LONG_INSTANCE_MS = 7 * DAY_MS;

export interface RangeQuery {
  readonly from: number;
  readonly to: number;
  readonly calendarIds: readonly CalendarId[];
}

export interface UpcomingQuery {
  readonly now: number;
  readonly limit: number;
  readonly calendarIds: readonly CalendarId[];
}

/** Does the instance overlap `[from, to)`? A zero-length instance counts when it lies inside. */
export function overlapsRange(occurrence: OccurrenceRecord, from: number, to: number): boolean {
  if (occurrence.start >= to) return false;
  return occurrence.end > from || (occurrence.start === occurrence.end && occurrence.start >= from);
}

/** By start, then end, then id (so equal times still sort the same way every time). */
export function compareOccurrences(a: OccurrenceRecord, b: OccurrenceRecord): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The longest stored instance: the last key of the `duration` index (one key read). */
export async function maxOccurrenceDuration(db: AlmanacDb): Promise<number> {
  const key = await db.occurrences.orderBy('duration').lastKey();
  return typeof key === 'number' ? key : 0;
}

function startingBetween(db: AlmanacDb, calendarId: CalendarId, from: number, to: number) {
  return db.occurrences
    .where('[calendarId+start]')
    .between([calendarId, from], [calendarId, to], true, false);
}

/** Long instances that started before `before` and are still going at `at` (via the duration index). */
async function longInstancesSpanning(
  db: AlmanacDb,
  calendars: ReadonlySet<CalendarId>,
  before: number,
  at: number,
): Promise<OccurrenceRecord[]> {
  const long = await db.occurrences.where('duration').above(LONG_INSTANCE_MS).toArray();
  return long.filter((o) => calendars.has(o.calendarId) && o.start < before && o.end > at);
}

function mergeSorted(groups: readonly (readonly OccurrenceRecord[])[]): OccurrenceRecord[] {
  const byId = new Map<OccurrenceId, OccurrenceRecord>();
  for (const group of groups) for (const o of group) byId.set(o.id, o);
  return [...byId.values()].sort(compareOccurrences);
}

/**
 * Instances overlapping `[from, to)` in the given calendars, sorted by start then end. Per calendar,
 * `[calendarId+start]` between `from − min(maxDuration, LONG_INSTANCE_MS)` and `to`; longer instances
 * come from the `duration` index. Never scans the whole table.
 */
export function occurrencesInRange(db: AlmanacDb, query: RangeQuery): Promise<OccurrenceRecord[]> {
  const { from, to } = query;
  if (query.calendarIds.length === 0 || !(from < to)) return Promise.resolve([]);
  return db.transaction('r', db.occurrences, async () => {
    const maxDuration = await maxOccurrenceDuration(db);
    const lookBack = Math.min(maxDuration, LONG_INSTANCE_MS);
    const calendars = new Set(query.calendarIds);
    const groups = await Promise.all(
      [...calendars].map(async (id) => {
        const rows = await startingBetween(db, id, from - lookBack, to).toArray();
        return rows.filter((o) => overlapsRange(o, from, to));
      }),
    );
    if (maxDuration > LONG_INSTANCE_MS) {
      const long = await longInstancesSpanning(db, calendars, from - lookBack, from);
      groups.push(long.filter((o) => overlapsRange(o, from, to)));
    }
    return mergeSorted(groups);
  });
}

/**
 * The next `limit` instances that have not ended (`end > now`, in-progress ones first as they started
 * earlier), sorted by start. Per calendar: the in-progress ones, plus the first `limit` starting at or
 * after `now` (an indexed read with a limit); merged and cut to `limit`.
 */
export function upcomingOccurrences(db: AlmanacDb, query: UpcomingQuery): Promise<OccurrenceRecord[]> {
  const { now, limit } = query;
  if (query.calendarIds.length === 0 || limit <= 0) return Promise.resolve([]);
  return db.transaction('r', db.occurrences, async () => {
    const maxDuration = await maxOccurrenceDuration(db);
    const lookBack = Math.min(maxDuration, LONG_INSTANCE_MS);
    const calendars = new Set(query.calendarIds);
    const groups = await Promise.all(
      [...calendars].flatMap((id) => [
        startingBetween(db, id, now, Infinity).limit(limit).toArray(),
        lookBack > 0
          ? startingBetween(db, id, now - lookBack, now)
              .toArray()
              .then((rows) => rows.filter((o) => o.end > now))
          : Promise.resolve([]),
      ]),
    );
    if (maxDuration > LONG_INSTANCE_MS)
      groups.push(await longInstancesSpanning(db, calendars, now - lookBack, now));
    return mergeSorted(groups).slice(0, limit);
  });
}
