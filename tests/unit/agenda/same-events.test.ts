import { describe, expect, it } from 'vitest';
import { sameEvents } from '../../../src/pages/agenda/same-events';

const event = (id: string, title: string, location = '') => ({
  id,
  title,
  start: 1_790_000_000_000,
  end: 1_790_003_600_000,
  allDay: false,
  color: '#0b5cd5',
  extendedProps: { occurrenceId: id, location },
});

describe('whether two event lists draw the same', () => {
  it('holds for equal lists made afresh, and for two empty ones', () => {
    expect(sameEvents([], [])).toBe(true);
    expect(
      sameEvents([event('a', 'Standup'), event('b', 'Lunch')], [event('a', 'Standup'), event('b', 'Lunch')]),
    ).toBe(true);
  });

  it('fails on any change: a field, a nested field, the order, the count', () => {
    expect(sameEvents([event('a', 'Standup')], [event('a', 'Stand-up')])).toBe(false);
    expect(sameEvents([event('a', 'Standup', 'Room 1')], [event('a', 'Standup', 'Room 2')])).toBe(false);
    expect(sameEvents([event('a', 'A'), event('b', 'B')], [event('b', 'B'), event('a', 'A')])).toBe(false);
    expect(sameEvents([event('a', 'A')], [])).toBe(false);
    expect(sameEvents([event('a', 'A')], [{ ...event('a', 'A'), editable: false }])).toBe(false);
  });
});
