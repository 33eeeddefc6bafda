/**
 * Names shared by the page (src/lib/pwa/background-registration.ts) and the service worker for
 * background work (workers/sw/background.ts).
 * `outbox`: a one-off Background Sync, registered when a local change could not be sent; the browser
 * fires it once the network is back, even with no tab open. `periodic`: Periodic Background Sync
 * (installed app in Chromium): a sync and a reminder check now and then while Almanac is closed.
 */
export const SyncTag = { outbox: 'almanac-outbox', periodic: 'almanac-periodic' } as const;

/** What Almanac asks for; Chromium decides the real rhythm (engagement), never more often than this. */
export const PERIODIC_MIN_INTERVAL_HOURS = 12;
export const PERIODIC_MIN_INTERVAL_MS = PERIODIC_MIN_INTERVAL_HOURS * 3_600_000;
