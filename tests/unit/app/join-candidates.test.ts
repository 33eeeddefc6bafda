import { describe, expect, it } from 'vitest';
import { joinCandidates } from '../../../src/pages/dashboard/join-candidates';
import { occurrence } from './occurrence-fixture';

const NOW = Date.parse('2026-11-24T10:00:00+01:00');
const names = (list: ReturnType<typeof joinCandidates>) => list.map((o) => o.summary);

describe('joinCandidates', () => {
  it('offers the meetings under way and the next one, not the ones after it', () => {
    const list = [
      occurrence('ended', '2026-11-24T09:00:00+01:00', '2026-11-24T10:00:00+01:00'),
      occurrence('standup', '2026-11-24T09:30:00+01:00', '2026-11-24T10:30:00+01:00'),
      occurrence('workshop', '2026-11-24T08:00:00+01:00', '2026-11-24T12:00:00+01:00'),
      occurrence('review', '2026-11-24T14:00:00+01:00', '2026-11-24T15:00:00+01:00'),
      occurrence('call', '2026-11-24T11:00:00+01:00', '2026-11-24T11:30:00+01:00'),
      occurrence('sync', '2026-11-24T11:00:00+01:00', '2026-11-24T12:00:00+01:00'),
    ];
    expect(names(joinCandidates(list, NOW)).sort()).toEqual(['call', 'standup', 'sync', 'workshop']);
  });

  it('leaves all-day events out, and offers nothing when nothing is left', () => {
    const allDay = occurrence('holiday', '2026-11-24T00:00:00+01:00', '2026-11-25T00:00:00+01:00', {
      allDay: true,
    });
    expect(joinCandidates([allDay], NOW)).toEqual([]);
    expect(joinCandidates([], NOW)).toEqual([]);
  });

  it('the next meeting may be days ahead', () => {
    const later = occurrence('offsite', '2026-12-01T09:00:00+01:00', '2026-12-01T17:00:00+01:00');
    expect(names(joinCandidates([later], NOW))).toEqual(['offsite']);
  });
});
