// Rule numbers in test names: docs/sync-rules.md.
import { describe, expect, it } from 'vitest';
import { expandEvent } from '../../../src/core/ical/expand';
import { parseCalendarObject } from '../../../src/core/ical/parse';
import { applyDelete } from '../../../src/core/ical/recurring-edit';
import { at, fixture, iso } from './fixture';

const NOW = at('2026-11-20T10:00:00Z');
const WINDOW = { from: at('2026-01-01T00:00:00Z'), to: at('2030-01-01T00:00:00Z') };

function icsOf(result: ReturnType<typeof applyDelete>): string {
  if ('ics' in result) return result.ics;
  throw new Error('expected the object to remain');
}

const ids = (ics: string): (string | null)[] =>
  expandEvent(ics, WINDOW, 'Europe/Zurich').instances.map((instance) => instance.recurrenceId);

describe('applyDelete', () => {
  it('this: adds an EXDATE in the form of DTSTART (TZID) and leaves the rest', () => {
    const ics = icsOf(
      applyDelete(fixture('x-props-alarms-attendees.ics'), {
        scope: 'this',
        recurrenceId: '20261109T090000Z',
        now: NOW,
      }),
    );
    expect(ics).toContain('EXDATE;TZID=Europe/Zurich:20261109T100000');
    expect(ics).toContain('SEQUENCE:4');
    expect(ics).toContain('BEGIN:VALARM');
    expect(ids(ics)).toHaveLength(9);
    expect(ids(ics)).not.toContain('20261109T090000Z');
  });

  it('this: an all-day occurrence gets a DATE EXDATE; a second delete adds a second one', () => {
    const first = icsOf(
      applyDelete(fixture('no-dtend-date.ics'), { scope: 'this', recurrenceId: '20270315', now: NOW }),
    );
    expect(first).toContain('EXDATE;VALUE=DATE:20270315');
    const second = icsOf(applyDelete(first, { scope: 'this', recurrenceId: '20280315', now: NOW }));
    expect(second).toContain('EXDATE;VALUE=DATE:20270315');
    expect(second).toContain('EXDATE;VALUE=DATE:20280315');
    expect(ids(second)).toEqual(['20260315', '20290315']);
  });

  it('this: drops the override of that occurrence too', () => {
    const ics = icsOf(
      applyDelete(fixture('recurrence-id-utc-vs-tzid.ics'), {
        scope: 'this',
        recurrenceId: '20261124T080000Z',
        now: NOW,
      }),
    );
    expect(parseCalendarObject(ics).componentCount).toBe(1);
    expect(ics).toContain('EXDATE;TZID=Europe/Zurich:20261124T090000');
    expect(ids(ics)).toEqual(['20261117T080000Z', '20261201T080000Z', '20261208T080000Z']);
  });

  it('following: ends the series with UNTIL before it; from the first occurrence deletes everything', () => {
    const ics = icsOf(
      applyDelete(fixture('daily-new-york-dst-spring-forward.ics'), {
        scope: 'following',
        recurrenceId: '20260309T130000Z',
        now: NOW,
      }),
    );
    expect(ics).toContain('RRULE:FREQ=DAILY;UNTIL=20260309T125959Z');
    expect(ics).not.toContain('COUNT');
    expect(expandEvent(ics, WINDOW, 'UTC').instances.map((instance) => iso(instance.start))).toEqual([
      '2026-03-05T14:00:00.000Z',
      '2026-03-06T14:00:00.000Z',
      '2026-03-07T14:00:00.000Z',
      '2026-03-08T13:00:00.000Z',
    ]);
    expect(
      applyDelete(fixture('daily-new-york-dst-spring-forward.ics'), {
        scope: 'following',
        recurrenceId: '20260305T140000Z',
        now: NOW,
      }),
    ).toEqual({ deleteAll: true });
  });

  it('all, or a non-recurring event: delete everything', () => {
    expect(
      applyDelete(fixture('x-props-alarms-attendees.ics'), {
        scope: 'all',
        recurrenceId: '20261109T090000Z',
        now: NOW,
      }),
    ).toEqual({ deleteAll: true });
    expect(
      applyDelete(fixture('windows-zone-w-europe.ics'), { scope: 'this', recurrenceId: null, now: NOW }),
    ).toEqual({ deleteAll: true });
  });

  it('deleting the last remaining instance deletes the event', () => {
    const two = fixture('duration-no-dtend.ics');
    const one = icsOf(applyDelete(two, { scope: 'this', recurrenceId: '20261201T130000Z', now: NOW }));
    expect(one).toContain('EXDATE:20261201T130000Z');
    expect(applyDelete(one, { scope: 'this', recurrenceId: '20261202T130000Z', now: NOW })).toEqual({
      deleteAll: true,
    });
  });

  it('rule 25: an orphan override is removed; the last one deletes the object', () => {
    expect(
      applyDelete(fixture('override-without-master.ics'), {
        scope: 'this',
        recurrenceId: '20261124T080000Z',
        now: NOW,
      }),
    ).toEqual({ deleteAll: true });
  });
});
