import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { createEventIcs } from '../../../src/core/ical/compose';
import { draftFromIcs } from '../../../src/core/ical/draft-from-ics';
import { readReminder, writeReminder } from '../../../src/core/ical/reminder-alarm';
import { timedDraft } from '../data/drafts';

const ZONE = 'Europe/Zurich';

function veventWith(alarms: string[]): ICAL.Component {
  const ics = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//t//EN',
    'BEGIN:VEVENT',
    'UID:a',
    'DTSTAMP:20260101T000000Z',
    'DTSTART:20260310T080000Z',
    'DTEND:20260310T090000Z',
    'SUMMARY:Standup',
    ...alarms,
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');
  const vevent = new ICAL.Component(ICAL.parse(ics) as unknown[]).getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no vevent');
  return vevent;
}

const alarm = (action: string, trigger: string): string[] => [
  'BEGIN:VALARM',
  `ACTION:${action}`,
  trigger,
  'DESCRIPTION:x',
  'END:VALARM',
];

describe('the editor reminder as a VALARM', () => {
  it('reads the first DISPLAY alarm relative to the start, in minutes before', () => {
    const vevent = veventWith([
      ...alarm('AUDIO', 'TRIGGER:-PT5M'),
      ...alarm('DISPLAY', 'TRIGGER;RELATED=END:-PT1M'),
      ...alarm('DISPLAY', 'TRIGGER:-PT15M'),
    ]);
    expect(readReminder(vevent)).toBe(15);
    expect(readReminder(veventWith([]))).toBeNull();
    expect(readReminder(veventWith(alarm('DISPLAY', 'TRIGGER;VALUE=DATE-TIME:20260310T070000Z')))).toBeNull();
  });

  it('replaces only its own alarm and keeps the others', () => {
    const vevent = veventWith([...alarm('AUDIO', 'TRIGGER:-PT5M'), ...alarm('DISPLAY', 'TRIGGER:-PT15M')]);
    writeReminder(vevent, 60);
    expect(readReminder(vevent)).toBe(60);
    const actions = vevent.getAllSubcomponents('valarm').map((a) => a.getFirstPropertyValue('action'));
    expect(actions).toEqual(['AUDIO', 'DISPLAY']);
    writeReminder(vevent, null);
    expect(vevent.getAllSubcomponents('valarm').map((a) => a.getFirstPropertyValue('action'))).toEqual([
      'AUDIO',
    ]);
  });

  it('leaves an unchanged reminder exactly as it was', () => {
    const vevent = veventWith(alarm('DISPLAY', 'TRIGGER:-PT10M'));
    const before = vevent.toString();
    writeReminder(vevent, 10);
    expect(vevent.toString()).toBe(before);
  });

  it('round-trips through a new event and the editor draft', () => {
    const ics = createEventIcs(timedDraft({ reminder: 0 }), {
      uid: 'u1',
      now: Date.parse('2026-03-01T00:00:00Z'),
    });
    expect(ics).toContain('BEGIN:VALARM');
    expect(ics).toContain('TRIGGER:PT0S');
    expect(draftFromIcs(ics, null, ZONE).reminder).toBe(0);
    const none = createEventIcs(timedDraft(), { uid: 'u2', now: 0 });
    expect(none).not.toContain('VALARM');
    expect(draftFromIcs(none, null, ZONE).reminder).toBeNull();
  });
});
