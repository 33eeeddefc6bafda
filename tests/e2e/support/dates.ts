/**
 * Dates for the tests, computed from the real "now" in the zone the browser context runs in
 * (playwright.config.ts: Europe/Zurich), so the app and the tests agree on what "today" is.
 */
export const ZONE = 'Europe/Zurich';

/** `YYYY-MM-DD` of an instant in the test zone. */
export function isoDateInZone(at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

export const today = (): string => isoDateInZone();

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) throw new RangeError(`Not a date: ${iso}`);
  return [y, m, d];
}

export function addDays(iso: string, days: number): string {
  const [y, m, d] = parts(iso);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday. */
export function weekday(iso: string): number {
  const [y, m, d] = parts(iso);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

export const WEEKDAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];

/** The first date on or after `from` that falls on `day` (0 = Monday). */
export function nextWeekday(from: string, day: number): string {
  return addDays(from, (day - weekday(from) + 7) % 7);
}

/** English long date as the dashboard's later groups show it, e.g. "Thursday 26 November". */
export function dayHeading(iso: string, locale = 'en-GB'): string {
  const [y, m, d] = parts(iso);
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}
