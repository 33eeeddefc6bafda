/**
 * How Almanac keeps in step when it is closed, decided from what the browser offers (pure, tested in
 * tests/unit/pwa). Chromium with the app installed: Periodic Background Sync (syncs and checks
 * reminders now and then) plus one-off Background Sync (sends changes made offline once the network
 * is back). Chromium in a tab: only the latter. Firefox and Safari: neither; the app syncs when it
 * opens, when it is focused again and every N minutes while open.
 */
import { PERIODIC_MIN_INTERVAL_HOURS } from '../../core/pwa/background-tags';

export interface BackgroundCapabilities {
  readonly serviceWorker: boolean;
  /** `registration.periodicSync` exists. */
  readonly periodicSync: boolean;
  /** The 'periodic-background-sync' permission ('granted' once installed, in Chromium). */
  readonly periodicPermission: PermissionState | 'unknown';
  /** `registration.sync` exists. */
  readonly oneOffSync: boolean;
}

export type BackgroundMode =
  | { readonly kind: 'periodic'; readonly everyHours: number }
  | { readonly kind: 'outbox-only' }
  | { readonly kind: 'while-open' };

export function backgroundMode(caps: BackgroundCapabilities): BackgroundMode {
  if (!caps.serviceWorker) return { kind: 'while-open' };
  if (caps.periodicSync && caps.periodicPermission === 'granted') {
    return { kind: 'periodic', everyHours: PERIODIC_MIN_INTERVAL_HOURS };
  }
  return caps.oneOffSync ? { kind: 'outbox-only' } : { kind: 'while-open' };
}

/** What the page knows about unsent changes (from the outbox and the calendars' sync status). */
export interface OutboxSituation {
  readonly pending: number;
  readonly online: boolean;
  /** The last push of a calendar with pending changes failed (network, server, retry later). */
  readonly pushFailed: boolean;
}

/**
 * Whether to ask the browser for a one-off Background Sync: there are unsent changes and this page
 * cannot send them now (offline, or the push failed). Registering is idempotent per tag.
 */
export function needsOutboxFlush(situation: OutboxSituation): boolean {
  return situation.pending > 0 && (!situation.online || situation.pushFailed);
}
