import { describe, expect, it } from 'vitest';
import type { CalendarId } from '../../../../src/core/model/ids';
import { defaultCalendarFor } from '../../../../src/core/settings/default-calendar';

const id = (value: string) => value as CalendarId;
const personal = { id: id('personal'), readOnly: false, visible: 1 as const };
const work = { id: id('work-caldav'), readOnly: false, visible: 1 as const };
const holidays = { id: id('holidays'), readOnly: true, visible: 1 as const };
const hidden = { id: id('hidden'), readOnly: false, visible: 0 as const };

describe('defaultCalendarFor', () => {
  it('uses the calendar chosen in Settings, not the first one', () => {
    expect(defaultCalendarFor([personal, work], work.id)).toBe(work.id);
  });

  it('falls back to the first shown writable calendar when the chosen one is gone, read-only or hidden', () => {
    expect(defaultCalendarFor([personal, work], id('removed'))).toBe(personal.id);
    expect(defaultCalendarFor([holidays, work], holidays.id)).toBe(work.id);
    expect(defaultCalendarFor([hidden, work], hidden.id)).toBe(work.id);
    expect(defaultCalendarFor([holidays, work], null)).toBe(work.id);
  });

  it('takes a hidden writable calendar only when no shown one can be written, and null when none can', () => {
    expect(defaultCalendarFor([holidays, hidden], null)).toBe(hidden.id);
    expect(defaultCalendarFor([holidays], holidays.id)).toBeNull();
  });
});
