/** Epoch milliseconds to wall-clock text in an explicit IANA zone (never the host's default zone). */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let cached = formatters.get(timeZone);
  if (!cached) {
    cached = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, cached);
  }
  return cached;
}

function parts(epochMs: number, timeZone: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(epochMs))) result[part.type] = part.value;
  return result;
}

const pad = (value: string | undefined, width: number): string => (value ?? '').padStart(width, '0');

/** `YYYY-MM-DD` of the instant in the zone. */
export function dateInZone(epochMs: number, timeZone: string): string {
  const p = parts(epochMs, timeZone);
  return `${pad(p['year'], 4)}-${pad(p['month'], 2)}-${pad(p['day'], 2)}`;
}

/** `YYYY-MM-DDTHH:mm` of the instant in the zone. */
export function wallClockInZone(epochMs: number, timeZone: string): string {
  const p = parts(epochMs, timeZone);
  return `${dateInZone(epochMs, timeZone)}T${pad(p['hour'], 2)}:${pad(p['minute'], 2)}`;
}

/** Calendar arithmetic on `YYYY-MM-DD`. */
export function addDays(isoDate: string, days: number): string {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
  const shifted = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  shifted.setUTCFullYear(year, month - 1, day + days);
  const y = String(shifted.getUTCFullYear()).padStart(4, '0');
  const m = String(shifted.getUTCMonth() + 1).padStart(2, '0');
  const d = String(shifted.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
