/**
 * Reads the DISPLAY alarms of an iCalendar object (master and overrides). A malformed alarm is
 * skipped, never fatal: a bad TRIGGER on one event must not stop the others' reminders.
 */
import ICAL from 'ical.js';
import { loadCalendarObject, type CalendarObject } from '../ical/calendar-object';
import { timeProperty } from '../ical/component-utils';
import { recurrenceIdText } from '../ical/ical-time';
import { NO_ALARMS, type AlarmSpec, type AlarmTrigger, type EventAlarms } from './alarm-spec';

function triggerOf(alarm: ICAL.Component): AlarmTrigger | null {
  const trigger = alarm.getFirstProperty('trigger');
  if (!trigger) return null;
  try {
    const value: unknown = trigger.getFirstValue();
    if (value instanceof ICAL.Duration) {
      const related = trigger.getParameter('related');
      return {
        kind: 'relative',
        related: typeof related === 'string' && related.toUpperCase() === 'END' ? 'end' : 'start',
        offsetMs: value.toSeconds() * 1000,
      };
    }
    // RFC 5545 §3.8.6.3: an absolute trigger is a UTC date-time.
    if (value instanceof ICAL.Time) return { kind: 'absolute', at: value.toUnixTime() * 1000 };
  } catch {
    return null;
  }
  return null;
}

/** The DISPLAY alarms of one VEVENT (a master or an override), in their order. */
export function alarmsOf(vevent: ICAL.Component): AlarmSpec[] {
  const specs: AlarmSpec[] = [];
  vevent.getAllSubcomponents('valarm').forEach((alarm, index) => {
    const action = alarm.getFirstPropertyValue('action');
    if (typeof action !== 'string' || action.toUpperCase() !== 'DISPLAY') return;
    const trigger = triggerOf(alarm);
    if (trigger) specs.push({ index, trigger });
  });
  return specs;
}

/** Every DISPLAY alarm of the object; NO_ALARMS when it has none or cannot be read. */
export function readEventAlarms(ics: string): EventAlarms {
  // Most events have no alarm: skip parsing them at all.
  if (!/BEGIN:VALARM/i.test(ics)) return NO_ALARMS;
  let object: CalendarObject;
  try {
    // Zones resolved, so an override's RECURRENCE-ID reads as the occurrence table writes it.
    object = loadCalendarObject(ics);
  } catch {
    return NO_ALARMS;
  }
  const overrides = new Map<string, AlarmSpec[]>();
  for (const vevent of object.overrides) {
    const recurrenceId = timeProperty(vevent, 'recurrence-id');
    if (recurrenceId !== null) overrides.set(recurrenceIdText(recurrenceId), alarmsOf(vevent));
  }
  return { master: object.master ? alarmsOf(object.master) : [], overrides };
}
