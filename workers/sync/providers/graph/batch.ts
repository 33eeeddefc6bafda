/**
 * JSON batching (`POST /$batch`, "Combine multiple HTTP requests using JSON batching";
 * docs/sync-rules.md rule 47): at most 20 requests per batch, each answered on its own. An item
 * throttled by itself (429 / 503 inside a 200, its Retry-After in its own headers, readable since it
 * is JSON) is sent again in a later batch after the wait, a bounded number of times; the others'
 * answers are kept. Items carry their own headers (the batch's `Prefer` is not theirs), so each gets
 * the immutable-id preference.
 */
import { AppError, ErrorKind } from '../../../../src/core/errors';
import { IMMUTABLE_ID_PREFERENCE, isRecord, unexpectedAnswer, type GraphClient } from './graph-client';
import { readRetryAfter } from './retry-after';

export const MAX_BATCH_ITEMS = 20;

export interface BatchItem {
  /** Unique in one call (case-insensitively). */
  readonly id: string;
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Below the version: `/me/events/{id}`. */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

export interface BatchResult {
  readonly id: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

function readResults(body: unknown): BatchResult[] | null {
  const responses = isRecord(body) ? body['responses'] : undefined;
  if (!Array.isArray(responses)) return null;
  const results: BatchResult[] = [];
  for (const raw of responses as unknown[]) {
    if (!isRecord(raw) || typeof raw['id'] !== 'string' || typeof raw['status'] !== 'number') return null;
    const headers: Record<string, string> = {};
    if (isRecord(raw['headers'])) {
      for (const [name, value] of Object.entries(raw['headers'])) {
        if (typeof value === 'string') headers[name.toLowerCase()] = value;
      }
    }
    results.push({ id: raw['id'], status: raw['status'], headers, body: raw['body'] ?? null });
  }
  return results;
}

/** One `$batch` of at most 20 items: every answer, or a thrown AppError when the batch itself failed. */
export async function sendOne(client: GraphClient, items: readonly BatchItem[]): Promise<BatchResult[]> {
  const requests = items.map((item) => ({
    id: item.id,
    method: item.method,
    url: item.url,
    headers: {
      ...item.headers,
      Prefer: [IMMUTABLE_ID_PREFERENCE, ...(item.headers?.['Prefer'] ? [item.headers['Prefer']] : [])].join(
        ', ',
      ),
      ...(item.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    ...(item.body !== undefined ? { body: item.body } : {}),
  }));
  const answer = await client.send({
    method: 'POST',
    path: '/$batch',
    body: { requests },
    idempotent: items.every((item) => item.method === 'GET'),
  });
  if (answer.status !== 200) throw unexpectedAnswer(answer, 'a batch of requests');
  const results = readResults(answer.body);
  if (!results) {
    throw new AppError({
      kind: ErrorKind.server,
      message: 'Microsoft 365 answered a batch of requests without its responses.',
      retryable: true,
    });
  }
  return results;
}

/** Every item's answer, by id. Throws AppError kind server when items stay throttled. */
export async function sendBatch(
  client: GraphClient,
  items: readonly BatchItem[],
): Promise<Map<string, BatchResult>> {
  const answered = new Map<string, BatchResult>();
  let pending = [...items];
  for (let attempt = 0; pending.length > 0; attempt += 1) {
    const throttled: BatchItem[] = [];
    let retryAfterMs: number | null = null;
    for (let start = 0; start < pending.length; start += MAX_BATCH_ITEMS) {
      const chunk = pending.slice(start, start + MAX_BATCH_ITEMS);
      const byId = new Map(chunk.map((item) => [item.id.toLowerCase(), item]));
      for (const result of await sendOne(client, chunk)) {
        const item = byId.get(result.id.toLowerCase());
        if (!item) continue;
        byId.delete(result.id.toLowerCase());
        if (result.status === 429 || result.status === 503) {
          throttled.push(item);
          const wait = readRetryAfter(result.headers['retry-after'] ?? null, client.now());
          if (wait !== null) retryAfterMs = Math.max(retryAfterMs ?? 0, wait);
        } else answered.set(item.id, result);
      }
      // An item the batch did not answer is sent again, as a throttled one.
      throttled.push(...byId.values());
    }
    if (throttled.length === 0) break;
    const wait = client.delayFor(attempt, retryAfterMs);
    if (attempt >= client.retryPolicy.throttledRetries || wait > client.retryPolicy.maxWaitMs) {
      throw new AppError({
        kind: ErrorKind.server,
        message: `Microsoft 365 is busy (${throttled.length} of a batch throttled); the sync will try again later.`,
        retryable: true,
        retryAfterMs: wait,
      });
    }
    await client.sleep(wait);
    pending = throttled;
  }
  return answered;
}
