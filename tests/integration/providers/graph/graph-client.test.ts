// The Graph provider's HTTP client against the Graph test server (docs/sync-rules.md
// rules 20, 21, 47 and 48): bearer tokens asked again once on a 401, Retry-After honoured when
// readable and a backoff when not, bounded retries, at most 4 requests in flight per mailbox,
// MailboxConcurrency retried and never surfaced, the immutable-id preference on every request and
// batch item.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError, ErrorKind } from '../../../../src/core/errors';
import { sendBatch } from '../../../../workers/sync/providers/graph/batch';
import { startGraphServer, type GraphServer } from '../../../servers/graph/index';
import { graphClientFor, recordedSleeps, tokenSource, withoutRetryAfter } from './graph-kit';

let graph: GraphServer;

beforeEach(async () => {
  graph = await startGraphServer();
});

afterEach(async () => {
  await graph.stop();
});

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('bearer tokens (rule 50: tokens come from the page)', () => {
  it('asks the page again once, passing the refused token, and carries on with the new one', async () => {
    const stale = graph.auth.issue('stale-token');
    graph.auth.expire(stale);
    const tokens = tokenSource([stale, graph.token]);
    const client = graphClientFor(graph, { tokens });
    const answer = await client.send({ path: '/me' });
    expect(answer.status).toBe(200);
    expect(tokens.asked).toEqual([undefined, stale]);
    expect(client.requestCount()).toBe(2);
  });

  it('a refused renewed token is an auth error (sign in again), asked only once more', async () => {
    const tokens = tokenSource(['unknown-1', 'unknown-2', 'unknown-3']);
    const client = graphClientFor(graph, { tokens });
    const error = await caught(client.send({ path: '/me/calendars' }));
    expect(error.kind).toBe(ErrorKind.auth);
    expect(error.retryable).toBe(false);
    expect(tokens.asked).toEqual([undefined, 'unknown-1']);
    expect(client.requestCount()).toBe(2);
  });

  it('several requests refused with one token ask the page once', async () => {
    const stale = graph.auth.issue('stale-2');
    graph.auth.expire(stale);
    const tokens = tokenSource([stale, graph.token]);
    const client = graphClientFor(graph, { tokens });
    const answers = await Promise.all([1, 2, 3].map(() => client.send({ path: '/me' })));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(tokens.asked).toEqual([undefined, stale]);
  });
});

describe('429 and 503 (rule 21)', () => {
  it('waits as a readable Retry-After says, then succeeds', async () => {
    graph.faults.throttle({ status: 429, retryAfterSeconds: 3, kind: 'calendars', times: 2 });
    const sleeps = recordedSleeps();
    const client = graphClientFor(graph, { sleeps });
    expect((await client.send({ path: '/me/calendars' })).status).toBe(200);
    expect(sleeps.waited).toEqual([3000, 3000]);
    expect(client.requestCount()).toBe(3);
  });

  it('backs off exponentially with jitter when Retry-After cannot be read (cross-origin)', async () => {
    graph.faults.throttle({ status: 503, retryAfterSeconds: 3, kind: 'calendars', times: 3 });
    const sleeps = recordedSleeps();
    const client = graphClientFor(graph, { sleeps, fetch: withoutRetryAfter(fetch) });
    expect((await client.send({ path: '/me/calendars' })).status).toBe(200);
    // random() is 0.5 in the kit: half the step fixed plus a quarter → 0.75 × 1 s, 2 s, 4 s.
    expect(sleeps.waited).toEqual([750, 1500, 3000]);
  });

  it('gives up after a bounded number of retries with a retryable server error and its wait', async () => {
    graph.faults.throttle({ status: 429, retryAfterSeconds: 5, times: Infinity });
    const sleeps = recordedSleeps();
    const client = graphClientFor(graph, { sleeps });
    const error = await caught(client.send({ path: '/me/calendars' }));
    expect(error.kind).toBe(ErrorKind.server);
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBe(5000);
    expect(sleeps.waited).toHaveLength(4);
    expect(client.requestCount()).toBe(5);
  });

  it('leaves a Retry-After longer than a minute to the scheduler instead of waiting here', async () => {
    graph.faults.throttle({ status: 503, retryAfterSeconds: 600, times: 1 });
    const sleeps = recordedSleeps();
    const error = await caught(graphClientFor(graph, { sleeps }).send({ path: '/me' }));
    expect(error.retryAfterMs).toBe(600_000);
    expect(sleeps.waited).toEqual([]);
  });
});

