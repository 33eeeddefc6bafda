import type { EventDraft, RepeatRule } from '../../../src/core/ical/event-draft';

export const weeklySix: RepeatRule = {
  frequency: 'weekly',
  interval: 1,
  byDay: [],
  end: { kind: 'count', count: 6 },
};

/** A timed draft in Zurich; Tuesday 10 March 2026 09:00–09:30 unless told otherwise. */
export function timedDraft(overrides: Partial<EventDraft> = {}): EventDraft {
  return {
    title: 'Standup',
    location: 'Room 1',
    description: '',
    timing: { allDay: false, start: '2026-03-10T09:00', end: '2026-03-10T09:30', timeZone: 'Europe/Zurich' },
    repeat: null,
    ...overrides,
  };
}

export function allDayDraft(startDate: string, endDate: string, title = 'Trip'): EventDraft {
  return { title, location: '', description: '', timing: { allDay: true, startDate, endDate }, repeat: null };
}
