import type { AgendaView } from './agenda-route';

/**
 * The toolbar's title for the range a view shows ("March 2026", "23–29 Nov 2026", "24 November 2026"),
 * from the URL alone. It is the agenda's largest text, so it paints with the page instead of waiting
 * for FullCalendar's first render (Largest Contentful Paint), and it never changes once FullCalendar
 * is there. Calendar arithmetic on UTC dates; `firstDay` 0 = Sunday, as FullCalendar's option.
 */
const DAY_MS = 86_400_000;

function utcOf(date: string): number {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
}

export function agendaTitle(view: AgendaView, date: string, locale: string, firstDay: number): string {
  const at = utcOf(date);
  if (view === 'month') return formatter(locale, { month: 'long', year: 'numeric' }).format(at);
  if (view === 'day') return formatter(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(at);
  // Week and list: the week holding the date, from the locale's first day.
  const start = at - ((new Date(at).getUTCDay() - firstDay + 7) % 7) * DAY_MS;
  return formatter(locale, { day: 'numeric', month: 'short', year: 'numeric' }).formatRange(
    start,
    start + 6 * DAY_MS,
  );
}
