import type { CoreContext } from '../core/context';
import { createAlmanacDb, type AlmanacDb } from '../core/db/almanac-db';
import { guardDatabaseUpgrades } from './pwa/db-upgrade-guard';

/** The page's one database handle (closed for another tab's upgrade). Workers open their own handle. */
export const db: AlmanacDb = guardDatabaseUpgrades(createAlmanacDb());

/** The viewer's IANA time zone, used to place floating and all-day times. */
export function viewerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The core's view of the outside world on the page: real time and the viewer's zone. */
export function pageContext(): CoreContext {
  return { now: () => Date.now(), viewerZone: viewerZone() };
}
