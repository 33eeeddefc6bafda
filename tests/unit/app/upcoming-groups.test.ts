import { describe, expect, it } from 'vitest';
import { groupUpcoming } from '../../../src/pages/dashboard/upcoming-groups';
import { occurrence } from './occurrence-fixture';

const ZURICH = 'Europe/Zurich';
const summary = (groups: ReturnType<typeof groupUpcoming>) =>
  groups.map((group) => ({
    date: group.date,
    kind: group.kind,
    items: group.items.map((item) => `${item.occurrence.summary}${item.inProgress ? '*' : ''}`),
  }));

describe('groupUpcoming', () => {
  it('groups by day into Today, Tomorrow and later dates, in start order', () => {
    const now = Date.parse('2026-11-24T10:00:00+01:00');
    const groups = groupUpcoming(
      [
        occurrence('thursday', '2026-11-26T09:00:00+01:00', '2026-11-26T10:00:00+01:00'),
        occurrence('lunch', '2026-11-24T12:00:00+01:00', '2026-11-24T13:00:00+01:00'),
        occurrence('standup', '2026-11-24T09:30:00+01:00', '2026-11-24T10:30:00+01:00'),
        occurrence('early', '2026-11-25T00:00:00+01:00', '2026-11-25T00:30:00+01:00'),
      ],
      now,
      ZURICH,
    );
    expect(summary(groups)).toEqual([
      { date: '2026-11-24', kind: 'today', items: ['standup*', 'lunch'] },
      { date: '2026-11-25', kind: 'tomorrow', items: ['early'] },
      { date: '2026-11-26', kind: 'later', items: ['thursday'] },
    ]);
  });

  it('drops occurrences that ended, including exactly at now', () => {
    const now = Date.parse('2026-11-24T10:00:00+01:00');
    const groups = groupUpcoming(
      [
        occurrence('ended', '2026-11-24T09:00:00+01:00', '2026-11-24T10:00:00+01:00'),
        occurrence('next', '2026-11-24T10:00:00+01:00', '2026-11-24T11:00:00+01:00'),
      ],
      now,
      ZURICH,
    );
    expect(summary(groups)).toEqual([{ date: '2026-11-24', kind: 'today', items: ['next*'] }]);
  });

  it('lists one that started on an earlier day and is still going under Today', () => {
    const now = Date.parse('2026-11-24T10:00:00+01:00');
    const groups = groupUpcoming(
      [
        occurrence('holiday', '2026-11-23T00:00:00+01:00', '2026-11-27T00:00:00+01:00', { allDay: true }),
        occurrence('night shift', '2026-11-23T22:00:00+01:00', '2026-11-24T11:00:00+01:00'),
      ],
      now,
      ZURICH,
    );
    expect(summary(groups)).toEqual([
      { date: '2026-11-24', kind: 'today', items: ['holiday*', 'night shift*'] },
    ]);
  });

  it('rolls Today over at midnight in the viewer zone, not in UTC', () => {
    const events = [occurrence('breakfast', '2026-11-25T08:00:00+01:00', '2026-11-25T09:00:00+01:00')];
    const beforeMidnight = Date.parse('2026-11-24T23:59:00+01:00');
    const afterMidnight = Date.parse('2026-11-25T00:00:00+01:00');
    expect(groupUpcoming(events, beforeMidnight, ZURICH)[0]?.kind).toBe('tomorrow');
    expect(groupUpcoming(events, afterMidnight, ZURICH)[0]?.kind).toBe('today');
    // Midnight in Zurich is 18:00 the day before in New York, where breakfast falls at 02:00 tomorrow.
    expect(groupUpcoming(events, afterMidnight, 'America/New_York')[0]).toMatchObject({
      date: '2026-11-25',
      kind: 'tomorrow',
    });
  });

  it('counts civil days across a 23-hour DST day', () => {
    // Zurich springs forward on Sunday 29 March 2026: that day has 23 hours.
    const now = Date.parse('2026-03-29T00:30:00+01:00');
    const groups = groupUpcoming(
      [
        occurrence('late sunday', '2026-03-29T23:30:00+02:00', '2026-03-30T00:15:00+02:00'),
        occurrence('monday', '2026-03-30T00:30:00+02:00', '2026-03-30T01:00:00+02:00'),
        occurrence('tuesday', '2026-03-31T00:10:00+02:00', '2026-03-31T01:00:00+02:00'),
      ],
      now,
      ZURICH,
    );
    expect(summary(groups)).toEqual([
      { date: '2026-03-29', kind: 'today', items: ['late sunday'] },
      { date: '2026-03-30', kind: 'tomorrow', items: ['monday'] },
      { date: '2026-03-31', kind: 'later', items: ['tuesday'] },
    ]);
  });

  it('counts civil days across a 25-hour DST day', () => {
    // Zurich falls back on Sunday 25 October 2026: that day has 25 hours.
    const now = Date.parse('2026-10-25T23:30:00+01:00');
    const groups = groupUpcoming(
      [occurrence('monday', '2026-10-26T00:05:00+01:00', '2026-10-26T01:00:00+01:00')],
      now,
      ZURICH,
    );
    expect(summary(groups)).toEqual([{ date: '2026-10-26', kind: 'tomorrow', items: ['monday'] }]);
  });

  it('returns no groups when nothing is left', () => {
    expect(groupUpcoming([], Date.parse('2026-11-24T10:00:00Z'), ZURICH)).toEqual([]);
  });
});
