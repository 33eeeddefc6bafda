// calendarView/delta on the Graph test server ("event: delta", "Get incremental changes to events
// in a calendar view", "Use delta query to track changes in Microsoft Graph data"): rounds, paging,
// what a later round reports, and the switchable oddities and resets a client must survive.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGraphServer, type GraphServer, type JsonObject } from '../../../servers/graph/index';
import { call, callJson, deltaPath, deltaRound, rows, str } from './graph-http';

const FROM = '2025-01-01T00:00:00Z';
const TO = '2025-12-31T00:00:00Z';
const FIRST = deltaPath(FROM, TO);
const PAGE_2 = 'odata.maxpagesize=2, IdType="ImmutableId"';
const TRIMMED_KEYS = ['@odata.etag', '@odata.type', 'end', 'id', 'seriesMasterId', 'start', 'type'];

let server: GraphServer;

const event = (subject: string, day: string, extra: JsonObject = {}): JsonObject => ({
  subject,
  start: { dateTime: `${day}T10:00:00`, timeZone: 'UTC' },
  end: { dateTime: `${day}T11:00:00`, timeZone: 'UTC' },
  ...extra,
});

function seedMailbox() {
  const singles = ['2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04', '2025-02-05'].map((day, n) =>
    server.seed.event(event(`Single ${n}`, day)),
  );
  const series = server.seed.series(
    event('Weekly', '2025-03-05', {
      recurrence: {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: ['wednesday'] },
        range: { type: 'numbered', startDate: '2025-03-05', numberOfOccurrences: 4 },
      },
    }),
    { exceptions: [{ at: 1, patch: { subject: 'Weekly, moved' } }], cancelled: [2] },
  );
  return { singles, series };
}

const ids = (list: readonly JsonObject[]) => list.map((row) => str(row['id']));
const removed = (list: readonly JsonObject[]) => ids(list.filter((row) => row['@removed'] !== undefined));
const byId = (list: readonly JsonObject[], id: string) => list.find((row) => row['id'] === id);

beforeEach(async () => {
  server = await startGraphServer();
});

afterEach(async () => {
  await server.stop();
});

describe('the first round', () => {
  it('lists every instance in the window over pages of odata.maxpagesize, links carrying only tokens', async () => {
    const { singles, series } = seedMailbox();
    const round = await deltaRound(server, FIRST, PAGE_2);
    expect(round.pages.length).toBeGreaterThan(1);
    for (const page of round.pages) expect(rows(page).length).toBeLessThanOrEqual(2);
    for (const page of round.pages.slice(0, -1)) {
      const next = str(page['@odata.nextLink']);
      expect(next).toMatch(/\/me\/calendarView\/delta\?\$skiptoken=[\w-]+$/);
    }
    expect(round.deltaLink).toMatch(/\/me\/calendarView\/delta\?\$deltatoken=[\w-]+$/);
    const expected = server.inspect.window(Date.parse(FROM), Date.parse(TO)).map((e) => str(e['id']));
    expect(new Set(ids(round.rows))).toEqual(new Set(expected));
    expect(expected).toHaveLength(5 + 3);
    expect(round.rows.some((row) => row['type'] === 'seriesMaster' || row['id'] === series.master.id)).toBe(
      false,
    );
    expect(byId(round.rows, singles[0]?.id ?? '')).toMatchObject({
      subject: 'Single 0',
      iCalUId: singles[0]?.iCalUId,
      type: 'singleInstance',
    });
  });

  it('gives occurrences and exceptions only id, etag, seriesMasterId, type, start and end', async () => {
    const { series } = seedMailbox();
    const round = await deltaRound(server, FIRST);
    const instances = round.rows.filter((row) => row['seriesMasterId'] === series.master.id);
    expect(instances.map((row) => row['type']).sort()).toEqual(['exception', 'occurrence', 'occurrence']);
    for (const row of instances) expect(Object.keys(row).sort()).toEqual(TRIMMED_KEYS);
  });

  it('needs startDateTime and endDateTime (400 ErrorInvalidParameter)', async () => {
    const { status, json } = await callJson(server, '/me/calendarView/delta');
    expect(status).toBe(400);
    expect(json['error']).toMatchObject({ code: 'ErrorInvalidParameter' });
  });

  it('answers the same page again for a retried nextLink', async () => {
    seedMailbox();
    const first = await callJson(server, FIRST, { prefer: PAGE_2 });
    const next = str(first.json['@odata.nextLink']);
    const once = await callJson(server, next, { prefer: PAGE_2 });
    const again = await callJson(server, next, { prefer: PAGE_2 });
    expect(again.json).toEqual(once.json);
  });

  it('uses Prefer: outlook.timezone for delta rows too', async () => {
    server.seed.event(event('Zoned', '2025-06-01'));
    const round = await deltaRound(server, FIRST, 'outlook.timezone="Pacific Standard Time"');
    expect(round.rows[0]?.['start']).toEqual({
      dateTime: '2025-06-01T03:00:00.0000000',
      timeZone: 'Pacific Standard Time',
    });
  });
});

