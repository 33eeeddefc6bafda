// POST /$batch on the Graph test server ("Combine multiple HTTP requests using JSON batching"):
// at most 20 requests, each answered on its own, per-item 429 with Retry-After, dependsOn and 424.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGraphServer, type GraphServer, type JsonObject } from '../../../servers/graph/index';
import { call, callJson, str } from './graph-http';

let server: GraphServer;

beforeEach(async () => {
  server = await startGraphServer();
});

afterEach(async () => {
  await server.stop();
});

const IMMUTABLE = { Prefer: 'IdType="ImmutableId"' };
const EVENT = {
  subject: 'Batched',
  start: { dateTime: '2025-05-01T10:00:00', timeZone: 'UTC' },
  end: { dateTime: '2025-05-01T11:00:00', timeZone: 'UTC' },
};

async function batch(requests: readonly JsonObject[]): Promise<{ status: number; responses: JsonObject[] }> {
  const { status, json } = await callJson(server, '/$batch', { method: 'POST', body: { requests } });
  return { status, responses: (json['responses'] as JsonObject[] | undefined) ?? [] };
}

const byId = (responses: readonly JsonObject[], id: string) => responses.find((r) => r['id'] === id);

describe('$batch', () => {
  it('answers each request on its own: status, headers and body', async () => {
    const master = server.seed.event(EVENT);
    const { status, responses } = await batch([
      { id: '1', method: 'GET', url: '/me', headers: IMMUTABLE },
      { id: '2', method: 'GET', url: `/me/events/${master.id}`, headers: IMMUTABLE },
      {
        id: '3',
        method: 'POST',
        url: '/me/events',
        headers: { ...IMMUTABLE, 'Content-Type': 'application/json' },
        body: { ...EVENT, subject: 'Created in a batch' },
      },
      { id: '4', method: 'GET', url: 'me/events/missing', headers: IMMUTABLE },
    ]);
    expect(status).toBe(200);
    expect(responses.map((r) => [r['id'], r['status']])).toEqual([
      ['1', 200],
      ['2', 200],
      ['3', 201],
      ['4', 404],
    ]);
    expect(byId(responses, '2')?.['body']).toMatchObject({ id: master.id, subject: 'Batched' });
    expect(byId(responses, '3')?.['body']).toMatchObject({ subject: 'Created in a batch' });
    expect(byId(responses, '4')?.['body']).toMatchObject({ error: { code: 'ErrorItemNotFound' } });
    expect((byId(responses, '1')?.['headers'] as JsonObject)['Content-Type']).toMatch(/^application\/json/);
    expect(server.stats()).toMatchObject({
      requests: 1,
      byKind: { batch: 1 },
      batchItems: { me: 1, eventGet: 2, eventCreate: 1 },
    });
  });

  it('refuses more than 20 requests and duplicate ids with 400', async () => {
    const many = Array.from({ length: 21 }, (_, n) => ({ id: String(n), method: 'GET', url: '/me' }));
    const tooMany = await callJson(server, '/$batch', { method: 'POST', body: { requests: many } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json['error']).toMatchObject({ code: 'BadRequest' });
    const twice = await call(server, '/$batch', {
      method: 'POST',
      body: {
        requests: [
          { id: 'a', method: 'GET', url: '/me' },
          { id: 'A', method: 'GET', url: '/me' },
        ],
      },
    });
    expect(twice.status).toBe(400);
    expect((await batch(many.slice(0, 20))).responses).toHaveLength(20);
  });

  it('throttles items on their own: 429 with Retry-After inside a 200 batch', async () => {
    server.faults.throttleBatchItems({ status: 429, retryAfterSeconds: 3, kind: 'eventGet', times: 1 });
    const master = server.seed.event(EVENT);
    const { status, responses } = await batch([
      { id: 'a', method: 'GET', url: `/me/events/${master.id}` },
      { id: 'b', method: 'GET', url: `/me/events/${master.id}` },
    ]);
    expect(status).toBe(200);
    expect(byId(responses, 'a')).toMatchObject({
      status: 429,
      headers: { 'Retry-After': '3' },
      body: { error: { code: 'TooManyRequests' } },
    });
    expect(byId(responses, 'b')).toMatchObject({ status: 200 });
  });

  it('runs dependsOn in order and answers 424 when a dependency failed', async () => {
    const created = server.seed.event(EVENT);
    const { responses } = await batch([
      { id: '3', method: 'DELETE', url: `/me/events/${created.id}`, dependsOn: ['2'] },
      { id: '1', method: 'GET', url: '/me/events/nope' },
      { id: '2', method: 'GET', url: `/me/events/${created.id}`, dependsOn: ['1'] },
    ]);
    expect(responses.map((r) => [r['id'], r['status']])).toEqual([
      ['1', 404],
      ['2', 424],
      ['3', 424],
    ]);
    expect(server.inspect.event(created.id)).not.toBeNull();
  });

  it('gives each item a mailbox slot: items meet MailboxConcurrency, the batch itself does not', async () => {
    const hold = server.gate.hold();
    const four = Array.from({ length: 4 }, () => call(server, '/me'));
    await server.gate.whenInFlight(4);
    const { status, responses } = await batch([{ id: '1', method: 'GET', url: '/me' }]);
    expect(status).toBe(200);
    expect(responses[0]).toMatchObject({ status: 429, body: { error: { code: 'ApplicationThrottled' } } });
    hold.release();
    await Promise.all(four);
  });

  it('does not pass the batch’s Prefer to its items (each item brings its own)', async () => {
    const made = server.seed.event(EVENT);
    const { responses } = await batch([
      { id: 'plain', method: 'GET', url: `/me/events/${made.id}` },
      {
        id: 'zoned',
        method: 'GET',
        url: `/me/events/${made.id}`,
        headers: { Prefer: 'outlook.timezone="Tokyo Standard Time"' },
      },
    ]);
    const start = (id: string) =>
      str(((byId(responses, id)?.['body'] as JsonObject)['start'] as JsonObject)['timeZone']);
    expect(start('plain')).toBe('UTC');
    expect(start('zoned')).toBe('Tokyo Standard Time');
    expect(server.stats().withoutImmutableId).toBe(2);
  });
});
