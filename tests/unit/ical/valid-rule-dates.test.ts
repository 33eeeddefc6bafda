/**
 * Recurrence never rolls a date that does not exist over to the next month (RFC 5545 §3.3.10: such
 * instances "MUST be ignored and MUST NOT be counted as part of the recurrence set"). One fixture per
 * case; expected dates are the RFC's own where it gives an example (§3.8.5.3), else those its rule
 * gives. Rule 23 of docs/sync-rules.md covers the expansion these run through.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { loadCalendarObject } from '../../../src/core/ical/calendar-object';
import { timeProperty } from '../../../src/core/ical/component-utils';
import { expandEvent, type ExpandWindow } from '../../../src/core/ical/expand';
import { ruleInstancesBefore } from '../../../src/core/ical/series-edit';
import { at, fixture } from './fixture';

const ZURICH = 'Europe/Zurich';
const NEW_YORK = 'America/New_York';

const years = (from: number, to: number): ExpandWindow => ({
  from: at(`${from}-01-01T00:00:00Z`),
  to: at(`${to}-01-01T00:00:00Z`),
});

/** Original starts: all-day ids as YYYYMMDD. */
function ids(name: string, window: ExpandWindow): (string | null)[] {
  return expandEvent(fixture(name), window, ZURICH).instances.map((instance) => instance.recurrenceId);
}

/** Starts as the wall clock of `zone`, "1997-09-30 09:00", the way RFC 5545 lists its examples. */
function wallStarts(name: string, window: ExpandWindow, zone: string): string[] {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return expandEvent(fixture(name), window, zone).instances.map((instance) =>
    format.format(instance.start).replace(',', ''),
  );
}

describe('ical.js as we use it', () => {
  it('2.2.1 still rolls a yearly 29 February over to 1 March (kewisch/ical.js#91): the guard is needed', () => {
    const iterator = ICAL.Recur.fromString('FREQ=YEARLY').iterator(ICAL.Time.fromDateString('2024-02-29'));
    // One Time object, moved on by each call: read it before the next.
    const dates = [iterator.next().toString(), iterator.next().toString()];
    // When this fails, ical.js skips invalid dates itself: valid-rule-dates.ts may be simplified.
    expect(dates).toEqual(['2024-02-29', '2025-03-01']);
  });
});

describe('invalid dates are skipped, not rolled over', () => {
  it('a yearly all-day event on 29 February shows in leap years only', () => {
    expect(ids('yearly-feb-29-skips-common-years.ics', years(2024, 2036))).toEqual([
      '20240229',
      '20280229',
      '20320229',
    ]);
  });

  it('a timed yearly 29 February with COUNT=3 spends no count on common years', () => {
    const result = expandEvent(
      fixture('yearly-feb-29-count-skips-common-years.ics'),
      years(2024, 2100),
      ZURICH,
    );
    expect(result.instances.map((instance) => instance.recurrenceId)).toEqual([
      '20240229T080000Z',
      '20280229T080000Z',
      '20320229T080000Z',
    ]);
    expect(result.endless).toBe(false);
    expect(result.warnings).toEqual([]);
  });

  it('monthly on the 31st skips the months without one (COUNT=7 ends in December)', () => {
    expect(wallStarts('monthly-31st-skips-short-months.ics', years(2025, 2027), ZURICH)).toEqual([
      '2025-01-31 17:00',
      '2025-03-31 17:00',
      '2025-05-31 17:00',
      '2025-07-31 17:00',
      '2025-08-31 17:00',
      '2025-10-31 17:00',
      '2025-12-31 17:00',
    ]);
  });

  it('monthly at two hours from the 31st keeps both hours on the 31st and nothing on the 1st', () => {
    expect(wallStarts('monthly-byhour-from-31st-skips-short-months.ics', years(2025, 2027), ZURICH)).toEqual([
      '2025-01-31 09:00',
      '2025-01-31 14:00',
      '2025-03-31 09:00',
      '2025-03-31 14:00',
      '2025-05-31 09:00',
      '2025-05-31 14:00',
    ]);
  });

  it('BYMONTHDAY=-31 is the 1st of the 31-day months only', () => {
    expect(ids('monthly-bymonthday-minus-31-skips-short-months.ics', years(2025, 2027))).toEqual([
      '20250101',
      '20250301',
      '20250501',
      '20250701',
      '20250801',
      '20251001',
      '20251201',
    ]);
  });

  it('BYYEARDAY=366 is 31 December of leap years only, COUNT=3 included', () => {
    expect(ids('yearly-byyearday-366-leap-years-only.ics', years(2024, 2100))).toEqual([
      '20241231',
      '20281231',
      '20321231',
    ]);
  });

  it('BYMONTH=2;BYMONTHDAY=29,30 with COUNT=3 is three leap days, never 1 or 2 March', () => {
    expect(ids('yearly-bymonth-2-bymonthday-29-30-count-skips-feb-30.ics', years(2024, 2100))).toEqual([
      '20240229',
      '20280229',
      '20320229',
    ]);
  });

  it('BYMONTH=2;BYMONTHDAY=30 has no date at all: nothing is shown, and a warning says why', () => {
    const result = expandEvent(
      fixture('yearly-bymonth-2-bymonthday-30-has-no-date.ics'),
      years(2025, 2030),
      ZURICH,
    );
    expect(result.instances).toEqual([]);
    expect(result.warnings).toEqual([expect.stringContaining('gives no date that exists')]);
  });

  it('BYMONTH=1,4;BYMONTHDAY=31 with COUNT=3 is three 31 Januarys (a timed event), never 1 May', () => {
    expect(
      wallStarts('yearly-bymonth-1-4-bymonthday-31-count-skips-april.ics', years(2025, 2100), 'Europe/Paris'),
    ).toEqual(['2025-01-31 18:00', '2026-01-31 18:00', '2027-01-31 18:00']);
  });

  it('BYMONTH=1,2,3 from the 31st takes its day from DTSTART and skips February', () => {
    expect(ids('yearly-bymonth-from-31st-skips-february.ics', years(2025, 2030))).toEqual([
      '20250131',
      '20250331',
      '20260131',
      '20260331',
    ]);
  });

  it('YEARLY;BYMONTH=1,2,3,4;BYMONTHDAY=-31;COUNT=2 is 1 January and 1 March (not 1 February)', () => {
    expect(ids('yearly-bymonth-bymonthday-minus-31-skips-short-months.ics', years(2025, 2100))).toEqual([
      '20250101',
      '20250301',
    ]);
  });

  it('a "this and following" split counts only existing dates as used of COUNT', () => {
    const object = loadCalendarObject(fixture('yearly-feb-29-count-skips-common-years.ics'));
    const master = object.master;
    const dtstart = master ? timeProperty(master, 'dtstart') : null;
    if (!master || !dtstart) throw new Error('fixture without a master');
    const before = ICAL.Time.fromData({ year: 2032, month: 2, day: 29, hour: 9 }, dtstart.zone);
    expect(ruleInstancesBefore(master, dtstart, before)).toBe(2);
  });
});

