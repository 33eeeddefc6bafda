/**
 * The service worker's periodic check (and a page coming back): reminders due since the last check,
 * each claimed once. A first check, or one after a long sleep, looks back at most MAX_CATCH_UP_MS:
 * a reminder for a meeting that ended yesterday helps nobody.
 */
import type { AlmanacDb } from '../db/almanac-db';
import { DAY_MS } from '../occurrences/time-range';
import type { DueReminder } from './due-reminders';
import { claimReminder, readLastCheck, writeLastCheck } from './fired-log';
import { findReminders } from './reminder-range';
import { pruneSnoozed } from './snooze';

export const MAX_CATCH_UP_MS = DAY_MS / 2;

/** The interval a check at `now` covers, given the previous check. */
export function catchUpWindow(lastCheck: number | null, now: number): { from: number; to: number } {
  const earliest = now - MAX_CATCH_UP_MS;
  return { from: lastCheck === null ? earliest : Math.min(now, Math.max(lastCheck, earliest)), to: now };
}

/** Finds the reminders due since the last check, claims them, records the check; returns those to show. */
export async function claimDueReminders(db: AlmanacDb, now: number): Promise<DueReminder[]> {
  const { from, to } = catchUpWindow(await readLastCheck(db), now);
  const due = await findReminders(db, from, to);
  const mine: DueReminder[] = [];
  for (const reminder of due) if (await claimReminder(db, reminder.key, now)) mine.push(reminder);
  await writeLastCheck(db, now);
  await pruneSnoozed(db, from);
  return mine;
}
