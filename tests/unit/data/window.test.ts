import { describe, expect, it } from 'vitest';
import { putEvent } from '../../../src/core/events/event-store';
import { occurrencesInRange } from '../../../src/core/occurrences/queries';
import { YEAR_MS } from '../../../src/core/occurrences/time-range';
import {
  ensureWindowCovers,
  getWindow,
  rematerializeIfZoneChanged,
  WINDOW_TARGET_KEY,
} from '../../../src/core/occurrences/window';
import { at, freshDb, localCalendar, testContext, vevent } from './helpers';

describe('materialised window', () => {
  it('starts at now − 1 year … now + 2 years and stays put when time moves on', async () => {
    const db = freshDb();
    const ctx = testContext('2026-03-10T08:00:00Z');
    const now = ctx.now();
    expect(await getWindow(db, ctx)).toEqual({ from: now - YEAR_MS, to: now + 2 * YEAR_MS });
    ctx.set('2026-06-01T00:00:00Z');
    expect(await getWindow(db, ctx)).toEqual({ from: now - YEAR_MS, to: now + 2 * YEAR_MS });
  });

  it('grows forward by at least a year and materialises further instances of series only', async () => {
    const db = freshDb();
    const ctx = testContext('2026-03-10T08:00:00Z');
    const calendarId = await localCalendar(db, ctx);
    const seriesId = await putEvent(
      db,
      {
        calendarId,
        ics: vevent({
          uid: 'weekly',
          start: '20260310T090000Z',
          end: '20260310T100000Z',
          rrule: 'FREQ=WEEKLY',
        }),
      },
      ctx,
    );
    await putEvent(
      db,
      { calendarId, ics: vevent({ uid: 'far', start: '20350105T090000Z', end: '20350105T100000Z' }) },
      ctx,
    );
    const january2030 = { from: at('2030-01-01T00:00:00Z'), to: at('2030-02-01T00:00:00Z') };
    expect(await occurrencesInRange(db, { ...january2030, calendarIds: [calendarId] })).toEqual([]);
    const before = await getWindow(db, ctx);

    await ensureWindowCovers(db, january2030, ctx);

    const after = await getWindow(db, ctx);
    expect(after.from).toBe(before.from);
    expect(after.to).toBeGreaterThanOrEqual(Math.max(january2030.to, before.to + YEAR_MS));
    const inJanuary = await occurrencesInRange(db, { ...january2030, calendarIds: [calendarId] });
    expect(inJanuary.map((o) => new Date(o.start).toISOString())).toEqual([
      '2030-01-01T09:00:00.000Z',
      '2030-01-08T09:00:00.000Z',
      '2030-01-15T09:00:00.000Z',
      '2030-01-22T09:00:00.000Z',
      '2030-01-29T09:00:00.000Z',
    ]);
    expect(inJanuary.every((o) => o.eventId === seriesId)).toBe(true);
    const far = await occurrencesInRange(db, {
      from: at('2035-01-01T00:00:00Z'),
      to: at('2035-02-01T00:00:00Z'),
      calendarIds: [calendarId],
    });
    expect(far.map((o) => o.summary)).toEqual(['far']);

    const stepped = { from: after.to, to: after.to + 86_400_000 };
    await ensureWindowCovers(db, stepped, ctx);
    expect((await getWindow(db, ctx)).to).toBeGreaterThanOrEqual(after.to + YEAR_MS);
  });

  it('grows backwards for a series that began long ago', async () => {
    const db = freshDb();
    const ctx = testContext('2026-03-10T08:00:00Z');
    const calendarId = await localCalendar(db, ctx);
    await putEvent(
      db,
      {
        calendarId,
        ics: vevent({ uid: 'old', start: '20200106T090000Z', end: '20200106T100000Z', rrule: 'FREQ=WEEKLY' }),
      },
      ctx,
    );
    const june2022 = { from: at('2022-06-01T00:00:00Z'), to: at('2022-06-15T00:00:00Z') };
    expect(await occurrencesInRange(db, { ...june2022, calendarIds: [calendarId] })).toHaveLength(0);
    await ensureWindowCovers(db, june2022, ctx);
    expect(await occurrencesInRange(db, { ...june2022, calendarIds: [calendarId] })).toHaveLength(2);
    expect((await getWindow(db, ctx)).from).toBeLessThanOrEqual(june2022.from);
  });

  it('finishes a growth that an earlier run left pending', async () => {
    const db = freshDb();
    const ctx = testContext('2026-03-10T08:00:00Z');
    const calendarId = await localCalendar(db, ctx);
    const window = await getWindow(db, ctx);
    const target = { from: window.from, to: window.to + 2 * YEAR_MS };
    await db.meta.put({ key: WINDOW_TARGET_KEY, value: target });
    await putEvent(
      db,
      {
        calendarId,
        ics: vevent({ uid: 'd', start: '20260310T090000Z', end: '20260310T100000Z', rrule: 'FREQ=MONTHLY' }),
      },
      ctx,
    );
    await ensureWindowCovers(db, { from: ctx.now(), to: ctx.now() + 1 }, ctx);
    expect(await getWindow(db, ctx)).toEqual(target);
    expect(await db.meta.get(WINDOW_TARGET_KEY)).toBeUndefined();
  });
});

