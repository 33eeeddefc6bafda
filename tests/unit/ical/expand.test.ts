// Rule numbers in test names: docs/sync-rules.md.
import { describe, expect, it } from 'vitest';
import { expandEvent } from '../../../src/core/ical/expand';
import { at, fixture, iso } from './fixture';

const YEAR_2026 = { from: at('2026-01-01T00:00:00Z'), to: at('2027-01-01T00:00:00Z') };
const ZURICH = 'Europe/Zurich';

describe('expandEvent', () => {
  it('rule 24: a weekly 09:00 Europe/Zurich meeting is 08:00Z in winter and 07:00Z in summer', () => {
    const result = expandEvent(fixture('weekly-byday-until-across-dst-zurich.ics'), YEAR_2026, ZURICH);
    expect(result.instances.map((instance) => iso(instance.start))).toEqual([
      '2026-03-02T08:00:00.000Z',
      '2026-03-05T08:00:00.000Z',
      '2026-03-09T08:00:00.000Z',
      '2026-03-12T08:00:00.000Z',
      '2026-03-16T08:00:00.000Z',
      '2026-03-19T08:00:00.000Z',
      '2026-03-23T08:00:00.000Z',
      '2026-03-26T08:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
      '2026-04-02T07:00:00.000Z',
      '2026-04-06T07:00:00.000Z',
      '2026-04-09T07:00:00.000Z',
    ]);
    expect(result.instances[0]).toMatchObject({
      recurrenceId: '20260302T080000Z',
      end: at('2026-03-02T09:00:00Z'),
      allDay: false,
      floating: false,
      summary: 'Team meeting',
      location: 'Room 4',
    });
    expect(result.endless).toBe(false);
    expect(result.warnings).toEqual([]);
  });

  it('rule 24: a daily 09:00 America/New_York is 14:00Z before and 13:00Z after 2026-03-08', () => {
    const result = expandEvent(fixture('daily-new-york-dst-spring-forward.ics'), YEAR_2026, ZURICH);
    expect(result.instances.map((instance) => iso(instance.start))).toEqual([
      '2026-03-05T14:00:00.000Z',
      '2026-03-06T14:00:00.000Z',
      '2026-03-07T14:00:00.000Z',
      '2026-03-08T13:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
      '2026-03-10T13:00:00.000Z',
      '2026-03-11T13:00:00.000Z',
    ]);
    expect(result.instances.every((instance) => instance.end - instance.start === 15 * 60_000)).toBe(true);
  });
});

