/**
 * Requests gathered into `$batch`es across a whole delta round (docs/sync-rules.md rule 47): callers
 * queue single requests as they learn of them (a series' master and instances as soon as a delta page
 * names the series) and get each answer back on its own. A batch goes out as soon as it holds 20, the
 * rest when the caller flushes; at most `inFlight` batches travel at once, so a delta page (the round's
 * critical path) always finds one of the mailbox's 4 slots free (request-limiter.ts).
 *
 * An item throttled by itself (429 / 503 inside the batch's 200) is queued again after its wait, a
 * bounded number of times, then fails with AppError kind server; a batch that fails as a whole
 * (network, auth, a non-200) fails each of its items with that error.
 */
import { AppError, ErrorKind } from '../../../../src/core/errors';
import { MAX_BATCH_ITEMS, sendOne, type BatchItem, type BatchResult } from './batch';
import type { GraphClient } from './graph-client';
import { readRetryAfter } from './retry-after';

/** A request of a batch; the queue numbers the items of each batch itself. */
export type QueuedRequest = Omit<BatchItem, 'id'>;

export interface BatchQueue {
  /** The request's own answer (a 404 is an answer); it goes out with the next batch. */
  enqueue(request: QueuedRequest): Promise<BatchResult>;
  /** Sends what is queued now, even in a batch of fewer than 20. */
  flush(): void;
}

/** Batches in flight at once: the mailbox's 4 slots but one, kept for the delta pages. */
export const BATCHES_IN_FLIGHT = 3;

interface Waiting {
  readonly request: QueuedRequest;
  readonly attempt: number;
  readonly resolve: (result: BatchResult) => void;
  readonly reject: (error: unknown) => void;
}

export function createBatchQueue(client: GraphClient, inFlight: number = BATCHES_IN_FLIGHT): BatchQueue {
  let queued: Waiting[] = [];
  const ready: Waiting[][] = [];
  let travelling = 0;

  const throttled = (item: Waiting, retryAfterMs: number | null, count: number): void => {
    const wait = client.delayFor(item.attempt, retryAfterMs);
    if (item.attempt >= client.retryPolicy.throttledRetries || wait > client.retryPolicy.maxWaitMs) {
      item.reject(
        new AppError({
          kind: ErrorKind.server,
          message: `Microsoft 365 is busy (${count} of a batch throttled); the sync will try again later.`,
          retryable: true,
          retryAfterMs: wait,
        }),
      );
      return;
    }
    void client.sleep(wait).then(() => {
      queued.push({ ...item, attempt: item.attempt + 1 });
      flush();
    });
  };

  const send = async (batch: readonly Waiting[]): Promise<void> => {
    const items: BatchItem[] = batch.map((item, index) => ({ ...item.request, id: String(index + 1) }));
    let results: BatchResult[];
    try {
      results = await sendOne(client, items);
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    const byId = new Map(batch.map((item, index) => [String(index + 1), item]));
    const again: { item: Waiting; retryAfterMs: number | null }[] = [];
    for (const result of results) {
      const item = byId.get(result.id);
      if (!item) continue;
      byId.delete(result.id);
      if (result.status === 429 || result.status === 503) {
        again.push({
          item,
          retryAfterMs: readRetryAfter(result.headers['retry-after'] ?? null, client.now()),
        });
      } else item.resolve(result);
    }
    // An item the batch did not answer is sent again, as a throttled one.
    for (const item of byId.values()) again.push({ item, retryAfterMs: null });
    for (const { item, retryAfterMs } of again) throttled(item, retryAfterMs, again.length);
  };

  const drain = (): void => {
    while (travelling < inFlight) {
      const batch = ready.shift();
      if (!batch) return;
      travelling += 1;
      void send(batch).finally(() => {
        travelling -= 1;
        drain();
      });
    }
  };

  const cut = (all: boolean): void => {
    while (queued.length >= MAX_BATCH_ITEMS || (all && queued.length > 0)) {
      ready.push(queued.slice(0, MAX_BATCH_ITEMS));
      queued = queued.slice(MAX_BATCH_ITEMS);
    }
    drain();
  };

  function flush(): void {
    cut(true);
  }

  return {
    enqueue: (request) =>
      new Promise<BatchResult>((resolve, reject) => {
        queued.push({ request, attempt: 0, resolve, reject });
        cut(false);
      }),
    flush,
  };
}
