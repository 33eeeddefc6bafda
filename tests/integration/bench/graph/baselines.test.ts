// The Graph benchmark's baselines (tests/bench/graph) report figures that are part of its results:
// the original way's duplicates and missed updates, and the floor's requests. These check both count
// what they say against the Graph test server, so a figure in the benchmark's table can be trusted.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFloor } from '../../../bench/graph/floor';
import { createOriginalWay } from '../../../bench/graph/original-way';
import { startGraphServer, type GraphServer, type JsonObject } from '../../../servers/graph/index';

const DAY_MS = 86_400_000;
const NOW = Date.UTC(2026, 5, 1);
const WINDOW = { from: NOW - 365 * DAY_MS, to: NOW + 2 * 365 * DAY_MS };

let graph: GraphServer;

beforeEach(async () => {
  graph = await startGraphServer({ now: () => NOW });
});

afterEach(async () => {
  await graph.stop();
});

const at = (ms: number): JsonObject => ({
  dateTime: new Date(ms).toISOString().slice(0, 19),
  timeZone: 'UTC',
});
const single = (subject: string, startMs: number): JsonObject => ({
  subject,
  start: at(startMs),
  end: at(startMs + 3_600_000),
});

function seedMailbox() {
  const calendarId = graph.store.defaultCalendar().id;
  const lunch = graph.seed.event(single('Lunch', NOW + 2 * DAY_MS));
  const review = graph.seed.event(single('Review', NOW + 3 * DAY_MS));
  const dentist = graph.seed.event(single('Dentist', NOW + 4 * DAY_MS));
  graph.seed.event(single('Kept', NOW + 5 * DAY_MS));
  const { master } = graph.seed.series(
    {
      ...single('Standup', Date.UTC(2026, 4, 4, 9)),
      recurrence: {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'] },
        range: { type: 'numbered', startDate: '2026-05-04', numberOfOccurrences: 6 },
      },
    },
    { exceptions: [{ at: 1, patch: { subject: 'Standup (moved)' } }] },
  );
  return { calendarId, lunch, review, dentist, master };
}

const target = () => ({ baseUrl: graph.baseUrl, token: graph.token, window: WINDOW });

describe('the original way (title + start matching)', () => {
  it('counts no duplicate and no missed update when nothing changed', async () => {
    const { calendarId } = seedMailbox();
    const original = createOriginalWay({ ...target(), calendarIds: [calendarId] });
    const first = await original.sync();
    const again = await original.sync();
    expect(first).toMatchObject({ listed: 10, stored: 10, duplicates: 0, missedUpdates: 0, merged: 0 });
    expect(again).toMatchObject({ listed: 10, stored: 10, duplicates: 0, missedUpdates: 0 });
  });

  it('shows a renamed and a moved event twice and keeps a deleted event and a cancelled occurrence', async () => {
    const { calendarId, lunch, review, dentist, master } = seedMailbox();
    const original = createOriginalWay({ ...target(), calendarIds: [calendarId] });
    await original.sync();
    expect(graph.store.updateEvent(lunch.id, { subject: 'Lunch (renamed)' }).ok).toBe(true);
    const moved = NOW + 3 * DAY_MS + 7_200_000;
    expect(graph.store.updateEvent(review.id, { start: at(moved), end: at(moved + 3_600_000) }).ok).toBe(
      true,
    );
    expect(graph.store.deleteEvent(dentist.id).ok).toBe(true);
    expect(graph.store.deleteEvent(graph.seed.occurrenceId(master.id, 3)).ok).toBe(true);
    const run = await original.sync();
    // 8 listed now (a single deleted, an occurrence cancelled); the store still has both old versions,
    // the deleted event and the cancelled occurrence beside the 8.
    expect(run).toMatchObject({ listed: 8, stored: 12, duplicates: 2, missedUpdates: 4, merged: 0 });
  });

  it('counts distinct events with the same title and start as merged', async () => {
    const calendarId = graph.store.defaultCalendar().id;
    graph.seed.event(single('Twin', NOW + DAY_MS));
    graph.seed.event(single('Twin', NOW + DAY_MS));
    const original = createOriginalWay({ ...target(), calendarIds: [calendarId] });
    expect(await original.sync()).toMatchObject({ listed: 2, stored: 1, merged: 1 });
  });
});

describe('the floor', () => {
  it('costs one delta request per calendar when nothing changed and fetches only touched masters', async () => {
    const { calendarId, master } = seedMailbox();
    const other = graph.seed.calendar({ name: 'Other' }).id;
    graph.seed.event(single('Elsewhere', NOW + DAY_MS), other);
    const floor = createFloor({ ...target(), calendarIds: [calendarId, other], deltaPageSize: 3 });
    const first = await floor.sync();
    expect(first).toMatchObject({ deltaPages: 5, deltaRows: 11, mastersFetched: 1, batches: 1 });
    graph.resetStats();
    expect(await floor.sync()).toMatchObject({ deltaPages: 2, deltaRows: 0, mastersFetched: 0, batches: 0 });
    expect(graph.stats().requests).toBe(2);
    expect(graph.store.deleteEvent(graph.seed.occurrenceId(master.id, 2)).ok).toBe(true);
    graph.resetStats();
    const cancelled = await floor.sync();
    // The cancellation re-sends the series' occurrences (they carry the master's etag): pages of 3.
    expect(cancelled).toMatchObject({ mastersFetched: 1, batches: 1 });
    expect(graph.stats().byKind).toEqual({ delta: cancelled.deltaPages, batch: 1 });
    expect(graph.stats().batchItems).toEqual({ eventGet: 1 });
  });
});
