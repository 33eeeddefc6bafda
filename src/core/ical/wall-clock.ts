/**
 * Wall-clock arithmetic without any time zone: a date and time as printed on a clock, and the
 * `YYYY-MM-DD` / `YYYY-MM-DDTHH:mm` strings the editor uses. `Date.UTC` is only a calendar here.
 */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Milliseconds of the wall clock as if it were UTC: a monotonic number for comparing and adding. */
export function wallToNumber(wall: WallClock): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** The inverse of `wallToNumber`; normalises overflowing fields (day 32, hour 24, …). */
export function numberToWall(value: number): WallClock {
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

function isRealDate(year: number, month: number, day: number): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/** Parses `YYYY-MM-DD` strictly (rejects 2026-02-30); null when invalid. */
export function parseIsoDate(value: string): WallClock | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isRealDate(year, month, day)) return null;
  return { year, month, day, hour: 0, minute: 0, second: 0 };
}

/** Parses `YYYY-MM-DDTHH:mm` (optionally `:ss`) strictly; null when invalid. */
export function parseIsoLocal(value: string): WallClock | null {
  const match = ISO_LOCAL.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const [hour, minute, second] = [Number(match[4]), Number(match[5]), Number(match[6] ?? '0')];
  if (!isRealDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  return { year, month, day, hour, minute, second };
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

export function formatIsoDate(wall: WallClock): string {
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
}

export function formatIsoLocal(wall: WallClock): string {
  return `${formatIsoDate(wall)}T${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** iCalendar basic form: `20261124` or `20261124T090000`. */
export function formatIcalDate(wall: WallClock): string {
  return `${pad(wall.year, 4)}${pad(wall.month)}${pad(wall.day)}`;
}

export function formatIcalDateTime(wall: WallClock): string {
  return `${formatIcalDate(wall)}T${pad(wall.hour)}${pad(wall.minute)}${pad(wall.second)}`;
}

export function addDays(wall: WallClock, days: number): WallClock {
  return numberToWall(wallToNumber(wall) + days * 86_400_000);
}

export function startOfDay(wall: WallClock): WallClock {
  return { year: wall.year, month: wall.month, day: wall.day, hour: 0, minute: 0, second: 0 };
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(wall: WallClock): number {
  return (new Date(wallToNumber(wall)).getUTCDay() + 6) % 7;
}
