import * as Comlink from 'comlink';
import { liveQuery } from 'dexie';
import { startPageTriggers, type OutboxHead } from '../core/sync/page-triggers';
import type { SyncApi } from '../core/sync/sync-api';
import { registerComlinkErrorHandlers } from './comlink-errors';
import { db } from './db';
import { pageTokenSource } from './microsoft/microsoft-auth';

let remote: Comlink.Remote<SyncApi> | null = null;

/** The sync worker, started on first use (the app opens without it; a page that never syncs never starts it). */
function worker(): Comlink.Remote<SyncApi> {
  if (remote !== null) return remote;
  registerComlinkErrorHandlers();
  const instance = new Worker(new URL('../../workers/sync.worker.ts', import.meta.url), {
    type: 'module',
    name: 'almanac-sync',
  });
  // A worker that failed to load answers nothing: drop it so the next call starts a fresh one.
  instance.addEventListener('error', () => {
    instance.terminate();
    remote = null;
  });
  remote = Comlink.wrap<SyncApi>(instance);
  // Graph tokens come from this page (MSAL runs here only: docs/sync-rules.md rule 50).
  void remote.setTokenSource(Comlink.proxy(pageTokenSource));
  return remote;
}

/** The page side of the sync worker's contract (src/core/sync/sync-api.ts). AppErrors keep their kind. */
export const syncApi: SyncApi = {
  discoverCalDav: (login) => worker().discoverCalDav(login),
  discoverGraph: (input) => worker().discoverGraph(input),
  setTokenSource: (source) => worker().setTokenSource(Comlink.proxy(source)),
  addAccount: (account, calendars) => worker().addAccount(account, calendars),
  updatePassword: (accountId, password) => worker().updatePassword(accountId, password),
  resumeAccount: (accountId) => worker().resumeAccount(accountId),
  removeAccount: (accountId) => worker().removeAccount(accountId),
  syncNow: (target, reason) => worker().syncNow(target, reason),
  answerEmptyOnServer: (calendarId, answer) => worker().answerEmptyOnServer(calendarId, answer),
};

function listen(target: EventTarget, type: string, fn: () => void): () => void {
  target.addEventListener(type, fn);
  return () => {
    target.removeEventListener(type, fn);
  };
}

async function outboxHead(): Promise<OutboxHead | null> {
  const last = await db.outbox.orderBy('seq').last();
  return last?.seq === undefined ? null : { seq: last.seq, calendarId: last.calendarId };
}

/**
 * Starts syncing from this page: now, on focus and visibility, when the network is back, and shortly
 * after each local change (a new outbox entry, in this tab or another). Returns the function that stops.
 */
export function startSyncTriggers(): () => void {
  return startPageTriggers({
    onFocus: (fn) => listen(window, 'focus', fn),
    onVisible: (fn) =>
      listen(document, 'visibilitychange', () => {
        if (document.visibilityState === 'visible') fn();
      }),
    onOnline: (fn) => listen(window, 'online', fn),
    watchOutboxHead: (fn) => {
      const subscription = liveQuery(outboxHead).subscribe({ next: fn, error: () => undefined });
      return () => {
        subscription.unsubscribe();
      };
    },
    syncNow: (target, reason) => syncApi.syncNow(target, reason),
    now: () => Date.now(),
  });
}
