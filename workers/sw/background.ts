/// <reference lib="webworker" />
/**
 * Background work in the service worker, a thin shell: the browser's `sync` (tag almanac-outbox:
 * send unsent changes) and `periodicsync` (tag almanac-periodic: sync everything, then show the
 * reminders due since the last check). The decisions live in workers/sync/background-sync.ts and
 * src/core/reminders; this file only binds the platform.
 */
import { claimDueReminders } from '../../src/core/reminders/catch-up';
import type { AlmanacDb } from '../../src/core/db/almanac-db';
import { createMemoryLocks, type WithLock } from '../../src/core/sync/sync-locks';
import { SyncTag } from '../../src/core/pwa/background-tags';
import { runBackgroundSync, type BackgroundSyncScope } from '../sync/background-sync';
import { createProxiedFetch } from '../sync/proxied-fetch';
import { swWarn } from './log';
import { openDbIfCurrent } from './open-db';
import { showReminders } from './reminder-notifications';

/** The events Chromium adds (not in TypeScript's lib). */
interface TaggedExtendableEvent extends ExtendableEvent {
  readonly tag: string;
  readonly lastChance?: boolean;
}

function withLockFor(scope: ServiceWorkerGlobalScope): WithLock {
  const { locks } = scope.navigator;
  return 'locks' in scope.navigator ? async (name, fn) => await locks.request(name, fn) : createMemoryLocks();
}

async function syncFromWorker(scope: ServiceWorkerGlobalScope, db: AlmanacDb, what: BackgroundSyncScope) {
  return runBackgroundSync(
    {
      db,
      fetch: createProxiedFetch(new URL('/proxy', scope.location.href).href, (input, init) =>
        scope.fetch(input, init),
      ),
      now: () => Date.now(),
      random: () => Math.random(),
      viewerZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      subtle: scope.crypto.subtle,
      withLock: withLockFor(scope),
      // Only the names of failures: fields may carry server paths, and outcomes are in syncState.
      log: (event) => {
        if (event.endsWith('failed') || event.endsWith('error')) swWarn(event);
      },
    },
    what,
  );
}

/** `sync`: send the outbox. Rejecting tells the browser to retry later (with its own backoff). */
async function flushOutbox(scope: ServiceWorkerGlobalScope, event: TaggedExtendableEvent): Promise<void> {
  const db = await openDbIfCurrent(scope.indexedDB);
  if (!db) return;
  try {
    const { unsent } = await syncFromWorker(scope, db, 'outbox');
    if (unsent > 0 && event.lastChance !== true) throw new Error(`${unsent} changes still unsent`);
  } finally {
    db.close();
  }
}

/** `periodicsync`: sync everything, then the reminders due since the last check. */
async function periodicRun(scope: ServiceWorkerGlobalScope): Promise<void> {
  const db = await openDbIfCurrent(scope.indexedDB);
  if (!db) return;
  try {
    await syncFromWorker(scope, db, 'all').catch((error: unknown) => {
      swWarn('periodic-sync-failed', { error: error instanceof Error ? error.name : 'unknown' });
    });
    if (Notification.permission === 'granted') {
      await showReminders(scope, db, await claimDueReminders(db, Date.now()));
    }
  } finally {
    db.close();
  }
}

export function listenForBackgroundSync(scope: ServiceWorkerGlobalScope): void {
  scope.addEventListener('sync', (event) => {
    const tagged = event as TaggedExtendableEvent;
    if (tagged.tag === SyncTag.outbox) tagged.waitUntil(flushOutbox(scope, tagged));
  });
  scope.addEventListener('periodicsync', (event) => {
    const tagged = event as TaggedExtendableEvent;
    if (tagged.tag === SyncTag.periodic) tagged.waitUntil(periodicRun(scope));
  });
}
