/**
 * The agenda's URL is its state: `/agenda/{view}/{YYYY-MM-DD}`, optionally `?event=<occurrenceId>`
 * (open that occurrence in the editor) or `?new=<YYYY-MM-DDTHH:mm>` (open the editor for a new event).
 * Reload, back/forward and shared links therefore land on the same view. Pure functions, no DOM.
 */
export const AgendaView = { month: 'month', week: 'week', day: 'day', list: 'list' } as const;
export type AgendaView = (typeof AgendaView)[keyof typeof AgendaView];

export function isAgendaView(value: string): value is AgendaView {
  return Object.hasOwn(AgendaView, value);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` strictly (rejects 2026-02-30); null when invalid. */
export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return null;
  }
  return { year, month, day };
}

export function formatIsoDate(year: number, month: number, day: number): string {
  const probe = new Date(Date.UTC(year, month - 1, day));
  const y = String(probe.getUTCFullYear()).padStart(4, '0');
  const m = String(probe.getUTCMonth() + 1).padStart(2, '0');
  const d = String(probe.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
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