describe('rematerializeIfZoneChanged', () => {
  it('re-places all-day instances in the new viewer zone, once', async () => {
    const db = freshDb();
    const zurich = testContext('2026-03-10T08:00:00Z', 'Europe/Zurich');
    const calendarId = await localCalendar(db, zurich);
    const id = await putEvent(
      db,
      { calendarId, ics: vevent({ uid: 'day', start: '20260311', end: '20260312' }) },
      zurich,
    );
    expect((await db.occurrences.where('eventId').equals(id).first())?.start).toBe(
      at('2026-03-10T23:00:00Z'),
    );
    expect(await rematerializeIfZoneChanged(db, zurich)).toBe(false);

    const newYork = testContext('2026-03-10T08:00:00Z', 'America/New_York');
    expect(await rematerializeIfZoneChanged(db, newYork)).toBe(true);
    const moved = await db.occurrences.where('eventId').equals(id).first();
    expect(moved).toMatchObject({
      start: at('2026-03-11T04:00:00Z'),
      end: at('2026-03-12T04:00:00Z'),
      allDay: true,
    });
    expect(await rematerializeIfZoneChanged(db, newYork)).toBe(false);
  });
});

describe('ensureWindowCovers called repeatedly', () => {
  it('serialises concurrent growths and ends with a window covering every range', async () => {
    const db = freshDb();
    const ctx = testContext('2026-03-10T08:00:00Z');
    const calendarId = await localCalendar(db, ctx);
    await putEvent(
      db,
      {
        calendarId,
        ics: vevent({ uid: 'w', start: '20260310T090000Z', end: '20260310T100000Z', rrule: 'FREQ=WEEKLY' }),
      },
      ctx,
    );
    const ranges = [2029, 2031, 2030].map((year) => ({
      from: Date.UTC(year, 0, 1),
      to: Date.UTC(year, 1, 1),
    }));
    await Promise.all(ranges.map((range) => ensureWindowCovers(db, range, ctx)));
    const window = await getWindow(db, ctx);
    expect(window.to).toBeGreaterThanOrEqual(Date.UTC(2031, 1, 1));
    expect(await db.meta.get(WINDOW_TARGET_KEY)).toBeUndefined();
    // Tuesdays in January 2029, 2031 and 2030.
    const counts = await Promise.all(
      ranges.map(
        async (range) => (await occurrencesInRange(db, { ...range, calendarIds: [calendarId] })).length,
      ),
    );
    expect(counts).toEqual([5, 4, 5]);
  });
});
