/**
 * "Which alarms fire between A and B": pure, given the instances around the interval and each event's
 * alarms. Times are epoch ms; all-day instances are already placed in the viewer's zone by the
 * occurrence table, so "1 day before an all-day event" is the viewer's midnight minus a day.
 */
import type { EventId } from '../model/ids';
import type { OccurrenceRecord } from '../model/occurrence';
import { alarmsForInstance, type AlarmSpec, type EventAlarms } from './alarm-spec';

/** One reminder to show: the instance it is about and when it fires. */
export interface DueReminder {
  /** Stable identity (instance, alarm, fire time): a reminder fires once; a moved event fires again. */
  readonly key: string;
  readonly fireAt: number;
  readonly eventId: EventId;
  /** The occurrence id (`eventId|recurrenceId`), as the agenda's `?event=` expects. */
  readonly occurrenceId: string;
  readonly start: number;
  readonly end: number;
  readonly allDay: boolean;
  readonly summary: string;
  readonly location: string;
}

/** The instance fields a reminder needs (a subset of OccurrenceRecord). */
export type ReminderInstance = Pick<
  OccurrenceRecord,
  'id' | 'eventId' | 'start' | 'end' | 'allDay' | 'recurrenceId' | 'summary' | 'location'
>;

function fireTime(alarm: AlarmSpec, instance: ReminderInstance): number {
  const { trigger } = alarm;
  if (trigger.kind === 'absolute') return trigger.at;
  return (trigger.related === 'end' ? instance.end : instance.start) + trigger.offsetMs;
}

function keyOf(alarm: AlarmSpec, instance: ReminderInstance, fireAt: number): string {
  // An absolute trigger belongs to the event, not to one instance: one key for the whole series.
  const about = alarm.trigger.kind === 'absolute' ? `${instance.eventId}|abs` : instance.id;
  return `${about}|${alarm.index}|${fireAt}`;
}

/**
 * Reminders firing in `(from, to]` (so back-to-back checks never share a moment), sorted by fire time
 * then key. `instances` must include every instance whose alarms could fire then (see reminder-range).
 */
export function remindersBetween(
  instances: readonly ReminderInstance[],
  alarmsOf: (eventId: EventId) => EventAlarms,
  from: number,
  to: number,
): DueReminder[] {
  const due = new Map<string, DueReminder>();
  for (const instance of instances) {
    for (const alarm of alarmsForInstance(alarmsOf(instance.eventId), instance.recurrenceId)) {
      const fireAt = fireTime(alarm, instance);
      if (!(fireAt > from && fireAt <= to)) continue;
      const key = keyOf(alarm, instance, fireAt);
      if (due.has(key)) continue;
      due.set(key, {
        key,
        fireAt,
        eventId: instance.eventId,
        occurrenceId: instance.id,
        start: instance.start,
        end: instance.end,
        allDay: instance.allDay,
        summary: instance.summary,
        location: instance.location,
      });
    }
  }
  return [...due.values()].sort((a, b) => a.fireAt - b.fireAt || (a.key < b.key ? -1 : 1));
}
