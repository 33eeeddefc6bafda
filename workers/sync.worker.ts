/**
 * The sync worker: Comlink.expose of the sync service (workers/sync/sync-service.ts) with the real
 * outside world. It owns all network access (CalDAV through the CORS proxy, Graph directly) and the
 * credentials (Microsoft tokens asked of the page); the page talks to it through
 * src/lib/sync-client.ts only.
 */
import * as Comlink from 'comlink';
import { createAlmanacDb } from '../src/core/db/almanac-db';
import { registerAppErrorTransfer } from '../src/core/sync/app-error-transfer';
import { createMemoryLocks, type WithLock } from '../src/core/sync/sync-locks';
import { createSyncLogWriter } from '../src/core/sync/sync-log';
import type { Schedule } from '../src/core/sync/timers';
import { createProxiedFetch } from './sync/proxied-fetch';
import { createWorkerSyncService } from './sync/sync-service';

// Vite types every env variable as `any`: read it as unknown and accept only a non-empty string.
const configuredProxy: unknown = import.meta.env.VITE_ALMANAC_PROXY_URL;
const proxyBase = new URL(
  typeof configuredProxy === 'string' && configuredProxy !== '' ? configuredProxy : '/proxy',
  self.location.href,
).href;

/** Web Locks: one sync per calendar across tabs, workers and the service worker. */
const withLock: WithLock =
  'locks' in navigator
    ? async (name, fn) => await navigator.locks.request(name, fn)
    : // Without Web Locks (very old browsers) this worker still never overlaps itself.
      createMemoryLocks();

const schedule: Schedule = (ms, fn) => {
  const timer = setTimeout(fn, ms);
  return () => {
    clearTimeout(timer);
  };
};

registerAppErrorTransfer(Comlink.transferHandlers);

const db = createAlmanacDb();
const now = () => Date.now();

const service = createWorkerSyncService({
  db,
  fetch: createProxiedFetch(proxyBase, (input, init) => fetch(input, init)),
  directFetch: (input, init) => fetch(input, init),
  now,
  random: () => Math.random(),
  viewerZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  subtle: crypto.subtle,
  withLock,
  schedule,
  // The sync log in IndexedDB (Settings › Sync issues), bounded and redacted where it is written.
  log: createSyncLogWriter({ db, now }).write,
});

Comlink.expose(service);
