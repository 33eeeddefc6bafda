/**
 * The page asks the browser for background work (workers/sw/background.ts does it):
 * - Periodic Background Sync, when the browser allows it (installed app in Chromium);
 * - a one-off Background Sync whenever unsent changes wait in the outbox and this page cannot send
 *   them (offline, or the push failed), so they leave as soon as the network is back, tab open or not.
 * Elsewhere nothing is registered and the app syncs while open (src/lib/sync-client.ts).
 */
import { liveQuery } from 'dexie';
import type { CalendarId } from '../../core/model/ids';
import { db } from '../db';
import { readBackgroundCapabilities, periodicSyncOf, syncOf } from './background-capabilities';
import { backgroundMode, needsOutboxFlush, type OutboxSituation } from './background-mode';
import { PERIODIC_MIN_INTERVAL_MS, SyncTag } from '../../core/pwa/background-tags';

async function outboxSituation(): Promise<OutboxSituation> {
  const entries = await db.outbox.toArray();
  const calendars = [...new Set(entries.map((entry) => entry.calendarId))] as CalendarId[];
  const states = await db.syncState.bulkGet(calendars);
  return {
    pending: entries.length,
    online: navigator.onLine,
    pushFailed: states.some((state) => state?.status.phase === 'failed'),
  };
}

async function registerPeriodic(registration: ServiceWorkerRegistration): Promise<void> {
  const mode = backgroundMode(await readBackgroundCapabilities());
  const periodic = periodicSyncOf(registration);
  if (mode.kind !== 'periodic' || !periodic) return;
  await periodic.register(SyncTag.periodic, { minInterval: PERIODIC_MIN_INTERVAL_MS });
}

/** Starts both; returns the function that stops watching the outbox. */
export function startBackgroundRegistration(registration: ServiceWorkerRegistration): () => void {
  // Refused or unsupported: the app still syncs while open.
  void registerPeriodic(registration).catch(() => undefined);
  const oneOff = syncOf(registration);
  if (!oneOff) return () => undefined;
  const check = (situation: OutboxSituation): void => {
    if (needsOutboxFlush(situation)) void oneOff.register(SyncTag.outbox).catch(() => undefined);
  };
  const subscription = liveQuery(outboxSituation).subscribe({ next: check, error: () => undefined });
  // Going offline writes nothing: look again then, in case changes are already waiting.
  const onOffline = (): void => {
    void outboxSituation().then(check, () => undefined);
  };
  window.addEventListener('offline', onOffline);
  return () => {
    subscription.unsubscribe();
    window.removeEventListener('offline', onOffline);
  };
}