describe('expandEvent: overrides and exceptions', () => {
  it('rule 23: a RANGE=THISANDFUTURE override shifts that and every later instance', () => {
    const result = expandEvent(fixture('override-this-and-future.ics'), YEAR_2026, ZURICH);
    expect(
      result.instances.map((instance) => [iso(instance.start), iso(instance.end), instance.summary]),
    ).toEqual([
      ['2026-11-02T08:00:00.000Z', '2026-11-02T09:00:00.000Z', 'Weekly sync'],
      ['2026-11-09T08:00:00.000Z', '2026-11-09T09:00:00.000Z', 'Weekly sync'],
      ['2026-11-16T13:00:00.000Z', '2026-11-16T14:30:00.000Z', 'Weekly sync (new slot)'],
      ['2026-11-23T13:00:00.000Z', '2026-11-23T14:30:00.000Z', 'Weekly sync (new slot)'],
      ['2026-11-30T13:00:00.000Z', '2026-11-30T14:30:00.000Z', 'Weekly sync (new slot)'],
      ['2026-12-07T13:00:00.000Z', '2026-12-07T14:30:00.000Z', 'Weekly sync (new slot)'],
    ]);
    // The ids stay the original starts, so later edits find each occurrence.
    expect(result.instances[3]?.recurrenceId).toBe('20261123T080000Z');
  });

  it('rule 25: a RECURRENCE-ID in UTC overrides the occurrence of a TZID DTSTART', () => {
    const result = expandEvent(fixture('recurrence-id-utc-vs-tzid.ics'), YEAR_2026, ZURICH);
    expect(
      result.instances.map((instance) => [instance.recurrenceId, iso(instance.start), instance.summary]),
    ).toEqual([
      ['20261117T080000Z', '2026-11-17T08:00:00.000Z', 'Review'],
      ['20261124T080000Z', '2026-11-24T12:00:00.000Z', 'Review (moved)'],
      ['20261201T080000Z', '2026-12-01T08:00:00.000Z', 'Review'],
      ['20261208T080000Z', '2026-12-08T08:00:00.000Z', 'Review'],
    ]);
  });

  it('rule 25: an override without its master is shown as a single instance', () => {
    const result = expandEvent(fixture('override-without-master.ics'), YEAR_2026, ZURICH);
    expect(result.instances).toEqual([
      {
        recurrenceId: '20261124T080000Z',
        start: at('2026-11-24T10:00:00Z'),
        end: at('2026-11-24T11:00:00Z'),
        allDay: false,
        floating: false,
        summary: 'Invited to one occurrence',
        location: '',
      },
    ]);
  });

  it('rule 25: EXDATE as DATE removes the day of a DATE-TIME occurrence; a UTC EXDATE removes its instant', () => {
    const result = expandEvent(fixture('exdate-date-vs-datetime.ics'), YEAR_2026, ZURICH);
    expect(result.instances.map((instance) => iso(instance.start))).toEqual([
      '2026-11-02T17:00:00.000Z',
      '2026-11-04T17:00:00.000Z',
      '2026-11-06T17:00:00.000Z',
    ]);
  });

  it('an UNTIL given as a DATE against a DATE-TIME start keeps the instance on that day', () => {
    const result = expandEvent(fixture('until-date-with-datetime-start.ics'), YEAR_2026, ZURICH);
    expect(result.instances.map((instance) => instance.recurrenceId)).toEqual([
      '20261102T170000Z',
      '20261109T170000Z',
      '20261116T170000Z',
    ]);
  });

  it('RDATE adds instances to the rule, with their own time of day', () => {
    const result = expandEvent(fixture('rdate-extra-instances.ics'), YEAR_2026, ZURICH);
    expect(result.instances.map((instance) => [instance.recurrenceId, iso(instance.end)])).toEqual([
      ['20261105T180000Z', '2026-11-05T20:00:00.000Z'],
      ['20261112T180000Z', '2026-11-12T20:00:00.000Z'],
      ['20261121T090000Z', '2026-11-21T11:00:00.000Z'],
      ['20261128T090000Z', '2026-11-28T11:00:00.000Z'],
    ]);
  });
});

describe('expandEvent: lengths, all-day and floating', () => {
  it('rule 25: DURATION without DTEND gives the length', () => {
    const result = expandEvent(fixture('duration-no-dtend.ics'), YEAR_2026, ZURICH);
    expect(result.instances.map((instance) => [iso(instance.start), iso(instance.end)])).toEqual([
      ['2026-12-01T13:00:00.000Z', '2026-12-01T14:30:00.000Z'],
      ['2026-12-02T13:00:00.000Z', '2026-12-02T14:30:00.000Z'],
    ]);
  });

  it('no DTEND: a date lasts one day, a date-time has no length', () => {
    const dated = expandEvent(fixture('no-dtend-date.ics'), YEAR_2026, ZURICH).instances;
    expect(dated).toHaveLength(1);
    expect(dated[0]).toMatchObject({
      start: at('2026-03-14T23:00:00Z'),
      end: at('2026-03-15T23:00:00Z'),
      allDay: true,
    });
    const timed = expandEvent(fixture('no-dtend-datetime.ics'), YEAR_2026, ZURICH).instances;
    expect(timed[0]).toMatchObject({ start: at('2026-11-30T23:00:00Z'), end: at('2026-11-30T23:00:00Z') });
  });

  it('rule 24: all-day dates are placed at midnight in the viewer zone', () => {
    const zurich = expandEvent(fixture('all-day-multi-day.ics'), YEAR_2026, ZURICH).instances[0];
    expect(zurich).toMatchObject({
      start: at('2026-12-27T23:00:00Z'),
      end: at('2027-01-01T23:00:00Z'),
      allDay: true,
      recurrenceId: null,
    });
    const tokyo = expandEvent(fixture('all-day-multi-day.ics'), YEAR_2026, 'Asia/Tokyo').instances[0];
    expect(tokyo).toMatchObject({ start: at('2026-12-27T15:00:00Z'), end: at('2027-01-01T15:00:00Z') });
  });

  it('rule 24: floating times keep their wall clock in any viewer zone', () => {
    const inZurich = expandEvent(fixture('floating-time.ics'), YEAR_2026, ZURICH).instances;
    const inNewYork = expandEvent(fixture('floating-time.ics'), YEAR_2026, 'America/New_York').instances;
    expect(inZurich.map((instance) => iso(instance.start))).toEqual([
      '2026-11-24T07:00:00.000Z',
      '2026-11-25T07:00:00.000Z',
      '2026-11-26T07:00:00.000Z',
    ]);
    expect(inNewYork[0]).toMatchObject({
      start: at('2026-11-24T13:00:00Z'),
      floating: true,
      recurrenceId: '20261124T080000',
    });
  });
});

