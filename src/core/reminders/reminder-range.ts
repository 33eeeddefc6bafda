/**
 * Reminders from the database: the instances of visible calendars around `(from, to]`, each event's
 * alarms read once. An alarm may fire up to MAX_LEAD_MS before its instance or MAX_LAG_MS after it
 * starts (or ends); alarms further out are not looked for. Snoozed reminders due then are included.
 */
import { visibleCalendarIds } from '../calendars/calendar-repo';
import type { AlmanacDb } from '../db/almanac-db';
import type { EventId } from '../model/ids';
import { occurrencesInRange } from '../occurrences/queries';
import { DAY_MS } from '../occurrences/time-range';
import { NO_ALARMS, type EventAlarms } from './alarm-spec';
import { remindersBetween, type DueReminder } from './due-reminders';
import { readEventAlarms } from './read-alarms';
import { snoozedBetween } from './snooze';

export const MAX_LEAD_MS = 8 * DAY_MS;
export const MAX_LAG_MS = DAY_MS;

export async function findReminders(db: AlmanacDb, from: number, to: number): Promise<DueReminder[]> {
  if (!(from < to)) return [];
  // A hidden calendar (a subscribed holiday feed, someone else's calendar) does not remind either.
  const calendarIds = await visibleCalendarIds(db);
  const instances = await occurrencesInRange(db, {
    from: from - MAX_LAG_MS,
    to: to + MAX_LEAD_MS,
    calendarIds,
  });
  const eventIds = [...new Set(instances.map((instance) => instance.eventId))];
  const events = await db.events.bulkGet(eventIds);
  const alarms = new Map<EventId, EventAlarms>();
  events.forEach((event, i) => {
    const id = eventIds[i];
    if (event && id !== undefined) alarms.set(id, readEventAlarms(event.ics));
  });
  const fromAlarms = remindersBetween(instances, (id) => alarms.get(id) ?? NO_ALARMS, from, to);
  const snoozed = await snoozedBetween(db, from, to);
  return [...fromAlarms, ...snoozed].sort((a, b) => a.fireAt - b.fireAt || (a.key < b.key ? -1 : 1));
}