describe('later rounds', () => {
  it('report nothing when nothing changed, with a new deltaLink', async () => {
    seedMailbox();
    const first = await deltaRound(server, FIRST);
    const second = await deltaRound(server, first.deltaLink);
    expect(second.rows).toEqual([]);
    expect(second.deltaLink).not.toBe(first.deltaLink);
  });

  it('report every write: edits, creates, deletes, exceptions, cancellations, series edits', async () => {
    const { singles, series } = seedMailbox();
    const first = await deltaRound(server, FIRST);
    const [edited, deleted] = [singles[0]?.id ?? '', singles[1]?.id ?? ''];
    expect(
      (await call(server, `/me/events/${edited}`, { method: 'PATCH', body: { subject: 'Edited' } })).status,
    ).toBe(200);
    expect((await call(server, `/me/events/${deleted}`, { method: 'DELETE' })).status).toBe(204);
    const created = await callJson(server, '/me/events', {
      method: 'POST',
      body: event('Created', '2025-05-05'),
    });
    const occurrence = server.seed.occurrenceId(series.master.id, 3);
    expect((await call(server, `/me/events/${occurrence}`, { method: 'DELETE' })).status).toBe(204);
    expect(server.store.updateEvent(singles[2]?.id ?? '', { subject: 'Changed by another client' }).ok).toBe(
      true,
    );

    const second = await deltaRound(server, first.deltaLink);
    expect(byId(second.rows, edited)).toMatchObject({ subject: 'Edited' });
    expect(byId(second.rows, str(created.json['id']))).toMatchObject({ subject: 'Created' });
    expect(byId(second.rows, singles[2]?.id ?? '')).toMatchObject({ subject: 'Changed by another client' });
    expect(removed(second.rows).sort()).toEqual([deleted, occurrence].sort());
    expect(byId(second.rows, deleted)).toEqual({
      '@odata.type': '#microsoft.graph.event',
      id: deleted,
      '@removed': { reason: 'deleted' },
    });
    // The cancellation changed the master's change key, so its occurrence comes again; the
    // exception keeps its own change key.
    const instances = second.rows.filter((row) => row['seriesMasterId'] === series.master.id);
    expect(instances.map((row) => row['type'])).toEqual(['occurrence']);
    expect((await deltaRound(server, second.deltaLink)).rows).toEqual([]);
  });

  it('report a series edit as its occurrences again, never as the master', async () => {
    const { series } = seedMailbox();
    const first = await deltaRound(server, FIRST);
    await call(server, `/me/events/${series.master.id}`, {
      method: 'PATCH',
      body: { subject: 'Weekly, renamed' },
    });
    const second = await deltaRound(server, first.deltaLink);
    expect(second.rows.map((row) => [row['seriesMasterId'], row['type']])).toEqual([
      [series.master.id, 'occurrence'],
      [series.master.id, 'occurrence'],
    ]);
  });

  it('report an occurrence edited into an exception, with its new times', async () => {
    const { series } = seedMailbox();
    const first = await deltaRound(server, FIRST);
    const id = server.seed.occurrenceId(series.master.id, 0);
    await call(server, `/me/events/${id}`, {
      method: 'PATCH',
      body: {
        start: { dateTime: '2025-03-05T15:00:00', timeZone: 'UTC' },
        end: { dateTime: '2025-03-05T16:00:00', timeZone: 'UTC' },
      },
    });
    const second = await deltaRound(server, first.deltaLink);
    expect(byId(second.rows, id)).toMatchObject({
      type: 'exception',
      start: { dateTime: '2025-03-05T15:00:00.0000000', timeZone: 'UTC' },
    });
  });

  it('report @removed for an event that left the window, and for changes outside it', async () => {
    const { singles } = seedMailbox();
    const first = await deltaRound(server, FIRST);
    const moved = singles[4]?.id ?? '';
    server.store.updateEvent(moved, {
      start: { dateTime: '2026-02-01T10:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-02-01T11:00:00', timeZone: 'UTC' },
    });
    const outside = server.seed.event(event('Far away', '2027-01-01'));
    const second = await deltaRound(server, first.deltaLink);
    expect(removed(second.rows).sort()).toEqual([moved, outside.id].sort());
    server.store.updateEvent(outside.id, { subject: 'Still far away' });
    expect(removed((await deltaRound(server, second.deltaLink)).rows)).toEqual([outside.id]);
  });

  it('keep calendars apart: per-calendar delta lists only that calendar', async () => {
    seedMailbox();
    const team = server.seed.calendar({ name: 'Team' });
    const teamEvent = server.seed.event(event('Team meeting', '2025-04-01'), team.id);
    const path = `/me/calendars/${team.id}/calendarView/delta?startDateTime=${FROM}&endDateTime=${TO}`;
    const round = await deltaRound(server, path);
    expect(ids(round.rows)).toEqual([teamEvent.id]);
    expect(round.deltaLink).toContain(`/me/calendars/${team.id}/calendarView/delta?$deltatoken=`);
    const primary = await deltaRound(server, FIRST);
    expect(ids(primary.rows)).not.toContain(teamEvent.id);
  });
});

