import { formatIsoDate, parseIsoDate } from './iso-date';

/** `YYYY-MM-DD` of an instant in a zone. */
export function isoDateInZone(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
}

/** The civil date `days` after `date` (`YYYY-MM-DD`); days, not 24-hour steps, so DST cannot shift it. */
export function addDays(date: string, days: number): string {
  const parsed = parseIsoDate(date);
  if (!parsed) throw new RangeError(`Not a date: ${date}`);
  return formatIsoDate(parsed.year, parsed.month, parsed.day + days);
}

/** Noon UTC of a civil date: formatted with `timeZone: 'UTC'` it shows that date whatever the zone. */
function civilDateInstant(date: string): Date {
  const parsed = parseIsoDate(date);
  if (!parsed) throw new RangeError(`Not a date: ${date}`);
  return new Date(Date.UTC(parsed.year, parsed.month - 1, parsed.day, 12));
}

/** Dates closer than this to today need no year: "Monday 4 January" just after New Year's Eve is clear. */
const YEARLESS_DAYS = 300;

/**
 * "Thursday 26 November" in the given locale; with the year ("… 2027") only when the date is so far
 * after `today` that the same day and month could be meant this year.
 */
export function formatDayHeading(date: string, locale: string, today: string): string {
  const instant = civilDateInstant(date);
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(date > addDays(today, YEARLESS_DAYS) ? { year: 'numeric' } : {}),
  }).format(instant);
}

/** "26 – 28 Nov": a span of civil dates (inclusive), in the given locale. */
export function formatDateSpan(first: string, last: string, locale: string): string {
  const format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short' });
  return format.formatRange(civilDateInstant(first), civilDateInstant(last));
}

/**
 * Whether times in `locale` use a 12-hour clock: the language and region's own, or the user's setting
 * when the locale carries it as an hour-cycle extension ("en-GB-u-hc-h12", see intlLocale()).
 */
export function uses12HourClock(locale: string): boolean {
  const { hourCycle } = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions();
  return hourCycle === 'h11' || hourCycle === 'h12';
}

/**
 * Hours as the locale writes them: two digits on a 24-hour clock ("09:15"), as few as needed on a
 * 12-hour one ("9:15 AM"). Intl's `numeric` alone gives "9:15" in en-GB.
 */
function hourStyle(locale: string): '2-digit' | 'numeric' {
  return uses12HourClock(locale) ? 'numeric' : '2-digit';
}

/** A clock time ("14:00", or "2:00 PM" where the locale says so) of an instant in a zone. */
export function formatClock(instant: number, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, hour: hourStyle(locale), minute: '2-digit' }).format(
    new Date(instant),
  );
}

/** A clock time with its short date ("26 Nov, 10:00") for ends that fall on another day. */
export function formatDateClock(instant: number, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    day: 'numeric',
    month: 'short',
    hour: hourStyle(locale),
    minute: '2-digit',
  }).format(new Date(instant));
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** "1.4 MB" / "1,4 Mo": a byte count in the largest unit under 1024 of it, per the locale. */
export function formatBytes(bytes: number, locale: string): string {
  let value = Math.max(0, bytes);
  let index = 0;
  while (value >= 1024 && index < BYTE_UNITS.length - 1) {
    value /= 1024;
    index += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: BYTE_UNITS[index] ?? 'byte',
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && index > 0 ? 1 : 0,
  }).format(value);
}
