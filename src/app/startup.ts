import { nameBuiltInCalendars } from '../core/calendars/built-in-name';
import { ensureDefaults } from '../core/db/bootstrap';
import { AppError, ErrorKind } from '../core/errors';
import { DAY_MS, YEAR_MS } from '../core/occurrences/time-range';
import { ensureWindowCovers, rematerializeIfZoneChanged } from '../core/occurrences/window';
import { readSettings } from '../core/settings/settings';
import { db, pageContext } from '../lib/db';
import { locale, setClockSetting, setLocale } from '../lib/i18n/locale';
import { resolveLocale } from '../lib/language';
import { replaySettingsJournal } from '../lib/settings-journal';
import { replayNotedWrites } from '../pages/agenda/pending-writes';
import { reportStorageProblem, requestPersistentStorage } from '../lib/storage';
import { applyTheme } from '../lib/theme';
import { liveQuery } from 'dexie';
import { readBootPreferences, writeBootPreferences } from './boot-preferences';
import { shellMessages } from './shell-messages';

/** Opening waits this long for another tab that holds an older version of the database open. */
const OPEN_TIMEOUT_MS = 10_000;

async function openDatabase(): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(
        new AppError({
          kind: ErrorKind.storageUnavailable,
          message: 'Opening the database took too long: another tab may be blocking it.',
          retryable: true,
        }),
      );
    }, OPEN_TIMEOUT_MS);
  });
  try {
    await Promise.race([db.open(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The first frame's language and theme: those last used (boot-preferences.ts), else the browser's. */
export function applyBootPreferences(): void {
  const remembered = readBootPreferences();
  if (!remembered) return;
  setLocale(resolveLocale(remembered.language, navigator.languages));
  applyTheme(remembered.theme);
}

/**
 * What must succeed for the app to work, run while the shell paints: open the database, apply the
 * stored language and theme, and make sure the local account and the "Personal" calendar (named in
 * the user's language) exist. Rejects when IndexedDB is missing, blocked or full; the caller shows a
 * full-page message.
 */
export async function startUp(): Promise<void> {
  await openDatabase();
  await replaySettingsJournal(db);
  // Event changes the last page noted and did not see committed (it was reloaded or closed at once).
  await replayNotedWrites();
  const settings = await readSettings(db);
  setLocale(resolveLocale(settings.language, navigator.languages));
  setClockSetting(settings.clock);
  applyTheme(settings.theme);
  writeBootPreferences(settings);
  await ensureDefaults(db, pageContext(), {
    personalCalendarName: shellMessages[locale()].personalCalendar,
  });
  // The built-in calendar not renamed by the user is named in the language of this start.
  await nameBuiltInCalendars(db, shellMessages[locale()].personalCalendar);
}

/** Rethrows what is not a storage problem, so the browser still reports it as unhandled. */
function reportOrRethrow(error: unknown): void {
  if (reportStorageProblem(error)) return;
  // Closed for an upgrade in another tab meanwhile: this tab already asks to reload (db-upgrade-guard).
  if (!db.isOpen()) return;
  throw error;
}

/**
 * Surfaces storage errors that nobody caught (a write failing for lack of space) in the storage
 * banner; from the start, as the pages read and write while the database is still opening.
 */
export function reportUncaughtStorageProblems(): void {
  window.addEventListener('unhandledrejection', (event) => {
    if (reportStorageProblem(event.reason)) event.preventDefault();
  });
}

/**
 * Work that may take a while and must not hold up the first paint: re-place all-day and floating
 * events when the viewer's zone changed, keep the materialised window one year back and two ahead,
 * start the reminders (when notifications are allowed) and ask for persistent storage.
 */
export function startBackgroundTasks(): void {
  const ctx = pageContext();
  const now = ctx.now();
  // The window was set at first use; as days pass it must still reach a year back and two ahead.
  // window.ts is small and already in the main chunk; ical.js loads only when something needs
  // re-expanding (window.ts imports reexpand.ts on demand).
  void (async () => {
    await rematerializeIfZoneChanged(db, ctx);
    // A day of slack: on a first visit the window was just created from a clock a few ms later,
    // and a growth (with ical.js) for those ms would be wasted work on the first paint's heels.
    await ensureWindowCovers(db, { from: now - YEAR_MS + DAY_MS, to: now + 2 * YEAR_MS - DAY_MS }, ctx);
  })().catch(reportOrRethrow);
  // Reminders need ical.js too; only when the user allowed notifications (Settings asks, never this).
  if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
    void import('../lib/pwa/reminder-scheduler').then(({ startReminders }) => {
      startReminders();
    });
  }
  // A refusal is normal (the browser decides); Settings › Storage shows the state and can ask again.
  void requestPersistentStorage().catch(() => false);
  startSyncOnceAnAccountExists();
  startSubscriptionsOnceOneExists();
}

/**
 * Subscribed feeds (webcal:) refresh hourly while the app is open; 304s cost nothing. The refresh
 * loop (and the ical.js it brings) loads only once a subscribed calendar exists, like the sync worker.
 */
function startSubscriptionsOnceOneExists(): void {
  const subscription = liveQuery(() =>
    db.calendars.filter((calendar) => calendar.subscription !== undefined).count(),
  ).subscribe({
    next: (subscribed) => {
      if (subscribed === 0) return;
      subscription.unsubscribe();
      void import('../pages/subscribe/subscription-refresh')
        .then(({ ensureSubscriptionRefresh }) => {
          ensureSubscriptionRefresh();
        })
        .catch(reportOrRethrow);
    },
    error: reportOrRethrow,
  });
}

/**
 * The sync worker (and its triggers: start, focus, online, local changes) starts only once a server
 * account exists, so a purely local agenda never loads it, nor the client code that talks to it;
 * adding an account later starts it live.
 */
function startSyncOnceAnAccountExists(): void {
  const subscription = liveQuery(() => db.accounts.where('kind').notEqual('local').count()).subscribe({
    next: (remoteAccounts) => {
      if (remoteAccounts === 0) return;
      subscription.unsubscribe();
      void import('../lib/sync-client')
        .then(({ startSyncTriggers }) => {
          startSyncTriggers();
        })
        .catch(reportOrRethrow);
    },
    error: reportOrRethrow,
  });
}
