/**
 * The agenda's URL is its state: `/agenda/{view}/{YYYY-MM-DD}`, optionally `?event=<occurrenceId>`
 * (open that occurrence in the editor) or `?new=<YYYY-MM-DDTHH:mm>` (open the editor for a new event).
 * Reload, back/forward and shared links therefore land on the same view. Pure functions, no DOM.
 */
import { formatIsoDate, parseIsoDate } from '../../lib/iso-date';

export const AgendaView = { month: 'month', week: 'week', day: 'day', list: 'list' } as const;
export type AgendaView = (typeof AgendaView)[keyof typeof AgendaView];

export function isAgendaView(value: string): value is AgendaView {
  return Object.hasOwn(AgendaView, value);
}

/** Today's date in the viewer's zone, as `YYYY-MM-DD`. */
export function todayIso(now: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(now));
  return parts;
}

export function agendaPath(view: AgendaView, date: string): string {
  return `/agenda/${view}/${date}`;
}

/** The date one step before (-1) or after (+1) in the given view: a month, a week or a day. */
export function shiftAgendaDate(view: AgendaView, date: string, direction: -1 | 1): string {
  const parsed = parseIsoDate(date);
  if (!parsed) throw new RangeError(`Not a date: ${date}`);
  const { year, month, day } = parsed;
  switch (view) {
    case 'month': {
      // Clamp to the last day of the target month (31 Jan + 1 month = 28/29 Feb).
      const lastDay = new Date(Date.UTC(year, month - 1 + direction + 1, 0)).getUTCDate();
      return formatIsoDate(year, month + direction, Math.min(day, lastDay));
    }
    case 'week':
    case 'list':
      return formatIsoDate(year, month, day + 7 * direction);
    case 'day':
      return formatIsoDate(year, month, day + direction);
  }
}
