import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../src/lib/iso-date';
import { isAgendaView, shiftAgendaDate } from '../../../src/pages/agenda/agenda-route';
import { agendaViewOfFcType, FC_VIEW_TYPE } from '../../../src/pages/agenda/fc-views';

describe('agenda URL', () => {
  it('accepts only our views, not inherited object keys', () => {
    expect(isAgendaView('month')).toBe(true);
    expect(isAgendaView('toString')).toBe(false);
    expect(isAgendaView('constructor')).toBe(false);
  });

  it('rejects impossible dates and clamps month steps', () => {
    expect(parseIsoDate('2026-02-30')).toBeNull();
    expect(shiftAgendaDate('month', '2026-01-31', 1)).toBe('2026-02-28');
    expect(shiftAgendaDate('list', '2026-03-10', -1)).toBe('2026-03-03');
  });

  it('maps views to FullCalendar view types and back', () => {
    for (const [view, type] of Object.entries(FC_VIEW_TYPE)) expect(agendaViewOfFcType(type)).toBe(view);
    expect(agendaViewOfFcType('multiMonthYear')).toBeNull();
  });
});
