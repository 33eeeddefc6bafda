import type { Dexie } from 'dexie';
import { createSignal, type Accessor } from 'solid-js';

/**
 * A newer version of Almanac in another tab wants to upgrade (or delete) the database. IndexedDB
 * waits for every open connection to close first, so a tab that keeps its old connection open blocks
 * the upgrade, and the new tab hangs on "Opening Almanac…". This tab therefore closes its connection
 * at once and asks its user to reload (it cannot go on with the old schema). Data and the outbox are
 * untouched: the upgrade itself runs in the new tab, in Dexie's migrations.
 */
const [closedForUpgrade, setClosedForUpgrade] = createSignal(false);

/** True once this tab closed its database for another tab's upgrade: it must reload. */
export const isClosedForUpgrade: Accessor<boolean> = closedForUpgrade;

/** Wires the guard on the page's database handle; returns the same handle. */
export function guardDatabaseUpgrades<T extends Dexie>(db: T): T {
  db.on('versionchange', () => {
    db.close();
    setClosedForUpgrade(true);
    // false: skip Dexie's default handler, which lets the next query reopen the database with the
    // old schema and fail on the newer version.
    return false;
  });
  return db;
}
