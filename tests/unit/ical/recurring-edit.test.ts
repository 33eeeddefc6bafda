// Rule numbers in test names: docs/sync-rules.md.
import { describe, expect, it } from 'vitest';
import { draftFromIcs } from '../../../src/core/ical/draft-from-ics';
import type { EventDraft } from '../../../src/core/ical/event-draft';
import { expandEvent } from '../../../src/core/ical/expand';
import { parseCalendarObject } from '../../../src/core/ical/parse';
import { applyEdit } from '../../../src/core/ical/recurring-edit';
import { createEventIcs } from '../../../src/core/ical/compose';
import { at, fixture, iso } from './fixture';

const NOW = at('2026-11-20T10:00:00Z');
const ZURICH = 'Europe/Zurich';
const WINDOW = { from: at('2026-01-01T00:00:00Z'), to: at('2028-01-01T00:00:00Z') };
const NEW_UID = 'split-1@almanac';

const starts = (ics: string): string[] =>
  expandEvent(ics, WINDOW, ZURICH).instances.map((instance) => iso(instance.start));
const moveTiming = (draft: EventDraft, start: string, end: string): EventDraft => ({
  ...draft,
  timing: { allDay: false, start, end, timeZone: ZURICH },
});

describe('applyEdit scope all', () => {
  it('a plain event that is given a repeat becomes a series', () => {
    const ics = createEventIcs(
      {
        title: 'Standup',
        location: '',
        description: '',
        timing: { allDay: false, start: '2026-11-23T09:00', end: '2026-11-23T09:15', timeZone: ZURICH },
        repeat: null,
      },
      { uid: 'plain-1@almanac', now: NOW },
    );
    const draft: EventDraft = {
      ...draftFromIcs(ics, null, ZURICH),
      repeat: { frequency: 'weekly', interval: 1, byDay: [], end: { kind: 'count', count: 3 } },
    };
    const result = applyEdit(ics, { draft, scope: 'all', recurrenceId: null, now: NOW, newUid: NEW_UID });
    expect(result.ics).toContain('RRULE:FREQ=WEEKLY;COUNT=3');
    expect(parseCalendarObject(result.ics).recurring).toBe(true);
    expect(starts(result.ics)).toEqual([
      '2026-11-23T08:00:00.000Z',
      '2026-11-30T08:00:00.000Z',
      '2026-12-07T08:00:00.000Z',
    ]);
  });

  it('rule 26: a title edit keeps alarms, attendees, X- properties and unknown parameters', () => {
    const ics = fixture('x-props-alarms-attendees.ics');
    const draft = { ...draftFromIcs(ics, null, ZURICH), title: 'Planning (renamed)' };
    const result = applyEdit(ics, { draft, scope: 'all', recurrenceId: null, now: NOW, newUid: NEW_UID });
    expect(result.split).toBeNull();
    for (const kept of [
      'ATTENDEE;CN=Ben;PARTSTAT=ACCEPTED;X-NUM-GUESTS=0:mailto:ben@example.org',
      'ORGANIZER;CN=Ana:mailto:ana@example.org',
      'X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC',
      'X-MOZ-GENERATION:4',
      'CATEGORIES:Work',
      'BEGIN:VALARM',
      'TRIGGER:-PT15M',
      'X-WR-ALARMUID:alarm-1',
      'CREATED:20251201T120000Z',
      'RRULE:FREQ=WEEKLY;COUNT=10',
      'DTSTART;TZID=Europe/Zurich:20261102T100000',
      'DESCRIPTION:Agenda in the doc',
    ]) {
      expect(result.ics).toContain(kept);
    }
    expect(result.ics).toContain('SUMMARY:Planning (renamed)');
    expect(result.ics).toContain('SEQUENCE:4');
    expect(result.ics).toContain('LAST-MODIFIED:20261120T100000Z');
    expect(result.ics).toContain('DTSTAMP:20261120T100000Z');
    expect(result.ics).toContain('BEGIN:VTIMEZONE');
    expect(starts(result.ics)).toEqual(starts(ics));
  });

  it('from an occurrence, the master moves by the same delta, not onto its date', () => {
    const ics = fixture('x-props-alarms-attendees.ics');
    const draft = moveTiming(
      draftFromIcs(ics, '20261109T090000Z', ZURICH),
      '2026-11-09T11:30',
      '2026-11-09T12:30',
    );
    const result = applyEdit(ics, {
      draft,
      scope: 'all',
      recurrenceId: '20261109T090000Z',
      now: NOW,
      newUid: NEW_UID,
    });
    expect(result.ics).toContain('DTSTART;TZID=Europe/Zurich:20261102T113000');
    expect(result.ics).toContain('DTEND;TZID=Europe/Zurich:20261102T123000');
    expect(starts(result.ics).slice(0, 2)).toEqual(['2026-11-02T10:30:00.000Z', '2026-11-09T10:30:00.000Z']);
  });

  it('existing overrides move with the series; one moved on its own keeps its time', () => {
    const ics = fixture('recurrence-id-utc-vs-tzid.ics');
    const draft = moveTiming(
      draftFromIcs(ics, '20261201T080000Z', ZURICH),
      '2026-12-01T10:00',
      '2026-12-01T11:00',
    );
    const result = applyEdit(ics, {
      draft,
      scope: 'all',
      recurrenceId: '20261201T080000Z',
      now: NOW,
      newUid: NEW_UID,
    });
    const instances = expandEvent(result.ics, WINDOW, ZURICH).instances;
    expect(
      instances.map((instance) => [instance.recurrenceId, iso(instance.start), instance.summary]),
    ).toEqual([
      ['20261117T090000Z', '2026-11-17T09:00:00.000Z', 'Review'],
      ['20261124T090000Z', '2026-11-24T12:00:00.000Z', 'Review (moved)'],
      ['20261201T090000Z', '2026-12-01T09:00:00.000Z', 'Review'],
      ['20261208T090000Z', '2026-12-08T09:00:00.000Z', 'Review'],
    ]);
  });

  it("rule 24: keeps the event's own TZID (a Windows name) when edited from another zone", () => {
    const ics = fixture('windows-zone-w-europe.ics');
    const draft = draftFromIcs(ics, null, 'America/New_York');
    expect(draft.timing).toMatchObject({ start: '2026-07-15T08:00', timeZone: 'America/New_York' });
    const result = applyEdit(ics, {
      draft: {
        ...draft,
        timing: {
          allDay: false,
          start: '2026-07-15T09:00',
          end: '2026-07-15T10:00',
          timeZone: 'America/New_York',
        },
      },
      scope: 'all',
      recurrenceId: null,
      now: NOW,
      newUid: NEW_UID,
    });
    expect(result.ics).toContain('DTSTART;TZID=W. Europe Standard Time:20260715T150000');
    expect(result.ics).toContain('X-MICROSOFT-CDO-BUSYSTATUS:BUSY');
    expect(expandEvent(result.ics, WINDOW, ZURICH).instances[0]?.start).toBe(at('2026-07-15T13:00:00Z'));
  });

  it('a changed rule replaces the RRULE; "does not repeat" makes a single event', () => {
    const ics = fixture('x-props-alarms-attendees.ics');
    const draft = draftFromIcs(ics, null, ZURICH);
    const daily = applyEdit(ics, {
      draft: {
        ...draft,
        repeat: { frequency: 'daily', interval: 1, byDay: [], end: { kind: 'count', count: 2 } },
      },
      scope: 'all',
      recurrenceId: null,
      now: NOW,
      newUid: NEW_UID,
    });
    expect(starts(daily.ics)).toEqual(['2026-11-02T09:00:00.000Z', '2026-11-03T09:00:00.000Z']);
    const single = applyEdit(ics, {
      draft: { ...draft, repeat: null },
      scope: 'all',
      recurrenceId: null,
      now: NOW,
      newUid: NEW_UID,
    });
    expect(parseCalendarObject(single.ics).recurring).toBe(false);
  });
});

