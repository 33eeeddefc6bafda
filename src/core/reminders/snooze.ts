/**
 * "Snooze 10 min": the reminder comes back as a new one, stored in `meta` so a page or the service
 * worker shows it even if whoever snoozed it is gone by then. Each snooze has its own key.
 */
import type { AlmanacDb } from '../db/almanac-db';
import type { DueReminder } from './due-reminders';

export const SNOOZED_KEY = 'reminders.snoozed';
export const SNOOZE_MS = 10 * 60_000;

function isReminder(value: unknown): value is DueReminder {
  return (
    typeof value === 'object' &&
    value !== null &&
    'key' in value &&
    typeof value.key === 'string' &&
    'fireAt' in value &&
    typeof value.fireAt === 'number'
  );
}

async function readSnoozed(db: AlmanacDb): Promise<DueReminder[]> {
  const value = (await db.meta.get(SNOOZED_KEY))?.value;
  return Array.isArray(value) ? value.filter(isReminder) : [];
}

/** Stores the reminder again, due `SNOOZE_MS` after `now`. */
export async function snoozeReminder(db: AlmanacDb, reminder: DueReminder, now: number): Promise<void> {
  const fireAt = now + SNOOZE_MS;
  const again: DueReminder = { ...reminder, key: `${reminder.key}|snooze|${fireAt}`, fireAt };
  await db.transaction('rw', db.meta, async () => {
    await db.meta.put({ key: SNOOZED_KEY, value: [...(await readSnoozed(db)), again] });
  });
}

/** Snoozed reminders firing in `(from, to]`. */
export async function snoozedBetween(db: AlmanacDb, from: number, to: number): Promise<DueReminder[]> {
  return (await readSnoozed(db)).filter((r) => r.fireAt > from && r.fireAt <= to);
}

/** Forgets snoozes that fired before `before` (called after they were shown). */
export async function pruneSnoozed(db: AlmanacDb, before: number): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const kept = (await readSnoozed(db)).filter((r) => r.fireAt >= before);
    await db.meta.put({ key: SNOOZED_KEY, value: kept });
  });
}
