/**
 * Which reminders have been shown, shared by every tab and the service worker through the `meta`
 * table: a reminder fires once, whoever gets there first (one read-write transaction decides). Keys
 * are kept KEEP_MS, longer than any window a check looks back over.
 */
import type { AlmanacDb } from '../db/almanac-db';
import { DAY_MS } from '../occurrences/time-range';

export const FIRED_KEY = 'reminders.fired';
export const LAST_CHECK_KEY = 'reminders.lastCheck';
export const KEEP_MS = 3 * DAY_MS;

type FiredMap = Record<string, number>;

function firedMap(value: unknown): FiredMap {
  if (typeof value !== 'object' || value === null) return {};
  const result: FiredMap = {};
  for (const [key, at] of Object.entries(value)) if (typeof at === 'number') result[key] = at;
  return result;
}

/** Marks `key` fired; true when this caller is the first (and so shows it), false when already fired. */
export async function claimReminder(db: AlmanacDb, key: string, now: number): Promise<boolean> {
  return db.transaction('rw', db.meta, async () => {
    const fired = firedMap((await db.meta.get(FIRED_KEY))?.value);
    if (key in fired) return false;
    const kept: FiredMap = { [key]: now };
    for (const [other, at] of Object.entries(fired)) if (now - at < KEEP_MS) kept[other] = at;
    await db.meta.put({ key: FIRED_KEY, value: kept });
    return true;
  });
}

/** When reminders were last looked for (by the service worker's periodic check or an open page). */
export async function readLastCheck(db: AlmanacDb): Promise<number | null> {
  const value = (await db.meta.get(LAST_CHECK_KEY))?.value;
  return typeof value === 'number' ? value : null;
}

export async function writeLastCheck(db: AlmanacDb, at: number): Promise<void> {
  await db.meta.put({ key: LAST_CHECK_KEY, value: at });
}
