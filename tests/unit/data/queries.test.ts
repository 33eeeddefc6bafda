import { describe, expect, it } from 'vitest';
import {
  createCalendar,
  updateCalendar,
  visibleCalendarIds,
} from '../../../src/core/calendars/calendar-repo';
import { putEvent } from '../../../src/core/events/event-store';
import type { AlmanacDb } from '../../../src/core/db/almanac-db';
import type { CalendarId } from '../../../src/core/model/ids';
import { occurrencesInRange, upcomingOccurrences } from '../../../src/core/occurrences/queries';
import { at, freshDb, testContext, vevent, type VeventSpec } from './helpers';

const ctx = testContext('2026-03-10T08:00:00Z');

async function seed(db: AlmanacDb, calendarId: CalendarId, specs: readonly VeventSpec[]): Promise<void> {
  for (const spec of specs) await putEvent(db, { calendarId, ics: vevent(spec) }, ctx);
}

async function twoCalendars(db: AlmanacDb): Promise<[CalendarId, CalendarId]> {
  const home = await createCalendar(db, { name: 'Home', color: '#1f6feb' }, ctx);
  const other = await createCalendar(db, { name: 'Other', color: '#d1242f' }, ctx);
  return [home, other];
}

describe('occurrencesInRange', () => {
  it('returns what overlaps [from, to), including instances that began earlier, sorted by start', async () => {
    const db = freshDb();
    const [home, other] = await twoCalendars(db);
    await seed(db, home, [
      { uid: 'morning', start: '20260310T090000Z', end: '20260310T100000Z' },
      { uid: 'overnight', start: '20260309T220000Z', end: '20260310T020000Z' },
      { uid: 'three-days', start: '20260308T120000Z', end: '20260311T120000Z' },
      { uid: 'holiday', start: '20260301', end: '20260321' },
      { uid: 'ends-at-from', start: '20260309T230000Z', end: '20260310T000000Z' },
      { uid: 'starts-at-to', start: '20260311T000000Z', end: '20260311T010000Z' },
      { uid: 'last-year', start: '20250310T090000Z', end: '20250310T100000Z' },
      { uid: 'daily', start: '20260305T180000Z', end: '20260305T190000Z', rrule: 'FREQ=DAILY' },
    ]);
    await seed(db, other, [{ uid: 'elsewhere', start: '20260310T093000Z', end: '20260310T100000Z' }]);

    const from = at('2026-03-10T00:00:00Z');
    const to = at('2026-03-11T00:00:00Z');
    const found = await occurrencesInRange(db, { from, to, calendarIds: [home] });
    expect(found.map((o) => o.summary)).toEqual(['holiday', 'three-days', 'overnight', 'morning', 'daily']);
    expect(found.at(-1)?.start).toBe(at('2026-03-10T18:00:00Z'));

    const both = await occurrencesInRange(db, { from, to, calendarIds: [home, other] });
    expect(both.map((o) => o.summary)).toEqual([
      'holiday',
      'three-days',
      'overnight',
      'morning',
      'elsewhere',
      'daily',
    ]);
    expect(await occurrencesInRange(db, { from, to, calendarIds: [] })).toEqual([]);
  });
});

describe('upcomingOccurrences', () => {
  it('lists what has not ended, in-progress first, across the visible calendars only', async () => {
    const db = freshDb();
    const [home, hidden] = await twoCalendars(db);
    await seed(db, home, [
      { uid: 'ended', start: '20260310T060000Z', end: '20260310T070000Z' },
      { uid: 'in-progress', start: '20260310T073000Z', end: '20260310T083000Z' },
      { uid: 'long-trip', start: '20260220T080000Z', end: '20260315T080000Z' },
      { uid: 'later-today', start: '20260310T120000Z', end: '20260310T130000Z' },
      { uid: 'tomorrow', start: '20260311', end: '20260312' },
      { uid: 'far-single', start: '20310601T090000Z', end: '20310601T100000Z' },
      { uid: 'far-series', start: '20320101T090000Z', end: '20320101T100000Z', rrule: 'FREQ=YEARLY' },
    ]);
    await seed(db, hidden, [{ uid: 'hidden', start: '20260310T090000Z', end: '20260310T100000Z' }]);
    await updateCalendar(db, hidden, { visible: false });
    const calendarIds = await visibleCalendarIds(db);
    const now = ctx.now();

    const all = await upcomingOccurrences(db, { now, limit: 50, calendarIds });
    expect(all.map((o) => o.summary)).toEqual([
      'long-trip',
      'in-progress',
      'later-today',
      'tomorrow',
      'far-single',
      'far-series',
    ]);
    expect(all.every((o) => o.end > now)).toBe(true);

    const firstThree = await upcomingOccurrences(db, { now, limit: 3, calendarIds });
    expect(firstThree.map((o) => o.summary)).toEqual(['long-trip', 'in-progress', 'later-today']);
  });

  it('merges calendars by start time and respects the limit', async () => {
    const db = freshDb();
    const [a, b] = await twoCalendars(db);
    await seed(db, a, [
      { uid: 'a1', start: '20260310T090000Z', end: '20260310T100000Z' },
      { uid: 'a2', start: '20260310T110000Z', end: '20260310T120000Z' },
      { uid: 'a3', start: '20260310T130000Z', end: '20260310T140000Z' },
    ]);
    await seed(db, b, [
      { uid: 'b1', start: '20260310T100000Z', end: '20260310T103000Z' },
      { uid: 'b2', start: '20260310T120000Z', end: '20260310T123000Z' },
    ]);
    const next = await upcomingOccurrences(db, { now: ctx.now(), limit: 4, calendarIds: [a, b] });
    expect(next.map((o) => o.summary)).toEqual(['a1', 'b1', 'a2', 'b2']);
    expect(await upcomingOccurrences(db, { now: ctx.now(), limit: 0, calendarIds: [a, b] })).toEqual([]);
  });
});
