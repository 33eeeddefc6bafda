/// <reference lib="webworker" />
/**
 * Reminder notifications from the service worker: shown on a periodic check, and the clicks on any
 * reminder notification (shown by a page or by the worker): "Snooze 10 min" stores it again
 * (src/core/reminders/snooze.ts); a click on the notification opens the event in the agenda, in an
 * open Almanac window when there is one.
 */
import type { AlmanacDb } from '../../src/core/db/almanac-db';
import type { DueReminder } from '../../src/core/reminders/due-reminders';
import {
  readNoticeData,
  reminderNotice,
  noticeLocale,
  SNOOZE_ACTION,
} from '../../src/core/reminders/reminder-notice';
import { snoozeReminder } from '../../src/core/reminders/snooze';
import { readSettings } from '../../src/core/settings/settings';
import { swWarn } from './log';
import { openDbIfCurrent } from './open-db';

export async function showReminders(
  scope: ServiceWorkerGlobalScope,
  db: AlmanacDb,
  reminders: readonly DueReminder[],
): Promise<void> {
  if (reminders.length === 0) return;
  const settings = await readSettings(db);
  const locale = noticeLocale(settings.language, scope.navigator.languages);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  for (const reminder of reminders) {
    const notice = reminderNotice(reminder, zone, locale, settings.clock);
    await scope.registration.showNotification(notice.title, {
      body: notice.body,
      tag: notice.tag,
      data: notice.data,
      icon: '/pwa-192x192.png',
      // `actions` is not in TypeScript's NotificationOptions yet.
      ...({ actions: notice.actions } as object),
    });
  }
}

async function snooze(scope: ServiceWorkerGlobalScope, reminder: DueReminder): Promise<void> {
  const db = await openDbIfCurrent(scope.indexedDB);
  if (!db) return;
  try {
    await snoozeReminder(db, reminder, Date.now());
  } finally {
    db.close();
  }
}

/** Focuses an open Almanac window on `path`, or opens one. */
async function openInAgenda(scope: ServiceWorkerGlobalScope, path: string): Promise<void> {
  const url = new URL(path, scope.location.origin).href;
  const windows = await scope.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((client) => new URL(client.url).origin === scope.location.origin);
  if (open) {
    const focused = await open.focus();
    try {
      // Only a window this worker controls can be navigated; otherwise a new one opens below.
      await focused.navigate(url);
      return;
    } catch {
      swWarn('reminder-window-not-controlled');
    }
  }
  await scope.clients.openWindow(url);
}

export function listenForReminderClicks(scope: ServiceWorkerGlobalScope): void {
  scope.addEventListener('notificationclick', (event) => {
    const data = readNoticeData(event.notification.data);
    if (!data) return;
    event.notification.close();
    const work =
      event.action === SNOOZE_ACTION ? snooze(scope, data.reminder) : openInAgenda(scope, data.url);
    event.waitUntil(
      work.catch((error: unknown) => {
        swWarn('reminder-click-failed', { error: error instanceof Error ? error.name : 'unknown' });
      }),
    );
  });
}
