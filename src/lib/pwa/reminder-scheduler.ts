/**
 * Reminders while a page is open (the service worker covers a closed app on periodic sync): look for
 * the next reminder, wake up when it is due, claim it (fired-log.ts: one tab shows it, once) and show
 * it as a system notification. Re-plans whenever events, occurrences or snoozes change. Loaded after
 * the first paint, only when the user allowed notifications.
 */
import { liveQuery } from 'dexie';
import { DAY_MS } from '../../core/occurrences/time-range';
import { claimDueReminders } from '../../core/reminders/catch-up';
import type { DueReminder } from '../../core/reminders/due-reminders';
import { nextCheckDelay } from '../../core/reminders/next-check';
import { findReminders } from '../../core/reminders/reminder-range';
import { reminderNotice } from '../../core/reminders/reminder-notice';
import { db, viewerZone } from '../db';
import { clockSetting, locale } from '../i18n/locale';
import { notificationsAllowed } from './notification-permission';

const READY_WAIT_MS = 5_000;

/** The service worker's registration once active (it registers after the first paint), if any. */
async function readyRegistration(): Promise<ServiceWorkerRegistration | undefined> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => {
      resolve(undefined);
    }, READY_WAIT_MS);
  });
  try {
    return await Promise.race([navigator.serviceWorker.ready, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function show(reminder: DueReminder): Promise<void> {
  const notice = reminderNotice(reminder, viewerZone(), locale(), clockSetting());
  const registration = await readyRegistration();
  if (registration) {
    await registration.showNotification(notice.title, {
      body: notice.body,
      tag: notice.tag,
      data: notice.data,
      icon: '/pwa-192x192.png',
      // `actions` is not in TypeScript's NotificationOptions yet; the service worker handles them.
      ...({ actions: notice.actions } as object),
    });
    return;
  }
  // No service worker (npm run dev, or it failed to install): a plain notification opening the event.
  const plain = new Notification(notice.title, { body: notice.body, tag: notice.tag });
  plain.addEventListener('click', () => {
    window.focus();
    window.location.assign(notice.data.url);
  });
}

let stop: (() => void) | null = null;

/** Starts the page's reminders once (a no-op without permission or when already running). */
export function startReminders(): void {
  if (stop !== null || !notificationsAllowed()) return;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const fireDue = async (): Promise<void> => {
    for (const reminder of await claimDueReminders(db, Date.now())) await show(reminder);
  };
  const plan = (upcoming: readonly DueReminder[]): void => {
    clearTimeout(timer);
    const now = Date.now();
    timer = setTimeout(
      () => {
        void fireDue().catch(() => undefined);
        // The next plan comes from the live query when the claim writes meta; arm one anyway.
        plan([]);
      },
      nextCheckDelay(upcoming[0]?.fireAt ?? null, now),
    );
  };

  void fireDue().catch(() => undefined);
  const subscription = liveQuery(() => {
    const now = Date.now();
    return findReminders(db, now, now + DAY_MS);
  }).subscribe({ next: plan, error: () => undefined });
  stop = () => {
    clearTimeout(timer);
    subscription.unsubscribe();
    stop = null;
  };
}
