import { describe, expect, it } from 'vitest';
import { putEvents, type EventInput } from '../../../src/core/events/event-store';
import type { CalendarId } from '../../../src/core/model/ids';
import type { OccurrenceRecord } from '../../../src/core/model/occurrence';
import { occurrencesInRange, upcomingOccurrences } from '../../../src/core/occurrences/queries';
import { at, freshDb, icsUtc, localCalendar, testContext, vevent } from './helpers';

/** mulberry32: a tiny seeded generator, so a failure replays exactly. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SPAN_FROM = at('2025-06-01T00:00:00Z');
const SPAN_TO = at('2027-06-01T00:00:00Z');

function byStartEndId(a: OccurrenceRecord, b: OccurrenceRecord): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

describe('range and upcoming queries against brute force (seeded)', () => {
  it('agree with filtering every stored occurrence', async () => {
    const rnd = random(20260310);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
    const ctx = testContext('2026-03-10T08:00:00Z');
    const db = freshDb();
    const calendars: CalendarId[] = [];
    for (const name of ['A', 'B', 'C']) calendars.push(await localCalendar(db, ctx, name));

    const durations = [
      () => 0,
      () => (1 + Math.floor(rnd() * 16)) * 15 * MINUTE,
      () => (1 + Math.floor(rnd() * 3)) * DAY + Math.floor(rnd() * 24) * HOUR,
      () => (8 + Math.floor(rnd() * 33)) * DAY,
    ];
    const inputs: EventInput[] = [];
    for (let i = 0; i < 300; i++) {
      const start = SPAN_FROM + Math.floor((rnd() * (SPAN_TO - SPAN_FROM)) / MINUTE) * MINUTE;
      const end = start + pick(durations)();
      const recurring = rnd() < 0.15;
      const rrule = recurring
        ? `FREQ=${pick(['DAILY', 'WEEKLY', 'MONTHLY'])};COUNT=${2 + Math.floor(rnd() * 19)}`
        : undefined;
      inputs.push({
        calendarId: pick(calendars),
        ics: vevent({ uid: `p${i}`, start: icsUtc(start), end: icsUtc(end), ...(rrule ? { rrule } : {}) }),
      });
    }
    await putEvents(db, inputs, ctx);
    const all = await db.occurrences.toArray();
    expect(all.length).toBeGreaterThan(300);

    for (let q = 0; q < 150; q++) {
      const calendarIds = calendars.filter(() => rnd() < 0.7);
      // Boundaries often sit exactly on a stored start or end: that is where off-by-one bugs live.
      const anchor = pick(all);
      const from = pick([
        SPAN_FROM - 30 * DAY + Math.floor(rnd() * (SPAN_TO - SPAN_FROM + 60 * DAY)),
        anchor.start,
        anchor.end,
      ]);
      const to = from + pick([HOUR, DAY, 7 * DAY, 35 * DAY, 400 * DAY]);
      const expected = all
        .filter((o) => calendarIds.includes(o.calendarId))
        .filter((o) => o.start < to && (o.end > from || (o.start === o.end && o.start >= from)))
        .sort(byStartEndId);
      const actual = await occurrencesInRange(db, { from, to, calendarIds });
      expect(actual.map((o) => o.id)).toEqual(expected.map((o) => o.id));

      const now = from;
      const limit = 1 + Math.floor(rnd() * 20);
      const upcoming = all
        .filter((o) => calendarIds.includes(o.calendarId) && (o.end > now || o.start >= now))
        .sort(byStartEndId)
        .slice(0, limit);
      const actualUpcoming = await upcomingOccurrences(db, { now, limit, calendarIds });
      expect(actualUpcoming.map((o) => o.id)).toEqual(upcoming.map((o) => o.id));
    }
  });
});
