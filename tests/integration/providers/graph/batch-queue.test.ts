// Requests gathered into $batches across a round (workers/sync/providers/graph/batch-queue.ts,
// docs/sync-rules.md rule 47) against the Graph test server: full batches of 20 go at once and the
// rest on flush, at most `inFlight` batches travel together, an item throttled by itself is sent
// again after its wait and the others keep their answers, a batch refused as a whole fails its items.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError, ErrorKind } from '../../../../src/core/errors';
import { createBatchQueue } from '../../../../workers/sync/providers/graph/batch-queue';
import { startGraphServer, type GraphServer } from '../../../servers/graph/index';
import { graphClientFor, recordedSleeps, tokenSource } from './graph-kit';

let graph: GraphServer;

beforeEach(async () => {
  graph = await startGraphServer();
});

afterEach(async () => {
  await graph.stop();
});

const me = { method: 'GET', url: '/me' } as const;

/** A fetch that notes the most requests it ever had travelling at once. */
function countingFetch() {
  let travelling = 0;
  const counted = {
    most: 0,
    fetch: (async (input, init) => {
      travelling += 1;
      counted.most = Math.max(counted.most, travelling);
      try {
        return await fetch(input, init);
      } finally {
        travelling -= 1;
      }
    }) as typeof fetch,
  };
  return counted;
}

describe('createBatchQueue', () => {
  it('sends a batch as soon as it holds 20 and the rest only when flushed', async () => {
    const queue = createBatchQueue(graphClientFor(graph));
    const full = Array.from({ length: 20 }, () => queue.enqueue(me));
    const answers = await Promise.all(full);
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(graph.stats().byKind['batch']).toBe(1);
    const rest = [queue.enqueue(me), queue.enqueue(me)];
    queue.flush();
    expect((await Promise.all(rest)).map((answer) => answer.status)).toEqual([200, 200]);
    expect(graph.stats().byKind['batch']).toBe(2);
    expect(graph.stats().batchItems['me']).toBe(22);
  });

  it('keeps at most `inFlight` batches travelling at once', async () => {
    const counting = countingFetch();
    const queue = createBatchQueue(graphClientFor(graph, { fetch: counting.fetch }), 2);
    graph.faults.latencyMs = 30;
    const answers = Array.from({ length: 100 }, () => queue.enqueue(me));
    queue.flush();
    expect(await Promise.all(answers)).toHaveLength(100);
    expect(graph.stats().byKind['batch']).toBe(5);
    expect(counting.most).toBe(2);
  });

  it('sends an item throttled by itself again after its wait; the others keep their answers', async () => {
    const lunch = graph.seed.event({
      subject: 'Lunch',
      start: { dateTime: '2026-12-01T12:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-12-01T13:00:00', timeZone: 'UTC' },
    });
    graph.faults.throttleBatchItems({ status: 429, retryAfterSeconds: 3, path: lunch.id, times: 1 });
    const sleeps = recordedSleeps();
    const queue = createBatchQueue(graphClientFor(graph, { sleeps }));
    const event = queue.enqueue({ method: 'GET', url: `/me/events/${lunch.id}` });
    const other = queue.enqueue(me);
    queue.flush();
    expect(await event).toMatchObject({ status: 200, body: { subject: 'Lunch' } });
    expect((await other).status).toBe(200);
    expect(sleeps.waited).toEqual([3000]);
    expect(graph.stats().batchItems['eventGet']).toBe(2);
    expect(graph.stats().batchItems['me']).toBe(1);
  });

  it('gives up on an item still throttled after the bounded retries', async () => {
    graph.faults.throttleBatchItems({ status: 503, retryAfterSeconds: 1, path: '/me', times: 10 });
    const queue = createBatchQueue(graphClientFor(graph, { retry: { throttledRetries: 2 } }));
    const answer = queue.enqueue(me).catch((error: unknown) => error);
    queue.flush();
    const error = await answer;
    expect(error).toBeInstanceOf(AppError);
    expect(error instanceof AppError && error.kind).toBe(ErrorKind.server);
    expect(graph.stats().batchItems['me']).toBe(3);
  });

  it('fails every item of a batch the server refused as a whole', async () => {
    const refused = graph.auth.issue('refused-token');
    graph.auth.expire(refused);
    const queue = createBatchQueue(graphClientFor(graph, { tokens: tokenSource([refused]) }));
    const answers = [queue.enqueue(me), queue.enqueue(me)].map((answer) =>
      answer.catch((error: unknown) => error),
    );
    queue.flush();
    for (const error of await Promise.all(answers)) {
      expect(error instanceof AppError && error.kind).toBe(ErrorKind.auth);
    }
  });
});
