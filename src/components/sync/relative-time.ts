/** Closer than this to now reads "just now" rather than "0 minutes ago". */
export const JUST_NOW_MS = 45_000;

const UNITS = [
  { unit: 'day', ms: 86_400_000 },
  { unit: 'hour', ms: 3_600_000 },
  { unit: 'minute', ms: 60_000 },
] as const;

/**
 * "2 minutes ago", "in 5 minutes", "yesterday" in the locale (Intl.RelativeTimeFormat), or null when
 * `then` is within a few seconds of `now` (the caller says "just now").
 */
export function relativeTime(then: number, now: number, locale: string): string | null {
  const delta = then - now;
  if (Math.abs(delta) < JUST_NOW_MS) return null;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const { unit, ms } of UNITS) {
    if (Math.abs(delta) >= ms || unit === 'minute') {
      const value = Math.trunc(delta / ms) || Math.sign(delta);
      return format.format(value, unit);
    }
  }
  return null;
}

/** "1,200 of 5,000" numbers, grouped as the locale writes them. */
export function formatCount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}
