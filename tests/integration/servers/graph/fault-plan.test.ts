// The Graph test server's fault plan (tests/servers/graph/control/fault-plan.ts): faults per request,
// scheduled or seeded random, as the convergence test uses them. Dropped connections (before the
// request is read, or after it is applied), 429 / 503 with Retry-After, delta resets, replays,
// duplicates, empty pages and a processing delay ("Use delta query…": Processing delays).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ALL_GRAPH_FAULTS,
  GraphFaultKind,
  pickGraphFault,
  type GraphFaultPlan,
} from '../../../servers/graph/control/fault-plan';
import { startGraphServer, type GraphServer, type JsonObject } from '../../../servers/graph/index';
import { seededRandom } from '../../../servers/seeded-random';
import { call, callJson, deltaRound, rows, str } from './graph-http';

const FROM = '2025-01-01T00:00:00Z';
const TO = '2025-12-31T00:00:00Z';

let server: GraphServer;
let calendarId: string;

const event = (subject: string, day: string): JsonObject => ({
  subject,
  start: { dateTime: `${day}T10:00:00`, timeZone: 'UTC' },
  end: { dateTime: `${day}T11:00:00`, timeZone: 'UTC' },
});

const deltaStart = () =>
  `/me/calendars/${encodeURIComponent(calendarId)}/calendarView/delta?startDateTime=${FROM}&endDateTime=${TO}`;

const schedule = (...faults: (GraphFaultKind | null)[]): GraphFaultPlan => ({ mode: 'schedule', faults });

const eventsOfCalendar = () => server.inspect.events(calendarId);

beforeEach(async () => {
  server = await startGraphServer();
  calendarId = server.seed.calendar({ name: 'Faults' }).id;
});

afterEach(async () => {
  await server.stop();
});

describe('picking faults', () => {
  const delta = { kind: 'delta', deltaToken: 'delta' } as const;
  const create = { kind: 'eventCreate', deltaToken: null } as const;

  it('gives delta faults only to delta requests with a token, and round faults only from a deltaLink', () => {
    const pick = (kind: GraphFaultKind, shape: Parameters<typeof pickGraphFault>[1]) =>
      pickGraphFault(schedule(kind), shape, 0, () => 0);
    expect(pick(GraphFaultKind.gone410, delta)).toBe(GraphFaultKind.gone410);
    expect(pick(GraphFaultKind.gone410, { kind: 'delta', deltaToken: 'skip' })).toBe(GraphFaultKind.gone410);
    expect(pick(GraphFaultKind.gone410, { kind: 'delta', deltaToken: null })).toBeNull();
    expect(pick(GraphFaultKind.syncStateNotFound, create)).toBeNull();
    expect(pick(GraphFaultKind.replay, { kind: 'delta', deltaToken: 'skip' })).toBeNull();
    expect(pick(GraphFaultKind.processingDelay, delta)).toBe(GraphFaultKind.processingDelay);
    expect(pick(GraphFaultKind.dropResponse, create)).toBe(GraphFaultKind.dropResponse);
  });

  it('replays the same faults from the same seed, and rates decide how many', () => {
    const rates = Object.fromEntries(ALL_GRAPH_FAULTS.map((kind) => [kind, 0.05]));
    const plan: GraphFaultPlan = { mode: 'random', rates };
    const run = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 2000 }, (_, i) => pickGraphFault(plan, delta, i, random));
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
    const hit = run(7).filter((kind) => kind !== null).length;
    // 10 kinds at 5 % each: about 40 % of requests get one.
    expect(hit).toBeGreaterThan(600);
    expect(hit).toBeLessThan(1000);
    expect(
      run(7).filter((kind) => kind !== null && kind !== GraphFaultKind.dropRequest).length,
    ).toBeGreaterThan(0);
    const none = { mode: 'random', rates: {} } as const;
    expect(pickGraphFault(none, delta, 0, seededRandom(1))).toBeNull();
  });
});