describe('switchable oddities (a client must apply rounds idempotently)', () => {
  it('empty pages: nextLinks with no rows first, the deltaLink on an empty page', async () => {
    seedMailbox();
    server.faults.setDelta({ emptyPages: 2 });
    const round = await deltaRound(server, FIRST, PAGE_2);
    expect(rows(round.pages[0] ?? {})).toEqual([]);
    expect(rows(round.pages[1] ?? {})).toEqual([]);
    expect(round.pages[0]?.['@odata.nextLink']).toBeDefined();
    expect(rows(round.pages[round.pages.length - 1] ?? {})).toEqual([]);
    expect(new Set(ids(round.rows)).size).toBe(8);
  });

  it('duplicates: the same entity twice in one response', async () => {
    seedMailbox();
    server.faults.setDelta({ duplicates: true });
    const page = (await callJson(server, FIRST, { prefer: 'odata.maxpagesize=3' })).json;
    const pageIds = ids(rows(page));
    expect(pageIds).toHaveLength(4);
    expect(pageIds[3]).toBe(pageIds[0]);
  });

  it('replays: a later round sends again what the previous one sent', async () => {
    const { singles } = seedMailbox();
    server.faults.setDelta({ replay: true });
    const first = await deltaRound(server, FIRST);
    server.store.updateEvent(singles[0]?.id ?? '', { subject: 'Once' });
    const second = await deltaRound(server, first.deltaLink);
    expect(ids(second.rows)).toEqual([singles[0]?.id]);
    const third = await deltaRound(server, second.deltaLink);
    expect(byId(third.rows, singles[0]?.id ?? '')).toMatchObject({ subject: 'Once' });
  });

  it('silent cancellations: a deleted occurrence is not announced, the rest of its series comes again', async () => {
    const { series } = seedMailbox();
    server.faults.setDelta({ silentCancellations: true });
    const first = await deltaRound(server, FIRST);
    const occurrence = server.seed.occurrenceId(series.master.id, 3);
    server.store.deleteEvent(occurrence);
    const second = await deltaRound(server, first.deltaLink);
    expect(removed(second.rows)).toEqual([]);
    const instances = second.rows.filter((row) => row['seriesMasterId'] === series.master.id);
    expect(instances.map((row) => row['type'])).toEqual(['occurrence']);
  });
});

describe('resets', () => {
  it('410 Gone with a Location to the initial query, which starts a full round', async () => {
    seedMailbox();
    const first = await deltaRound(server, FIRST);
    server.faults.goneOnNextDelta();
    const gone = await callJson(server, first.deltaLink);
    expect(gone.status).toBe(410);
    expect(gone.json['error']).toMatchObject({ code: 'resyncRequired' });
    const location = gone.response.headers.get('location') ?? '';
    expect(location).toBe(
      `${server.baseUrl}/me/calendarView/delta?startDateTime=2025-01-01T00:00:00.0000000Z&endDateTime=2025-12-31T00:00:00.0000000Z`,
    );
    expect((await deltaRound(server, location)).rows).toHaveLength(8);
    expect((await deltaRound(server, `${FIRST}&$deltatoken=`)).rows).toHaveLength(8);
  });

  it('syncStateNotFound (400 by default, or the status asked for) with the error shape of Graph', async () => {
    seedMailbox();
    const first = await deltaRound(server, FIRST);
    server.faults.syncStateNotFoundOnNextDelta(1);
    const notFound = await callJson(server, first.deltaLink);
    expect(notFound.status).toBe(400);
    expect(notFound.json).toEqual({
      error: {
        code: 'syncStateNotFound',
        message: expect.any(String) as string,
        innerError: {
          date: expect.any(String) as string,
          'request-id': expect.any(String) as string,
          'client-request-id': expect.any(String) as string,
        },
      },
    });
    server.faults.syncStateNotFoundOnNextDelta(1, 404);
    expect((await call(server, first.deltaLink)).status).toBe(404);
    expect((await call(server, first.deltaLink)).status).toBe(200);
  });

  it('forgets tokens: a forgotten state or round answers syncStateNotFound; garbage is a 400', async () => {
    seedMailbox();
    const page = (await callJson(server, FIRST, { prefer: PAGE_2 })).json;
    const first = await deltaRound(server, FIRST);
    server.forgetDeltaState();
    expect((await callJson(server, first.deltaLink)).json['error']).toMatchObject({
      code: 'syncStateNotFound',
    });
    expect((await callJson(server, str(page['@odata.nextLink']))).json['error']).toMatchObject({
      code: 'syncStateNotFound',
    });
    expect((await call(server, '/me/calendarView/delta?$deltatoken=garbage')).status).toBe(400);
  });
});
