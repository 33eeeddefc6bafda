// Throttling on the Graph test server ("Microsoft Graph throttling guidance", "Microsoft Graph
// service-specific throttling limits"): switchable 429 / 503 with Retry-After, the Outlook limit of
// 4 concurrent requests per mailbox (429 MailboxConcurrency), latency, and request counts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGraphServer, type GraphServer } from '../../../servers/graph/index';
import { call, callJson } from './graph-http';

let server: GraphServer;

beforeEach(async () => {
  server = await startGraphServer();
});

afterEach(async () => {
  await server.stop();
});

describe('switchable throttling', () => {
  it('answers 429 with Retry-After to the matching requests, as many times as asked', async () => {
    server.faults.throttle({ status: 429, retryAfterSeconds: 7, kind: 'calendars', times: 2 });
    const first = await callJson(server, '/me/calendars');
    expect(first.status).toBe(429);
    expect(first.response.headers.get('retry-after')).toBe('7');
    expect(first.json['error']).toMatchObject({ code: 'TooManyRequests' });
    expect((await call(server, '/me')).status).toBe(200);
    expect((await call(server, '/me/calendars')).status).toBe(429);
    expect((await call(server, '/me/calendars')).status).toBe(200);
  });

  it('answers 503 with Retry-After by path, after letting some requests through', async () => {
    server.faults.throttle({ status: 503, retryAfterSeconds: 2, path: /^\/me$/, after: 1 });
    expect((await call(server, '/me')).status).toBe(200);
    const refused = await callJson(server, '/me');
    expect(refused.status).toBe(503);
    expect(refused.response.headers.get('retry-after')).toBe('2');
    expect(refused.json['error']).toMatchObject({ code: 'serviceNotAvailable' });
    expect((await call(server, '/me')).status).toBe(200);
  });

  it('keeps throttling with times: Infinity until reset', async () => {
    server.faults.throttle({ status: 429, times: Infinity });
    expect((await call(server, '/me')).status).toBe(429);
    expect((await call(server, '/me/calendars')).status).toBe(429);
    server.faults.reset();
    expect((await call(server, '/me')).status).toBe(200);
  });
});

describe('4 concurrent requests per mailbox (429 MailboxConcurrency)', () => {
  it('refuses the fifth request while four are in flight', async () => {
    const hold = server.gate.hold();
    const four = Array.from({ length: 4 }, () => call(server, '/me'));
    await server.gate.whenInFlight(4);
    const fifth = await callJson(server, '/me/calendars');
    expect(fifth.status).toBe(429);
    expect(fifth.json['error']).toMatchObject({
      code: 'ApplicationThrottled',
      message: 'Application is over its MailboxConcurrency limit.',
    });
    expect(fifth.response.headers.get('retry-after')).toBe('1');
    hold.release();
    expect((await Promise.all(four)).map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(server.stats().maxInFlight).toBe(4);
  });

  it('lets a client that sends 4 at a time through, with latency keeping them in flight together', async () => {
    server.faults.latencyMs = 1500;
    const four = Array.from({ length: 4 }, () => call(server, '/me'));
    await server.gate.whenInFlight(4);
    expect((await Promise.all(four)).map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(server.stats()).toMatchObject({ maxInFlight: 4, byStatus: { '200': 4 } });
  });

  it('does not count preflights against the mailbox', async () => {
    const hold = server.gate.hold();
    const four = Array.from({ length: 4 }, () => call(server, '/me'));
    await server.gate.whenInFlight(4);
    const preflight = await fetch(`${server.baseUrl}/me`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:4173', 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.status).toBe(200);
    hold.release();
    await Promise.all(four);
  });
});

describe('request counts', () => {
  it('counts requests by kind and status, and resets', async () => {
    await call(server, '/me');
    await call(server, '/me/calendars');
    await call(server, '/me/events/nope');
    await call(server, '/me', { token: null });
    expect(server.stats()).toMatchObject({
      requests: 4,
      byKind: { me: 2, calendars: 1, eventGet: 1 },
      byStatus: { '200': 2, '404': 1, '401': 1 },
    });
    server.resetStats();
    expect(server.stats()).toMatchObject({ requests: 0, byKind: {}, maxInFlight: 0 });
  });
});
