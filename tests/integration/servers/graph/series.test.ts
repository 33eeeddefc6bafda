// Series on the Graph test server: masters with `recurrence` ("Get event"), "List instances", and
// occurrences edited into exceptions or cancelled ("Update event", "Delete event"). The patterns
// themselves are in recurrence.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraphServer, type GraphServer, type JsonObject } from '../../../servers/graph/index';
import { call, callJson, rows, str } from './graph-http';
import { at, instanceStarts, seriesBody } from './series-bodies';

let server: GraphServer;

beforeAll(async () => {
  server = await startGraphServer();
});

afterAll(async () => {
  await server.stop();
});

describe('series masters ("Get event") and instances ("List instances")', () => {
  it('answers a master with recurrence in the documented shape, anchored on its first occurrence', async () => {
    const master = server.seed.event(
      seriesBody(
        { type: 'weekly', interval: 1, daysOfWeek: ['monday'] },
        { type: 'endDate', startDate: '2025-09-03', endDate: '2025-12-31' },
        at('2025-09-03', '12:00:00', 'Pacific Standard Time'),
        at('2025-09-03', '14:00:00', 'Pacific Standard Time'),
      ),
    );
    const { json } = await callJson(server, `/me/events/${master.id}`);
    expect(json).toMatchObject({
      type: 'seriesMaster',
      seriesMasterId: null,
      start: { dateTime: '2025-09-08T19:00:00.0000000', timeZone: 'UTC' },
    });
    expect(json['recurrence']).toEqual({
      pattern: {
        type: 'weekly',
        interval: 1,
        month: 0,
        dayOfMonth: 0,
        daysOfWeek: ['monday'],
        firstDayOfWeek: 'sunday',
        index: 'first',
      },
      range: {
        type: 'endDate',
        startDate: '2025-09-03',
        endDate: '2025-12-31',
        recurrenceTimeZone: 'Pacific Standard Time',
        numberOfOccurrences: 0,
      },
    });
  });

  it('lists occurrences as full events with seriesMasterId, originalStart and their own iCalUId', async () => {
    const master = server.seed.event(
      seriesBody(
        { type: 'daily', interval: 1 },
        { type: 'numbered', startDate: '2025-02-01', numberOfOccurrences: 3 },
      ),
    );
    const { json } = await callJson(
      server,
      `/me/events/${master.id}/instances?startDateTime=2025-02-01T00:00:00Z&endDateTime=2025-02-28T00:00:00Z`,
    );
    const instances = rows(json);
    expect(instances).toHaveLength(3);
    expect(instances[1]).toMatchObject({
      type: 'occurrence',
      seriesMasterId: master.id,
      subject: 'Standup',
      recurrence: null,
      originalStart: '2025-02-02T09:00:00.0000000Z',
      '@odata.etag': `W/"${master.changeKey}"`,
    });
    const uids = instances.map((row) => str(row['iCalUId']));
    expect(new Set(uids).size).toBe(3);
    expect(uids[1]).toBe(`${master.iCalUId.slice(0, 32)}07E90202${master.iCalUId.slice(40)}`);
    const one = await callJson(server, `/me/events/${str(instances[2]?.['id'])}`);
    expect(one.json).toMatchObject({
      type: 'occurrence',
      start: { dateTime: '2025-02-03T09:00:00.0000000' },
    });
  });

  it('needs startDateTime and endDateTime for instances', async () => {
    const master = server.seed.event(
      seriesBody(
        { type: 'daily', interval: 1 },
        { type: 'numbered', startDate: '2025-02-01', numberOfOccurrences: 3 },
      ),
    );
    const { status, json } = await callJson(server, `/me/events/${master.id}/instances`);
    expect(status).toBe(400);
    expect(json['error']).toMatchObject({ code: 'ErrorInvalidParameter' });
  });
});

