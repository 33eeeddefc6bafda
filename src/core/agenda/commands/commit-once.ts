import type { AlmanacDb } from '../../db/almanac-db';
import { commandTables } from './command-support';

/** `meta` key: the ids of the last writes committed through `commitOnce`, oldest first. */
export const COMMITTED_WRITES_KEY = 'committedWrites';

/**
 * How many ids are kept. An id only has to outlive the page's note of its write (cleared right after
 * the commit, or by the next start-up's replay), so a short list suffices.
 */
export const COMMITTED_WRITES_KEPT = 200;

function committedIds(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
}

/**
 * Runs `command` (one of the agenda commands, which joins this transaction) unless a write with this
 * id already committed, and records the id in the same transaction. A write noted before it started
 * (so that a page closed meanwhile can replay it) thus takes effect once, whether the page's own
 * attempt, a replay after a reload, or both (another tab replaying while this one still runs) get to
 * it. Resolves to false when the write had already been applied.
 */
export async function commitOnce(
  db: AlmanacDb,
  writeId: string,
  command: () => Promise<unknown>,
): Promise<boolean> {
  return db.transaction('rw', commandTables(db), async () => {
    const done = committedIds((await db.meta.get(COMMITTED_WRITES_KEY))?.value);
    if (done.includes(writeId)) return false;
    await command();
    const kept = [...done, writeId].slice(-COMMITTED_WRITES_KEPT);
    await db.meta.put({ key: COMMITTED_WRITES_KEY, value: kept });
    return true;
  });
}