describe('applyEdit scope this', () => {
  it('adds an override with RECURRENCE-ID that copies the untouched properties', () => {
    const ics = fixture('x-props-alarms-attendees.ics');
    const draft = moveTiming(
      { ...draftFromIcs(ics, '20261109T090000Z', ZURICH), title: 'Planning (moved)' },
      '2026-11-09T15:00',
      '2026-11-09T16:00',
    );
    const result = applyEdit(ics, {
      draft,
      scope: 'this',
      recurrenceId: '20261109T090000Z',
      now: NOW,
      newUid: NEW_UID,
    });
    expect(parseCalendarObject(result.ics).componentCount).toBe(2);
    const override = result.ics.slice(result.ics.lastIndexOf('BEGIN:VEVENT'));
    expect(override).toContain('RECURRENCE-ID;TZID=Europe/Zurich:20261109T100000');
    expect(override).toContain('DTSTART;TZID=Europe/Zurich:20261109T150000');
    expect(override).toContain('ATTENDEE;CN=Ben');
    expect(override).toContain('BEGIN:VALARM');
    expect(override).not.toContain('RRULE');
    const instances = expandEvent(result.ics, WINDOW, ZURICH).instances;
    expect(instances).toHaveLength(10);
    expect(instances[1]).toMatchObject({ start: at('2026-11-09T14:00:00Z'), summary: 'Planning (moved)' });
    expect(instances.filter((instance) => instance.summary === 'Planning')).toHaveLength(9);
  });

  it('updates an existing override (matched by its UTC RECURRENCE-ID) in place', () => {
    const ics = fixture('recurrence-id-utc-vs-tzid.ics');
    const draft = { ...draftFromIcs(ics, '20261124T080000Z', ZURICH), location: 'Room 9' };
    const result = applyEdit(ics, {
      draft,
      scope: 'this',
      recurrenceId: '20261124T080000Z',
      now: NOW,
      newUid: NEW_UID,
    });
    expect(parseCalendarObject(result.ics).componentCount).toBe(2);
    expect(result.ics).toContain('RECURRENCE-ID:20261124T080000Z');
    const moved = expandEvent(result.ics, WINDOW, ZURICH).instances[1];
    expect(moved).toMatchObject({ start: at('2026-11-24T12:00:00Z'), location: 'Room 9' });
  });
});