describe('editing one occurrence (exceptions and cancellations)', () => {
  const weekly = () =>
    server.seed.series(
      seriesBody(
        { type: 'weekly', interval: 1, daysOfWeek: ['wednesday'] },
        { type: 'numbered', startDate: '2025-01-01', numberOfOccurrences: 5 },
      ),
    );

  it('PATCH on an occurrence makes it an exception under the same id and changes the master etag', async () => {
    const { master } = weekly();
    const id = server.seed.occurrenceId(master.id, 1);
    const { status, json } = await callJson(server, `/me/events/${id}`, {
      method: 'PATCH',
      body: { subject: 'Standup (moved)', start: at('2025-01-09'), end: at('2025-01-09', '10:00:00') },
    });
    expect(status).toBe(200);
    expect(json).toMatchObject({
      id,
      type: 'exception',
      seriesMasterId: master.id,
      subject: 'Standup (moved)',
      originalStart: '2025-01-08T09:00:00.0000000Z',
    });
    expect((await callJson(server, `/me/events/${master.id}`)).json['changeKey']).not.toBe(master.changeKey);
    expect(await instanceStarts(server, master.id)).toEqual([
      '2025-01-01T09:00',
      '2025-01-09T09:00',
      '2025-01-15T09:00',
      '2025-01-22T09:00',
      '2025-01-29T09:00',
    ]);
  });

  it('refuses to move an occurrence onto the day of its neighbour (ErrorOccurrenceCrossingBoundary)', async () => {
    const { master } = weekly();
    const id = server.seed.occurrenceId(master.id, 1);
    const { status, json } = await callJson(server, `/me/events/${id}`, {
      method: 'PATCH',
      body: { start: at('2025-01-15'), end: at('2025-01-15', '10:00:00') },
    });
    expect(status).toBe(400);
    expect(json['error']).toMatchObject({ code: 'ErrorOccurrenceCrossingBoundary' });
  });

  it('DELETE on an occurrence cancels it; the series keeps the others', async () => {
    const { master } = weekly();
    const id = server.seed.occurrenceId(master.id, 2);
    expect((await call(server, `/me/events/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await call(server, `/me/events/${id}`)).status).toBe(404);
    expect(await instanceStarts(server, master.id)).toEqual([
      '2025-01-01T09:00',
      '2025-01-08T09:00',
      '2025-01-22T09:00',
      '2025-01-29T09:00',
    ]);
  });

  it('seeds exceptions and cancellations by occurrence number', async () => {
    const { master, instanceIds } = server.seed.series(
      seriesBody(
        { type: 'daily', interval: 1 },
        { type: 'numbered', startDate: '2025-06-01', numberOfOccurrences: 4 },
      ),
      { exceptions: [{ at: 0, patch: { subject: 'First, edited' } }], cancelled: [3] },
    );
    const list = await callJson(
      server,
      `/me/events/${master.id}/instances?startDateTime=2025-06-01T00:00:00Z&endDateTime=2025-07-01T00:00:00Z`,
    );
    expect(rows(list.json).map((r) => [r['type'], r['subject']])).toEqual([
      ['exception', 'First, edited'],
      ['occurrence', 'Standup'],
      ['occurrence', 'Standup'],
    ]);
    expect(instanceIds.get(3)).toBe(server.seed.occurrenceId(master.id, 3));
  });

  it('drops exceptions and cancellations when the pattern changes (as Outlook does)', async () => {
    const { master } = server.seed.series(
      seriesBody(
        { type: 'daily', interval: 1 },
        { type: 'numbered', startDate: '2025-07-01', numberOfOccurrences: 3 },
      ),
      { exceptions: [{ at: 0, patch: { subject: 'Edited' } }], cancelled: [1] },
    );
    const patched = await callJson(server, `/me/events/${master.id}`, {
      method: 'PATCH',
      body: {
        recurrence: {
          pattern: { type: 'daily', interval: 1 },
          range: { type: 'numbered', startDate: '2025-07-01', numberOfOccurrences: 2 },
        },
      },
    });
    expect(patched.status).toBe(200);
    const list = await callJson(
      server,
      `/me/events/${master.id}/instances?startDateTime=2025-07-01T00:00:00Z&endDateTime=2025-08-01T00:00:00Z`,
    );
    expect(rows(list.json).map((r) => r['type'])).toEqual(['occurrence', 'occurrence']);
  });

  it('refuses a recurrence without its required properties', async () => {
    const { status, json } = await callJson(server, '/me/events', {
      method: 'POST',
      body: seriesBody({ type: 'weekly', interval: 1 }, { type: 'noEnd', startDate: '2025-01-01' }),
    });
    expect(status).toBe(400);
    expect(str((json['error'] as JsonObject)['message'])).toContain('daysOfWeek');
  });
});