describe('RFC 5545 §3.8.5.3 examples (America/New_York)', () => {
  it('"An example where an invalid date (i.e., February 30) is ignored": BYMONTHDAY=15,30;COUNT=5', () => {
    expect(
      wallStarts('rfc5545-monthly-15th-and-30th-count-skips-feb-30.ics', years(2007, 2008), NEW_YORK),
    ).toEqual([
      '2007-01-15 09:00',
      '2007-01-30 09:00',
      '2007-02-15 09:00',
      '2007-03-15 09:00',
      '2007-03-30 09:00',
    ]);
  });

  it('"Monthly on the first and last day of the month for 10 occurrences"', () => {
    expect(wallStarts('rfc5545-monthly-first-and-last-day.ics', years(1997, 1999), NEW_YORK)).toEqual([
      '1997-09-30 09:00',
      '1997-10-01 09:00',
      '1997-10-31 09:00',
      '1997-11-01 09:00',
      '1997-11-30 09:00',
      '1997-12-01 09:00',
      '1997-12-31 09:00',
      '1998-01-01 09:00',
      '1998-01-31 09:00',
      '1998-02-01 09:00',
    ]);
  });

  it('"Monthly on the third-to-the-last day of the month, forever"', () => {
    const window = { from: at('1997-09-01T00:00:00Z'), to: at('1998-03-01T00:00:00Z') };
    expect(wallStarts('rfc5545-monthly-third-to-last-day.ics', window, NEW_YORK)).toEqual([
      '1997-09-28 09:00',
      '1997-10-29 09:00',
      '1997-11-28 09:00',
      '1997-12-29 09:00',
      '1998-01-29 09:00',
      '1998-02-26 09:00',
    ]);
  });

  it('"Every third year on the 1st, 100th, and 200th day for 10 occurrences"', () => {
    expect(wallStarts('rfc5545-every-third-year-byyearday.ics', years(1997, 2010), NEW_YORK)).toEqual([
      '1997-01-01 09:00',
      '1997-04-10 09:00',
      '1997-07-19 09:00',
      '2000-01-01 09:00',
      '2000-04-09 09:00',
      '2000-07-18 09:00',
      '2003-01-01 09:00',
      '2003-04-10 09:00',
      '2003-07-19 09:00',
      '2006-01-01 09:00',
    ]);
  });

  it('"Yearly in June and July for 10 occurrences": the day comes from DTSTART', () => {
    expect(wallStarts('rfc5545-yearly-june-july-day-from-dtstart.ics', years(1997, 2003), NEW_YORK)).toEqual([
      '1997-06-10 09:00',
      '1997-07-10 09:00',
      '1998-06-10 09:00',
      '1998-07-10 09:00',
      '1999-06-10 09:00',
      '1999-07-10 09:00',
      '2000-06-10 09:00',
      '2000-07-10 09:00',
      '2001-06-10 09:00',
      '2001-07-10 09:00',
    ]);
  });

  it('"Monthly on the second-to-last Monday of the month for 6 months"', () => {
    expect(wallStarts('rfc5545-monthly-second-to-last-monday.ics', years(1997, 1999), NEW_YORK)).toEqual([
      '1997-09-22 09:00',
      '1997-10-20 09:00',
      '1997-11-17 09:00',
      '1997-12-22 09:00',
      '1998-01-19 09:00',
      '1998-02-16 09:00',
    ]);
  });
});