describe('applyEdit scope following', () => {
  it('ends the series before the occurrence and starts a new one with the remaining COUNT', () => {
    const ics = fixture('x-props-alarms-attendees.ics');
    const draft = moveTiming(
      draftFromIcs(ics, '20261123T090000Z', ZURICH),
      '2026-11-23T14:00',
      '2026-11-23T15:00',
    );
    const result = applyEdit(ics, {
      draft,
      scope: 'following',
      recurrenceId: '20261123T090000Z',
      now: NOW,
      newUid: NEW_UID,
    });
    expect(result.ics).toContain('RRULE:FREQ=WEEKLY;UNTIL=20261123T085959Z');
    expect(starts(result.ics)).toHaveLength(3);
    const split = result.split ?? '';
    expect(parseCalendarObject(split)).toMatchObject({ uid: NEW_UID, recurring: true });
    expect(split).toContain('RRULE:FREQ=WEEKLY;COUNT=7');
    expect(split).toContain('DTSTART;TZID=Europe/Zurich:20261123T140000');
    expect(split).toContain('BEGIN:VTIMEZONE');
    expect(split).toContain('ATTENDEE;CN=Ben');
    expect(split).toContain('SEQUENCE:0');
    const later = starts(split);
    expect(later).toHaveLength(7);
    expect(later[0]).toBe('2026-11-23T13:00:00.000Z');
  });

  it('moves later overrides to the new series and leaves earlier ones', () => {
    const ics = fixture('recurrence-id-utc-vs-tzid.ics');
    const draft = draftFromIcs(ics, '20261124T080000Z', ZURICH);
    const result = applyEdit(ics, {
      draft: { ...draft, title: 'New review' },
      scope: 'following',
      recurrenceId: '20261124T080000Z',
      now: NOW,
      newUid: NEW_UID,
    });
    expect(parseCalendarObject(result.ics).componentCount).toBe(1);
    expect(starts(result.ics)).toEqual(['2026-11-17T08:00:00.000Z']);
    expect(parseCalendarObject(result.split ?? '').componentCount).toBe(1);
    expect(starts(result.split ?? '')).toEqual([
      '2026-11-24T12:00:00.000Z',
      '2026-12-01T12:00:00.000Z',
      '2026-12-08T12:00:00.000Z',
    ]);
  });

  it("the new series' COUNT is reduced by the rule's instances before it, EXDATE'd ones included", () => {
    const ics = fixture('exdate-date-vs-datetime.ics');
    const draft = draftFromIcs(ics, '20261104T170000Z', ZURICH);
    const result = applyEdit(ics, {
      draft,
      scope: 'following',
      recurrenceId: '20261104T170000Z',
      now: NOW,
      newUid: NEW_UID,
    });
    expect(result.split).toContain('RRULE:FREQ=DAILY;COUNT=3');
    expect(result.split).toContain('EXDATE:20261105T170000Z');
    expect(result.split).not.toContain('20261103');
    expect(starts(result.split ?? '')).toEqual(['2026-11-04T17:00:00.000Z', '2026-11-06T17:00:00.000Z']);
    expect(starts(result.ics)).toEqual(['2026-11-02T17:00:00.000Z']);
  });

  it('a timed series turned all-day moves its EXDATEs to dates', () => {
    const ics = fixture('exdate-date-vs-datetime.ics');
    const draft = draftFromIcs(ics, null, ZURICH);
    const allDay: EventDraft = {
      ...draft,
      timing: { allDay: true, startDate: '2026-11-02', endDate: '2026-11-02' },
    };
    const result = applyEdit(ics, {
      draft: allDay,
      scope: 'all',
      recurrenceId: null,
      now: NOW,
      newUid: NEW_UID,
    });
    expect(result.ics).toContain('DTSTART;VALUE=DATE:20261102');
    expect(result.ics).not.toContain('VTIMEZONE');
    const instances = expandEvent(result.ics, WINDOW, ZURICH).instances;
    expect(instances.map((instance) => [instance.recurrenceId, instance.allDay])).toEqual([
      ['20261102', true],
      ['20261104', true],
      ['20261106', true],
    ]);
  });

  it('from the first occurrence behaves as all', () => {
    const ics = fixture('x-props-alarms-attendees.ics');
    const draft = { ...draftFromIcs(ics, '20261102T090000Z', ZURICH), title: 'Renamed' };
    const result = applyEdit(ics, {
      draft,
      scope: 'following',
      recurrenceId: '20261102T090000Z',
      now: NOW,
      newUid: NEW_UID,
    });
    expect(result.split).toBeNull();
    expect(result.ics).toContain('RRULE:FREQ=WEEKLY;COUNT=10');
    expect(
      expandEvent(result.ics, WINDOW, ZURICH).instances.every((instance) => instance.summary === 'Renamed'),
    ).toBe(true);
  });
});
