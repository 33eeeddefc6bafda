import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../../src/core/calendars/calendar-repo';
import { composeExport, exportFileName } from '../../../src/core/export/compose-export';
import { exportCalendar, exportRange } from '../../../src/core/export/export-events';
import { applyImport } from '../../../src/core/import/apply-import';
import { planImport } from '../../../src/core/import/plan-import';
import { readIcsFile } from '../../../src/core/import/read-ics-file';
import { fixture } from '../ical/fixture';
import { at, freshDb, testContext } from '../data/helpers';

/** Each UID's VEVENTs as text, in a stable order: what must survive a round trip. */
function eventsByUid(ics: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const text of ics) {
    const root = new ICAL.Component(ICAL.parse(text) as unknown[]);
    for (const vevent of root.getAllSubcomponents('vevent')) {
      const uid = String(vevent.getFirstPropertyValue('uid'));
      out.set(uid, [...(out.get(uid) ?? []), vevent.toString()].sort());
    }
  }
  return out;
}

const SOURCES = [
  'weekly-byday-until-across-dst-zurich.ics',
  'override-this-and-future.ics',
  'x-props-alarms-attendees.ics',
  'mozilla-prefix-tzid.ics',
  'all-day-multi-day.ics',
];

describe('composeExport', () => {
  it('round-trips: import(export(x)) gives back every object, property for property', () => {
    const objects = SOURCES.map((name) => fixture(name));
    const exported = composeExport(objects, { calendarName: 'Mine' });
    const back = readIcsFile(exported);
    expect(back.problems).toEqual([]);
    expect(back.calendarName).toBe('Mine');
    expect(eventsByUid(back.entries.map((entry) => entry.ics))).toEqual(eventsByUid(objects));
  });

  it('includes each needed VTIMEZONE once, adding one for an IANA TZID that came without', () => {
    const bare = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//t//EN',
      'BEGIN:VEVENT',
      'UID:bare@t',
      'DTSTAMP:20261101T000000Z',
      'DTSTART;TZID=America/New_York:20261201T090000',
      'DTEND;TZID=America/New_York:20261201T100000',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const exported = composeExport([fixture('weekly-byday-until-across-dst-zurich.ics'), bare]);
    expect(exported.match(/TZID:Europe\/Zurich\r\n/g)).toHaveLength(1);
    expect(exported).toMatch(/BEGIN:VTIMEZONE\r\nTZID:America\/New_York/);
  });

  it('makes file names safe', () => {
    expect(exportFileName('Work / home: 2026')).toBe('Work home 2026.ics');
    expect(exportFileName('  ')).toBe('calendar.ics');
  });
});

describe('exportCalendar and exportRange', () => {
  it('exports a calendar whole, and a range across calendars by their instances', async () => {
    const db = freshDb();
    const ctx = testContext('2026-11-20T10:00:00Z');
    const club = await createCalendar(db, { name: 'Club', color: '#1f6feb' }, ctx);
    const content = readIcsFile(fixture('import-duplicate-uid-and-broken.ics'));
    await applyImport(db, await planImport(db, content, club), ctx);

    const whole = await exportCalendar(db, club);
    expect(whole.fileName).toBe('Club.ics');
    expect(whole.eventCount).toBe(3);
    expect(eventsByUid(readIcsFile(whole.ics).entries.map((entry) => entry.ics))).toEqual(
      eventsByUid(content.entries.map((entry) => entry.ics)),
    );

    const range = await exportRange(db, {
      from: at('2026-12-05T00:00:00Z'),
      to: at('2026-12-06T00:00:00Z'),
      calendarIds: [club],
      label: 'Almanac 2026-12-05',
    });
    expect(readIcsFile(range.ics).entries.map((entry) => entry.uid)).toEqual(['quiz@example.org']);
    expect(range.fileName).toBe('Almanac 2026-12-05.ics');
  });
});
