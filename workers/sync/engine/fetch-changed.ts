/**
 * The bodies of a pull: what the listing or delta shows changed is fetched (the provider's fetchItems)
 * in bounded batches (docs/sync-rules.md rule 13) and applied batch after batch (apply-remote.ts), pipelined
 * so the server, the CPU and IndexedDB work at the same time. An item listed as changed that the
 * fetch finds no longer on the server was deleted there meanwhile (rule 13): its ref is returned, for
 * the pull to delete it here like any removal the server names (pull.ts).
 */
import { materialisationWindow } from '../../../src/core/occurrences/window';
import { applyPrepared, prepareObjects } from './apply-remote';
import type { LocalIndex } from './local-index';
import type { SyncRun } from './sync-run';
import { settleTombstones, type Tombstones } from './tombstones';

/**
 * The edges of the pipeline are small batches: nothing overlaps the first batch's request and
 * parsing (no batch before it is being written) nor the last batch's write (nothing is left to
 * parse), so they are kept short. The others have the full size.
 */
const EDGE_BATCH = 50;

/** Batch sizes for `total` objects: one batch when they fit in one, else small edges and full middles. */
export function batchSizes(total: number, size: number): number[] {
  if (total <= size) return total > 0 ? [total] : [];
  const edge = Math.min(size, EDGE_BATCH);
  const sizes = [edge];
  let left = total - edge;
  while (left > size + edge) {
    sizes.push(size);
    left -= size;
  }
  if (left > edge) sizes.push(left - edge, edge);
  else sizes.push(left);
  return sizes;
}

/** Starts `work` now; a failure waits, handled, until the caller awaits it in its turn. */
function ahead<T>(work: Promise<T>): Promise<T> {
  work.catch(() => undefined);
  return work;
}

/**
 * Fetches what changed in bounded batches (rule 13) and applies each, in order. Pipelined, one step
 * ahead at most: while IndexedDB writes batch n, batch n+1 is parsed and expanded (CPU) and batch
 * n+2 is requested (the server). Decisions and writes stay one batch after the other, one
 * transaction each. A failure surfaces when its step's turn comes, after the batches before it are
 * applied, as without the pipeline. Returns the refs the server no longer holds (`missing`); from
 * the moment they are found, they no longer count as listed (a UID showing up at another ref is
 * then a move, rule 7).
 */
export async function fetchChanged(
  run: SyncRun,
  index: LocalIndex,
  listed: ReadonlyMap<string, string | null>,
  isListed: (href: string) => boolean,
  tombstones: Tombstones,
): Promise<ReadonlySet<string>> {
  const missing = new Set<string>();
  const stillListed = (href: string) => !missing.has(href) && isListed(href);
  const wanted = [...listed]
    .filter(([href, etag]) => {
      const local = index.byHref.get(href);
      return !local || etag === null || local.etag !== etag;
    })
    .map(([href]) => href);
  const batches: string[][] = [];
  let start = 0;
  for (const size of batchSizes(wanted.length, run.batchSize)) {
    batches.push(wanted.slice(start, start + size));
    start += size;
  }
  let done = 0;
  const request = (at: number) => {
    const refs = batches[at];
    return refs ? ahead(run.provider.fetchItems(run.remote, refs)) : null;
  };
  // The first request goes out before the local bookkeeping, which runs while it travels.
  let next = request(0);
  await run.progress(0, wanted.length);
  const window = await materialisationWindow(run.db, run.core);
  let writing: Promise<void> = Promise.resolve();
  let issued: Promise<void> = Promise.resolve();
  try {
    for (let at = 0; next !== null; at += 1) {
      const result = await next;
      next = request(at + 1);
      for (const warning of result.warnings) run.log('warn', warning);
      if (result.missing.length > 0)
        run.log('debug', `Listed as changed, deleted on the server since: ${result.missing.join(', ')}`);
      for (const ref of result.missing) missing.add(ref);
      // A tombstone's delete meets the server: the batches before it are applied first (rare).
      if (tombstones.size > 0) await writing;
      const found = await settleTombstones(run, tombstones, result.found);
      // Parsing waits until the previous batch's writes are issued, then runs while IndexedDB works.
      await issued;
      const items = prepareObjects(run, found, window);
      await writing;
      const size = batches[at]?.length ?? 0;
      let markIssued: () => void = () => undefined;
      issued = new Promise((resolve) => (markIssued = resolve));
      writing = ahead(
        applyPrepared(run, index, items, stillListed, markIssued)
          .finally(markIssued)
          .then(async () => {
            done += size;
            await run.progress(done, wanted.length);
          }),
      );
    }
  } catch (error) {
    // The batch being written is finished first (its own failure, earlier, surfaces instead).
    await writing;
    throw error;
  }
  await writing;
  return missing;
}
