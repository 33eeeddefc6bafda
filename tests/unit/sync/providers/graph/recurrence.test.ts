/**
 * patternedRecurrence ⇄ RRULE (docs/sync-rules.md rule 42): each of Graph's pattern and range types
 * gives the RRULE RFC 5545 means by it and comes back equal; a rule Outlook cannot store is refused
 * in words a user understands.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { intlTimezone } from '../../../../../src/core/ical/time-zones';
import type {
  PatternedRecurrence,
  RecurrencePattern,
  RecurrenceRange,
} from '../../../../../workers/sync/providers/graph/graph-types';
import {
  firstOccurrence,
  recurrenceToRecur,
} from '../../../../../workers/sync/providers/graph/recurrence-to-rrule';
import {
  recurrenceOfComponent,
  rruleToRecurrence,
} from '../../../../../workers/sync/providers/graph/rrule-to-recurrence';
import { UnsupportedRecurrenceError } from '../../../../../workers/sync/providers/graph/unsupported-recurrence';

const PARIS = 'Europe/Paris';
const CLOCK = { isAllDay: false, zone: PARIS };

function pattern(fields: Partial<RecurrencePattern> & Pick<RecurrencePattern, 'type'>): RecurrencePattern {
  return {
    interval: 1,
    month: 0,
    dayOfMonth: 0,
    daysOfWeek: [],
    firstDayOfWeek: 'sunday',
    index: 'first',
    ...fields,
  };
}

function range(fields: Partial<RecurrenceRange> = {}): RecurrenceRange {
  return {
    type: 'noEnd',
    startDate: '2025-01-06',
    endDate: '0001-01-01',
    recurrenceTimeZone: 'Romance Standard Time',
    numberOfOccurrences: 0,
    ...fields,
  };
}

const nineInParis = (date: string) => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return ICAL.Time.fromData({ year, month, day, hour: 9, minute: 0, second: 0 }, intlTimezone(PARIS));
};

const CASES: readonly { name: string; recurrence: PatternedRecurrence; rrule: string; first: string }[] = [
  {
    name: 'daily every other day, numbered',
    recurrence: {
      pattern: pattern({ type: 'daily', interval: 2 }),
      range: range({ type: 'numbered', numberOfOccurrences: 10 }),
    },
    rrule: 'FREQ=DAILY;COUNT=10;INTERVAL=2;WKST=SU',
    first: '2025-01-06',
  },
  {
    name: 'weekly on Monday and Thursday, weeks starting on Sunday, until a date',
    recurrence: {
      pattern: pattern({ type: 'weekly', daysOfWeek: ['monday', 'thursday'] }),
      range: range({ type: 'endDate', endDate: '2025-06-30' }),
    },
    rrule: 'FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20250630T215959Z;WKST=SU',
    first: '2025-01-06',
  },
  {
    name: 'absoluteMonthly on the 15th every 3 months',
    recurrence: {
      pattern: pattern({ type: 'absoluteMonthly', interval: 3, dayOfMonth: 15 }),
      range: range(),
    },
    rrule: 'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15;WKST=SU',
    first: '2025-01-15',
  },
  {
    name: 'relativeMonthly on the second Thursday',
    recurrence: {
      pattern: pattern({ type: 'relativeMonthly', daysOfWeek: ['thursday'], index: 'second' }),
      range: range(),
    },
    rrule: 'FREQ=MONTHLY;BYDAY=2TH;WKST=SU',
    first: '2025-01-09',
  },
  {
    name: 'relativeMonthly on the last Tuesday or Wednesday (BYSETPOS)',
    recurrence: {
      pattern: pattern({ type: 'relativeMonthly', daysOfWeek: ['tuesday', 'wednesday'], index: 'last' }),
      range: range({ startDate: '2025-01-01' }),
    },
    rrule: 'FREQ=MONTHLY;BYDAY=TU,WE;BYSETPOS=-1;WKST=SU',
    first: '2025-01-29',
  },
  {
    name: 'absoluteYearly on 15 March',
    recurrence: { pattern: pattern({ type: 'absoluteYearly', month: 3, dayOfMonth: 15 }), range: range() },
    rrule: 'FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15;WKST=SU',
    first: '2025-03-15',
  },
  {
    name: 'relativeYearly on the last Friday of October, 5 times',
    recurrence: {
      pattern: pattern({ type: 'relativeYearly', month: 10, daysOfWeek: ['friday'], index: 'last' }),
      range: range({ type: 'numbered', numberOfOccurrences: 5 }),
    },
    rrule: 'FREQ=YEARLY;COUNT=5;BYMONTH=10;BYDAY=-1FR;WKST=SU',
    first: '2025-10-31',
  },
  {
    name: 'relativeYearly on the first weekday of September (BYSETPOS)',
    recurrence: {
      pattern: pattern({
        type: 'relativeYearly',
        month: 9,
        daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
        index: 'first',
      }),
      range: range(),
    },
    rrule: 'FREQ=YEARLY;BYMONTH=9;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1;WKST=SU',
    first: '2025-09-01',
  },
];

describe('patternedRecurrence → RRULE → patternedRecurrence', () => {
  for (const { name, recurrence, rrule, first } of CASES) {
    it(name, () => {
      const recur = recurrenceToRecur(recurrence, CLOCK);
      expect(recur.toString()).toBe(rrule);
      const dtstart = firstOccurrence(recurrence, CLOCK, {
        year: 0,
        month: 1,
        day: 1,
        hour: 9,
        minute: 0,
        second: 0,
      });
      expect(dtstart?.toString()).toBe(`${first}T09:00:00`);
      if (!dtstart) return;
      const back = rruleToRecurrence(ICAL.Recur.fromString(rrule), { dtstart, zone: PARIS });
      const expectedStart =
        recurrence.pattern.type === 'daily' || recurrence.pattern.type === 'weekly'
          ? recurrence.range.startDate
          : first;
      // Weekly and daily rules start where the range does; the others on their first occurrence.
      expect(back).toEqual({
        pattern: recurrence.pattern,
        range: { ...recurrence.range, startDate: expectedStart },
      });
    });
  }

  it('an all-day series ends on its endDate as a DATE', () => {
    const recurrence = {
      pattern: pattern({ type: 'daily' }),
      range: range({ type: 'endDate', endDate: '2025-01-10' }),
    };
    expect(recurrenceToRecur(recurrence, { isAllDay: true, zone: 'UTC' }).toString()).toBe(
      'FREQ=DAILY;UNTIL=20250110;WKST=SU',
    );
  });
});

describe('RRULE → patternedRecurrence from what other clients write', () => {
  const start = { dtstart: nineInParis('2025-01-06'), zone: PARIS };
  const read = (rrule: string) => rruleToRecurrence(ICAL.Recur.fromString(rrule), start);

  it('fills missing parts from DTSTART and reads every weekday as weekly', () => {
    expect(read('FREQ=WEEKLY').pattern.daysOfWeek).toEqual(['monday']);
    expect(read('FREQ=MONTHLY').pattern).toMatchObject({ type: 'absoluteMonthly', dayOfMonth: 6 });
    expect(read('FREQ=YEARLY').pattern).toMatchObject({ type: 'absoluteYearly', month: 1, dayOfMonth: 6 });
    expect(read('FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR').pattern).toMatchObject({
      type: 'weekly',
      daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
    });
  });

  it('reads UNTIL in UTC as the last day in the series zone', () => {
    // 07:30 UTC on 1 July is 09:30 in Paris: the 09:00 occurrence that day is the last.
    expect(read('FREQ=DAILY;UNTIL=20250701T073000Z').range).toMatchObject({
      type: 'endDate',
      endDate: '2025-07-01',
    });
  });

  it("ends the day before UNTIL's when that day's occurrence would start after UNTIL", () => {
    // 23:30 UTC on 30 June is 01:30 on 1 July in Paris, before that day's 09:00: 30 June is the last.
    expect(read('FREQ=DAILY;UNTIL=20250630T233000Z').range).toMatchObject({
      type: 'endDate',
      endDate: '2025-06-30',
    });
  });

  const refused: readonly [string, string][] = [
    ['FREQ=HOURLY', 'frequency'],
    ['FREQ=DAILY;BYHOUR=9,17', 'time-of-day'],
    ['FREQ=YEARLY;BYMONTH=1,7', 'several-months'],
    ['FREQ=MONTHLY;BYMONTHDAY=1,15', 'month-days'],
    ['FREQ=MONTHLY;BYMONTHDAY=-1', 'month-days'],
    ['FREQ=MONTHLY;BYDAY=5FR', 'weekday-position'],
    ['FREQ=MONTHLY;BYDAY=TU', 'weekdays-in-period'],
    ['FREQ=DAILY;INTERVAL=2;BYDAY=MO,WE', 'daily-on-weekdays'],
    ['FREQ=YEARLY;BYWEEKNO=20', 'week-or-year-days'],
    ['FREQ=WEEKLY;BYDAY=1MO', 'weekday-position'],
  ];
  for (const [rrule, reason] of refused) {
    it(`refuses ${rrule}: Outlook cannot repeat it`, () => {
      expect(() => read(rrule)).toThrow(UnsupportedRecurrenceError);
      try {
        read(rrule);
      } catch (error) {
        expect(error).toMatchObject({ kind: 'unsupported-recurrence', reason });
        expect((error as Error).message).toMatch(
          /^Outlook cannot repeat an event this way: .+\. Change the repeat/,
        );
      }
    });
  }

  it('refuses extra dates and a second rule on the event', () => {
    const vevent = new ICAL.Component('vevent');
    vevent.addPropertyWithValue('rrule', ICAL.Recur.fromString('FREQ=WEEKLY'));
    expect(recurrenceOfComponent(vevent, start)?.pattern.type).toBe('weekly');
    vevent.addPropertyWithValue('rdate', nineInParis('2025-02-01'));
    expect(() => recurrenceOfComponent(vevent, start)).toThrow(/extra dates added to the series/);
    vevent.removeAllProperties('rdate');
    vevent.addPropertyWithValue('rrule', ICAL.Recur.fromString('FREQ=MONTHLY'));
    expect(() => recurrenceOfComponent(vevent, start)).toThrow(/more than one repeat rule/);
  });
});
