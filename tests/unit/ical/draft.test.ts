import { describe, expect, it } from 'vitest';
import { draftFromIcs } from '../../../src/core/ical/draft-from-ics';
import type { EventDraft } from '../../../src/core/ical/event-draft';
import { validateDraft } from '../../../src/core/ical/validate-draft';
import { fixture } from './fixture';

describe('draftFromIcs', () => {
  it('gives the master in the viewer zone with its weekly rule', () => {
    const draft = draftFromIcs(fixture('weekly-byday-until-across-dst-zurich.ics'), null, 'America/New_York');
    expect(draft).toEqual({
      title: 'Team meeting',
      location: 'Room 4',
      description: '',
      timing: {
        allDay: false,
        start: '2026-03-02T03:00',
        end: '2026-03-02T04:00',
        timeZone: 'America/New_York',
      },
      repeat: {
        frequency: 'weekly',
        interval: 1,
        byDay: ['MO', 'TH'],
        end: { kind: 'until', date: '2026-04-09' },
      },
      reminder: null,
    });
  });

  it("gives an occurrence at that instance's time, and an override's own fields", () => {
    const ics = fixture('recurrence-id-utc-vs-tzid.ics');
    const plain = draftFromIcs(ics, '20261201T080000Z', 'Europe/Zurich');
    expect(plain.title).toBe('Review');
    expect(plain.timing).toEqual({
      allDay: false,
      start: '2026-12-01T09:00',
      end: '2026-12-01T10:00',
      timeZone: 'Europe/Zurich',
    });
    expect(plain.repeat).toEqual({
      frequency: 'weekly',
      interval: 1,
      byDay: [],
      end: { kind: 'count', count: 4 },
    });
    const moved = draftFromIcs(ics, '20261124T080000Z', 'Europe/Zurich');
    expect(moved.title).toBe('Review (moved)');
    expect(moved.timing).toMatchObject({ start: '2026-11-24T13:00', end: '2026-11-24T14:00' });
  });

  it('keeps floating times floating and makes the all-day end inclusive', () => {
    expect(draftFromIcs(fixture('floating-time.ics'), '20261125T080000', 'Asia/Tokyo').timing).toEqual({
      allDay: false,
      start: '2026-11-25T08:00',
      end: '2026-11-25T08:15',
      timeZone: 'floating',
    });
    expect(draftFromIcs(fixture('all-day-multi-day.ics'), null, 'Europe/Zurich').timing).toEqual({
      allDay: true,
      startDate: '2026-12-28',
      endDate: '2027-01-01',
    });
  });

  it('a THISANDFUTURE override gives later occurrences its new time', () => {
    const draft = draftFromIcs(fixture('override-this-and-future.ics'), '20261130T080000Z', 'Europe/Zurich');
    expect(draft.timing).toMatchObject({ start: '2026-11-30T14:00', end: '2026-11-30T15:30' });
    expect(draft.title).toBe('Weekly sync (new slot)');
  });

  it('throws not-found for an occurrence the series does not have', () => {
    expect(() => draftFromIcs(fixture('recurrence-id-utc-vs-tzid.ics'), '20261125T080000Z', 'UTC')).toThrow(
      /No occurrence/,
    );
  });
});

const base: EventDraft = {
  title: 'x',
  location: '',
  description: '',
  timing: { allDay: false, start: '2026-11-24T09:00', end: '2026-11-24T10:00', timeZone: 'Europe/Zurich' },
  repeat: { frequency: 'weekly', interval: 1, byDay: ['TU'], end: { kind: 'never' } },
};

describe('validateDraft', () => {
  it('accepts a valid draft', () => {
    expect(validateDraft(base)).toEqual({});
  });

  it('flags invalid dates, an end not after the start and an unknown zone', () => {
    expect(
      validateDraft({
        ...base,
        timing: {
          ...base.timing,
          allDay: false,
          start: '2026-02-30T09:00',
          end: '2026-11-24T25:00',
          timeZone: 'Europe/Zurich',
        },
      }),
    ).toEqual({
      start: 'invalid-date',
      end: 'invalid-date',
    });
    expect(
      validateDraft({
        ...base,
        timing: {
          allDay: false,
          start: '2026-11-24T09:00',
          end: '2026-11-24T09:00',
          timeZone: 'Europe/Zurich',
        },
      }),
    ).toEqual({ end: 'end-before-start' });
    expect(
      validateDraft({
        ...base,
        timing: {
          allDay: false,
          start: '2026-11-24T09:00',
          end: '2026-11-24T10:00',
          timeZone: 'Mars/Olympus',
        },
      }),
    ).toEqual({ start: 'unknown-time-zone' });
    expect(
      validateDraft({ ...base, timing: { allDay: true, startDate: '2026-11-24', endDate: '2026-11-24' } }),
    ).toEqual({});
    expect(
      validateDraft({ ...base, timing: { allDay: true, startDate: '2026-11-24', endDate: '2026-11-23' } }),
    ).toEqual({ end: 'end-before-start' });
  });

  it('flags interval and count below 1 and an UNTIL before the start', () => {
    const repeat = base.repeat ?? { frequency: 'daily', interval: 1, byDay: [], end: { kind: 'never' } };
    expect(
      validateDraft({ ...base, repeat: { ...repeat, interval: 0, end: { kind: 'count', count: 0 } } }),
    ).toEqual({
      repeatInterval: 'interval-not-positive',
      repeatEnd: 'count-not-positive',
    });
    expect(
      validateDraft({ ...base, repeat: { ...repeat, end: { kind: 'until', date: '2026-11-23' } } }),
    ).toEqual({ repeatEnd: 'repeat-ends-before-start' });
    expect(
      validateDraft({ ...base, repeat: { ...repeat, end: { kind: 'until', date: '2026-11-24' } } }),
    ).toEqual({});
    expect(validateDraft({ ...base, repeat: { ...repeat, end: { kind: 'until', date: 'soon' } } })).toEqual({
      repeatEnd: 'invalid-date',
    });
  });
});
