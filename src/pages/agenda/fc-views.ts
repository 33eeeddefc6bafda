import type { AgendaView } from './agenda-route';

/** Our URL views and FullCalendar's view types, both ways. */
export const FC_VIEW_TYPE = {
  month: 'dayGridMonth',
  week: 'timeGridWeek',
  day: 'timeGridDay',
  list: 'listWeek',
} as const satisfies Record<AgendaView, string>;

export function agendaViewOfFcType(type: string): AgendaView | null {
  for (const [view, fcType] of Object.entries(FC_VIEW_TYPE)) {
    if (fcType === type) return view as AgendaView;
  }
  return null;
}
