/**
 * The service worker's database handle, opened only when the stored database is exactly at the schema
 * version this code declares. So the service worker never creates, upgrades or deletes a database:
 * migrations stay the page's (src/core/db/migrations.ts), and a worker of another version simply
 * skips its background work until a page has opened the data with matching code.
 */
import { createAlmanacDb, DEFAULT_DB_NAME, type AlmanacDb } from '../../src/core/db/almanac-db';

/** The stored version without upgrading anything (null when there is no database). */
async function storedVersion(factory: IDBFactory, name: string): Promise<number | null> {
  const known = await factory.databases();
  const entry = known.find((db) => db.name === name);
  return typeof entry?.version === 'number' ? entry.version : null;
}

/** Dexie's own rule: IndexedDB version = declared version × 10. */
export function nativeVersionOf(db: AlmanacDb): number {
  return Math.round(db.verno * 10);
}

export async function openDbIfCurrent(
  factory: IDBFactory,
  name: string = DEFAULT_DB_NAME,
): Promise<AlmanacDb | null> {
  const db = createAlmanacDb(name, { indexedDB: factory });
  const stored = await storedVersion(factory, name);
  if (stored === null || stored !== nativeVersionOf(db)) return null;
  // A page opening a newer schema: let go at once and for good (no auto re-open at our version).
  db.on('versionchange', () => {
    db.close({ disableAutoOpen: true });
    return false;
  });
  await db.open();
  return db;
}
