/**
 * Every PUT of a pushed change goes through here, so the outbox entry knows which texts the server may
 * hold from this device: a text is listed before it is sent (a lost answer leaves it listed, docs/sync-rules.md rules 4
 * and 7 then recognise it: delete-base.ts, the adoption of a moved create in apply-remote.ts) and
 * taken off again when the server answers that it did not apply it (412, 409, 403, 404).
 */
import type { OutboxEntry } from '../../../src/core/model/outbox';
import type { WriteOutcome } from '../providers/calendar-provider';
import type { SyncRun } from './sync-run';

/**
 * Bounds the list of distinct texts: repeated lost answers of one long-lived entry never grow it
 * without end. A text sent again is listed once (moved last), so retries of one edit never push out
 * an earlier text the server may hold (found by `npm run soak`: tests/integration/sync/lost-answers.test.ts).
 */
export const MAX_TEXTS_MAY_HAVE_ARRIVED = 8;

export async function sendTracked(
  run: SyncRun,
  entry: OutboxEntry,
  text: string,
  send: () => Promise<WriteOutcome>,
): Promise<WriteOutcome> {
  const seq = entry.seq;
  if (seq === undefined) return send();
  const before = (await run.db.outbox.get(seq))?.mayHaveArrived ?? [];
  const listed = [...before.filter((listedText) => listedText !== text), text].slice(
    -MAX_TEXTS_MAY_HAVE_ARRIVED,
  );
  await run.db.outbox.update(seq, { sentIcs: text, mayHaveArrived: listed });
  const outcome = await send(); // throws when the answer is lost: the text stays listed
  if (outcome.kind !== 'written') await run.db.outbox.update(seq, { mayHaveArrived: before });
  return outcome;
}

/** The texts the server may hold from this entry's attempts (oldest first). */
export function textsMayHaveArrived(entry: Pick<OutboxEntry, 'mayHaveArrived' | 'sentIcs'>): string[] {
  if (entry.mayHaveArrived !== undefined) return [...entry.mayHaveArrived];
  // Entries written before the list existed: their last attempt's text.
  return typeof entry.sentIcs === 'string' ? [entry.sentIcs] : [];
}