describe('MailboxConcurrency (rule 47: at most 4 in flight per mailbox)', () => {
  it('never has more than 4 requests in flight, so the mailbox never refuses one', async () => {
    graph.faults.latencyMs = 20;
    const client = graphClientFor(graph);
    const answers = await Promise.all(Array.from({ length: 12 }, () => client.send({ path: '/me' })));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(graph.stats().maxInFlight).toBe(4);
    expect(graph.stats().byStatus['429']).toBeUndefined();
  });

  it('retries a MailboxConcurrency refusal (another tab holding the slots) and never surfaces it', async () => {
    const hold = graph.gate.hold();
    const others = Array.from({ length: 4 }, () =>
      fetch(`${graph.baseUrl}/me`, {
        headers: { Authorization: `Bearer ${graph.token}`, Prefer: 'IdType="ImmutableId"' },
      }),
    );
    await graph.gate.whenInFlight(4);
    const sleeps = recordedSleeps();
    sleeps.onSleep = () => {
      hold.release();
    };
    const answer = await graphClientFor(graph, { sleeps }).send({ path: '/me/calendars' });
    await Promise.all(others);
    expect(answer.status).toBe(200);
    expect(sleeps.waited).toEqual([1000]);
    expect(graph.stats().byStatus['429']).toBe(1);
  });
});

describe('immutable ids and errors', () => {
  it('sends Prefer: IdType="ImmutableId" on every request, merged with other preferences', async () => {
    const client = graphClientFor(graph);
    await client.send({ path: '/me/calendars', prefer: ['odata.maxpagesize=2'] });
    await client.send({ path: '/me' });
    expect(graph.stats().withoutImmutableId).toBe(0);
  });

  it('a dropped connection is tried once more for a GET, then is a retryable network error', async () => {
    let calls = 0;
    const failing = () => {
      calls += 1;
      return Promise.reject(new TypeError('fetch failed'));
    };
    const error = await caught(graphClientFor(graph, { fetch: failing }).send({ path: '/me' }));
    expect(error.kind).toBe(ErrorKind.network);
    expect(error.retryable).toBe(true);
    expect(calls).toBe(2);
    calls = 0;
    const post = graphClientFor(graph, { fetch: failing }).send({
      method: 'POST',
      path: '/me/events',
      body: {},
    });
    expect((await caught(post)).kind).toBe(ErrorKind.network);
    expect(calls).toBe(1);
  });

  it('a connection dropped once (a kept-alive socket closed as it was reused) is not an error', async () => {
    let calls = 0;
    const dropsFirst: typeof fetch = (input, init) => {
      calls += 1;
      return calls === 1 ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init);
    };
    expect((await graphClientFor(graph, { fetch: dropsFirst }).send({ path: '/me' })).status).toBe(200);
  });

  it('an answer that is not JSON is a clear server error', async () => {
    const client = graphClientFor(graph, {
      fetch: () => Promise.resolve(new Response('<html>proxy error</html>', { status: 200 })),
    });
    const error = await caught(client.send({ path: '/me' }));
    expect(error.kind).toBe(ErrorKind.server);
    expect(error.message).toMatch(/not JSON/);
  });
});

describe('$batch (rule 47)', () => {
  it('retries only the items throttled inside the batch, and every item carries the immutable id', async () => {
    const one = graph.seed.event({
      subject: 'One',
      start: { dateTime: '2026-12-01T10:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-12-01T11:00:00', timeZone: 'UTC' },
    });
    const two = graph.seed.event({
      subject: 'Two',
      start: { dateTime: '2026-12-02T10:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-12-02T11:00:00', timeZone: 'UTC' },
    });
    graph.faults.throttleBatchItems({ status: 429, retryAfterSeconds: 2, path: one.id, times: 1 });
    const sleeps = recordedSleeps();
    const client = graphClientFor(graph, { sleeps });
    const results = await sendBatch(client, [
      { id: 'a', method: 'GET', url: `/me/events/${one.id}` },
      { id: 'b', method: 'GET', url: `/me/events/${two.id}` },
    ]);
    expect(results.get('a')).toMatchObject({ status: 200, body: { subject: 'One' } });
    expect(results.get('b')).toMatchObject({ status: 200, body: { subject: 'Two' } });
    expect(sleeps.waited).toEqual([2000]);
    expect(graph.stats().batchItems['eventGet']).toBe(3);
    expect(graph.stats().withoutImmutableId).toBe(0);
  });

  it('splits more than 20 items into batches of at most 20', async () => {
    const client = graphClientFor(graph);
    const items = Array.from({ length: 45 }, (_, index) => ({
      id: `i${index}`,
      method: 'GET' as const,
      url: '/me',
    }));
    const results = await sendBatch(client, items);
    expect(results.size).toBe(45);
    expect(graph.stats().byKind['batch']).toBe(3);
  });
});
