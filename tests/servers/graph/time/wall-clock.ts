/**
 * A wall-clock time (no zone) and Graph's text forms of times: `2016-12-09T20:30:00.0000000` for
 * dateTimeTimeZone values, `2017-04-15T03:00:50.7579581Z` for timestamps, `2017-09-04` for dates.
 */
export interface Wall {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const DAY_MS = 86_400_000;
const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** The wall time as if it were UTC, in epoch ms (for arithmetic and comparisons). */
export function wallToNumber(wall: Wall): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

export function numberToWall(value: number): Wall {
  const date = new Date(value);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  };
}

export function addDays(wall: Wall, days: number): Wall {
  return numberToWall(wallToNumber(wall) + days * DAY_MS);
}

export function dateOnly(wall: Wall): Wall {
  return { ...wall, hour: 0, minute: 0, second: 0 };
}

export function isMidnight(wall: Wall): boolean {
  return wall.hour === 0 && wall.minute === 0 && wall.second === 0;
}

/** Whole days from `a` to `b` (dates only). */
export function daysBetween(a: Wall, b: Wall): number {
  return Math.round((wallToNumber(dateOnly(b)) - wallToNumber(dateOnly(a))) / DAY_MS);
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?$/;

/** `2017-04-15T12:00:00(.0000000)?` or a bare date → a wall time; null when it is not one. */
export function parseWall(text: string): Wall | null {
  const match = DATE_TIME.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const wall: Wall = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h ?? 0),
    minute: Number(mi ?? 0),
    second: Number(s ?? 0),
  };
  const round = numberToWall(wallToNumber(wall));
  const same =
    round.year === wall.year && round.month === wall.month && round.day === wall.day && wall.hour < 24;
  return same && wall.minute < 60 && wall.second < 60 ? wall : null;
}

/** `2016-12-09T20:30:00.0000000`, the form Graph gives dateTimeTimeZone values. */
export function formatGraphDateTime(wall: Wall): string {
  return `${formatDate(wall)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}.0000000`;
}

export function formatDate(wall: Wall): string {
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** `2017-04-15T03:00:50.7570000Z`: Graph's timestamps carry seven fractional digits. */
export function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

/** A query parameter such as `2016-12-01T00:00:00Z` or `2015-11-08T19:00:00.0000000` (UTC). */
export function parseInstant(text: string): number | null {
  const trimmed = text.trim();
  const withZone = /(?:Z|[+-]\d{2}:\d{2})$/i.test(trimmed);
  if (withZone) {
    const ms = Date.parse(trimmed.replace(/(\.\d{3})\d+/, '$1'));
    return Number.isNaN(ms) ? null : ms;
  }
  const wall = parseWall(trimmed);
  return wall ? wallToNumber(wall) : null;
}
