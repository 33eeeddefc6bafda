/**
 * The editor's one reminder as a VALARM on a VEVENT: "n minutes before the start" (0 = at the start).
 * The reminder the editor shows is the first DISPLAY alarm whose TRIGGER is a duration relative to
 * the start, at or before it; writing a different choice replaces only that alarm, so every other
 * alarm (audio, e-mail, relative to the end, absolute) survives.
 */
import ICAL from 'ical.js';

/** Minutes before the start (0 = at the start), or null for no reminder. */
export type ReminderMinutes = number | null;

function relatedToStart(trigger: ICAL.Property): boolean {
  const related = trigger.getParameter('related');
  return typeof related !== 'string' || related.toUpperCase() !== 'END';
}

/** Seconds of a relative TRIGGER (negative = before), or null when it is absolute or unreadable. */
export function triggerSeconds(trigger: ICAL.Property): number | null {
  try {
    const value: unknown = trigger.getFirstValue();
    return value instanceof ICAL.Duration ? value.toSeconds() : null;
  } catch {
    return null;
  }
}

function isEditorAlarm(alarm: ICAL.Component): boolean {
  const action = alarm.getFirstPropertyValue('action');
  if (typeof action !== 'string' || action.toUpperCase() !== 'DISPLAY') return false;
  const trigger = alarm.getFirstProperty('trigger');
  if (!trigger || !relatedToStart(trigger)) return false;
  const seconds = triggerSeconds(trigger);
  return seconds !== null && seconds <= 0;
}

function editorAlarm(vevent: ICAL.Component): ICAL.Component | null {
  return vevent.getAllSubcomponents('valarm').find(isEditorAlarm) ?? null;
}

/** The reminder the editor shows for this component. */
export function readReminder(vevent: ICAL.Component): ReminderMinutes {
  const trigger = editorAlarm(vevent)?.getFirstProperty('trigger');
  const seconds = trigger ? triggerSeconds(trigger) : null;
  // `+ 0` turns -0 (a trigger of PT0S) into 0.
  return seconds === null ? null : Math.round(-seconds / 60) + 0;
}

/** Sets the editor's reminder; a no-op when it is already the one shown. Other alarms are kept. */
export function writeReminder(vevent: ICAL.Component, minutes: ReminderMinutes): void {
  if (readReminder(vevent) === minutes) return;
  const current = editorAlarm(vevent);
  if (current) vevent.removeSubcomponent(current);
  if (minutes === null) return;
  const alarm = new ICAL.Component('valarm');
  alarm.addPropertyWithValue('action', 'DISPLAY');
  alarm.addPropertyWithValue('trigger', ICAL.Duration.fromSeconds(minutes > 0 ? -minutes * 60 : 0));
  // DESCRIPTION is required on a DISPLAY alarm (RFC 5545 §3.6.6); clients show the summary.
  const summary = vevent.getFirstPropertyValue('summary');
  alarm.addPropertyWithValue(
    'description',
    typeof summary === 'string' && summary !== '' ? summary : 'Reminder',
  );
  vevent.addSubcomponent(alarm);
}