describe('expandEvent: time zones', () => {
  it('rule 24: a Windows zone name maps to its IANA zone', () => {
    const result = expandEvent(fixture('windows-zone-w-europe.ics'), YEAR_2026, ZURICH);
    expect(result.instances[0]).toMatchObject({
      start: at('2026-07-15T12:00:00Z'),
      end: at('2026-07-15T13:00:00Z'),
      floating: false,
    });
    expect(result.warnings).toEqual([]);
  });

  it('rule 24: a /mozilla.org/ prefixed TZID is read as its IANA zone', () => {
    const result = expandEvent(fixture('mozilla-prefix-tzid.ics'), YEAR_2026, 'UTC');
    expect(result.instances[0]?.start).toBe(at('2026-01-15T08:00:00Z'));
  });

  it("rule 24: an unknown TZID falls back to the object's VTIMEZONE", () => {
    const result = expandEvent(fixture('outlook-display-name-vtimezone.ics'), YEAR_2026, 'UTC');
    expect(result.instances[0]).toMatchObject({ start: at('2026-07-15T12:00:00Z'), floating: false });
    expect(result.warnings).toEqual([]);
  });

  it('rule 24: a TZID nobody knows stays floating and says so', () => {
    const result = expandEvent(fixture('unknown-tzid-floating.ics'), YEAR_2026, ZURICH);
    expect(result.instances[0]).toMatchObject({ start: at('2026-11-24T08:00:00Z'), floating: true });
    expect(result.warnings).toEqual([expect.stringContaining('Atlantis/Capital')]);
  });
});

describe('expandEvent: windows and endless rules', () => {
  it('an endless rule over a 10-year window returns promptly, cut at the window end', () => {
    const started = performance.now();
    const window = { from: at('2026-01-01T00:00:00Z'), to: at('2036-01-01T00:00:00Z') };
    const result = expandEvent(fixture('endless-daily.ics'), window, ZURICH);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(result.endless).toBe(true);
    expect(result.instances).toHaveLength(3652);
    expect(result.instances.at(-1)?.start).toBe(at('2035-12-31T07:00:00Z'));
  });

  it('a series with nothing in the window returns its first instances after it', () => {
    const window = { from: at('2026-04-01T00:00:00Z'), to: at('2026-06-01T00:00:00Z') };
    const one = expandEvent(fixture('no-dtend-date.ics'), window, ZURICH);
    expect(one.instances.map((instance) => instance.recurrenceId)).toEqual(['20270315']);
    const two = expandEvent(fixture('no-dtend-date.ics'), window, ZURICH, { minInstancesAfterWindow: 2 });
    expect(two.instances.map((instance) => instance.recurrenceId)).toEqual(['20270315', '20280315']);
  });

  it('returns only instances overlapping the window, but a single event whatever the window', () => {
    const window = { from: at('2026-03-09T00:00:00Z'), to: at('2026-03-10T00:00:00Z') };
    const daily = expandEvent(fixture('daily-new-york-dst-spring-forward.ics'), window, ZURICH);
    expect(daily.instances.map((instance) => instance.recurrenceId)).toEqual(['20260309T130000Z']);
    const single = expandEvent(fixture('windows-zone-w-europe.ics'), window, ZURICH);
    expect(single.instances).toHaveLength(1);
  });

  it('an override moved into the window from after it is found', () => {
    const window = { from: at('2026-11-24T00:00:00Z'), to: at('2026-11-24T23:59:00Z') };
    const result = expandEvent(fixture('recurrence-id-utc-vs-tzid.ics'), window, ZURICH);
    expect(result.instances.map((instance) => instance.summary)).toEqual(['Review (moved)']);
  });
});