describe('dropped connections', () => {
  it('drops a create before the server reads it: nothing is created', async () => {
    server.faults.plan.setPlan(schedule(GraphFaultKind.dropRequest));
    await expect(
      call(server, `/me/calendars/${calendarId}/events`, {
        method: 'POST',
        body: event('Lost', '2025-03-01'),
      }),
    ).rejects.toThrow();
    expect(eventsOfCalendar()).toHaveLength(0);
    expect(server.faults.plan.stats().faults).toEqual({ [GraphFaultKind.dropRequest]: 1 });
    expect(server.faults.plan.stats().recent.map((entry) => [entry.status, entry.applied])).toEqual([
      [null, null],
    ]);
  });

  it('applies a create and drops the answer; the retry with the same transactionId gets the same event', async () => {
    server.faults.plan.setPlan(schedule(GraphFaultKind.dropResponse));
    const body = { ...event('Applied', '2025-03-01'), transactionId: 'attempt-1' };
    await expect(
      call(server, `/me/calendars/${calendarId}/events`, { method: 'POST', body }),
    ).rejects.toThrow();
    expect(eventsOfCalendar().map((json) => json['subject'])).toEqual(['Applied']);
    const retry = await callJson(server, `/me/calendars/${calendarId}/events`, { method: 'POST', body });
    expect(retry.status).toBe(201);
    expect(eventsOfCalendar().map((json) => json['id'])).toEqual([retry.json['id']]);
    const { recent } = server.faults.plan.stats();
    expect(recent.map((entry) => [entry.method, entry.fault, entry.status, entry.applied])).toEqual([
      ['POST', GraphFaultKind.dropResponse, null, 201],
      ['POST', null, 201, 201],
    ]);
  });
});

describe('throttling by plan', () => {
  it('answers 429 and 503 with a Retry-After of 1 to 120 seconds, then lets the request through', async () => {
    server.faults.plan.reseed(3);
    server.faults.plan.setPlan(schedule(GraphFaultKind.throttled429, GraphFaultKind.unavailable503));
    const first = await callJson(server, '/me/calendars');
    const second = await callJson(server, '/me/calendars');
    expect([first.status, second.status]).toEqual([429, 503]);
    expect(first.json['error']).toMatchObject({ code: 'TooManyRequests' });
    expect(second.json['error']).toMatchObject({ code: 'serviceNotAvailable' });
    for (const answer of [first, second]) {
      const seconds = Number(answer.response.headers.get('retry-after'));
      expect(seconds).toBeGreaterThanOrEqual(1);
      expect(seconds).toBeLessThanOrEqual(120);
    }
    expect((await call(server, '/me/calendars')).status).toBe(200);
  });
});

describe('delta faults by plan', () => {
  async function firstRound() {
    server.seed.event(event('One', '2025-02-01'), calendarId);
    return deltaRound(server, deltaStart());
  }

  it('answers 410 with Location, or syncStateNotFound, to a request with a token; the link still works after', async () => {
    const { deltaLink } = await firstRound();
    server.faults.plan.setPlan(schedule(GraphFaultKind.gone410, GraphFaultKind.syncStateNotFound));
    const gone = await callJson(server, deltaLink);
    expect(gone.status).toBe(410);
    expect(gone.json['error']).toMatchObject({ code: 'resyncRequired' });
    expect(gone.response.headers.get('location')).toContain('startDateTime=');
    const lost = await callJson(server, deltaLink);
    expect(lost.status).toBe(400);
    expect(lost.json['error']).toMatchObject({ code: 'syncStateNotFound' });
    expect((await deltaRound(server, deltaLink)).rows).toEqual([]);
  });

  it('replays the last round, repeats an entity, pads with empty pages', async () => {
    const { deltaLink } = await firstRound();
    const [one] = eventsOfCalendar();
    server.store.updateEvent(str(one?.['id']), { subject: 'One, renamed' });
    const changed = await deltaRound(server, deltaLink);
    expect(changed.rows.map((row) => row['subject'])).toEqual(['One, renamed']);

    server.faults.plan.setPlan(schedule(GraphFaultKind.replay));
    const replayed = await deltaRound(server, changed.deltaLink);
    expect(replayed.rows.map((row) => row['subject'])).toEqual(['One, renamed']);

    server.store.updateEvent(str(one?.['id']), { subject: 'One, again' });
    server.faults.plan.setPlan(schedule(GraphFaultKind.duplicates));
    const doubled = await deltaRound(server, replayed.deltaLink);
    expect(doubled.rows.map((row) => row['subject'])).toEqual(['One, again', 'One, again']);

    server.store.updateEvent(str(one?.['id']), { subject: 'One, third' });
    server.faults.plan.setPlan(schedule(GraphFaultKind.emptyPages));
    const padded = await deltaRound(server, doubled.deltaLink);
    expect(padded.pages.map((page) => rows(page).length)).toEqual([0, 0, 1, 0]);
  });

  it('hides the changes since the link in a delayed round, and its deltaLink reports them', async () => {
    const { deltaLink } = await firstRound();
    const [one] = eventsOfCalendar();
    server.store.updateEvent(str(one?.['id']), { subject: 'One, renamed' });
    server.seed.event(event('Two', '2025-02-02'), calendarId);
    server.faults.plan.setPlan(schedule(GraphFaultKind.processingDelay));
    const delayed = await deltaRound(server, deltaLink);
    expect(delayed.rows).toEqual([]);
    const caughtUp = await deltaRound(server, delayed.deltaLink);
    expect(caughtUp.rows.map((row) => row['subject']).sort()).toEqual(['One, renamed', 'Two']);
  });
});
