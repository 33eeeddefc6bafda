/**
 * Time zone names as Graph takes them (Windows names such as `Pacific Standard Time`, the IANA names
 * listed on the dateTimeTimeZone page, `UTC`) and the arithmetic between wall times and instants,
 * on the platform's tz database (`Intl`). The Windows ⇄ IANA table is CLDR's, from `windows-iana`.
 * Kept apart from the app's own zone code on purpose: the server must not share the client's bugs.
 */
import { findIana, findWindows } from 'windows-iana';
import { numberToWall, wallToNumber, type Wall } from './wall-clock';

export interface Zone {
  /** The name as the client gave it (echoed back in `timeZone`). */
  readonly name: string;
  readonly iana: string;
  /** The Windows name Graph reports in `originalStartTimeZone`. */
  readonly windows: string;
}

const DAY_MS = 86_400_000;

export const UTC_ZONE: Zone = { name: 'UTC', iana: 'UTC', windows: 'UTC' };
const UTC_NAMES = new Set(['utc', 'etc/utc', 'gmt', 'etc/gmt', 'z', 'coordinated universal time']);
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(iana: string): Intl.DateTimeFormat | null {
  const cached = formatters.get(iana);
  if (cached !== undefined) return cached;
  let made: Intl.DateTimeFormat | null;
  try {
    made = new Intl.DateTimeFormat('en-US', {
      timeZone: iana,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    made = null;
  }
  formatters.set(iana, made);
  return made;
}

const resolved = new Map<string, Zone | null>();

function resolveUncached(trimmed: string): Zone | null {
  if (UTC_NAMES.has(trimmed.toLowerCase())) return { name: trimmed, iana: 'UTC', windows: 'UTC' };
  if (trimmed.includes('/') && formatter(trimmed)) {
    return { name: trimmed, iana: trimmed, windows: findWindows(trimmed)[0] ?? trimmed };
  }
  const iana = findIana(trimmed)[0];
  if (iana !== undefined && formatter(iana)) return { name: trimmed, iana, windows: trimmed };
  return null;
}

/** The zone a Graph time zone name stands for, or null when Graph would refuse it. */
export function resolveZone(name: string): Zone | null {
  const trimmed = name.trim();
  let zone = resolved.get(trimmed);
  if (zone === undefined) {
    zone = resolveUncached(trimmed);
    resolved.set(trimmed, zone);
  }
  return zone;
}

function wallFromIntl(ms: number, format: Intl.DateTimeFormat): Wall {
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(ms)) parts[part.type] = Number(part.value);
  return {
    year: parts['year'] ?? 0,
    month: parts['month'] ?? 0,
    day: parts['day'] ?? 0,
    hour: parts['hour'] ?? 0,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
  };
}

/**
 * Offsets are cached per zone and UTC day when both ends of the day have the same offset (no zone
 * has two transitions that cancel out within a day), else per quarter hour (every real-world
 * transition falls on one): expanding thousands of occurrences asks `Intl` about twice per day.
 */
const QUARTER_MS = 15 * 60_000;
const MAX_CACHED = 200_000;

interface OffsetCache {
  readonly days: Map<number, number | null>;
  readonly quarters: Map<number, number>;
}

const offsets = new Map<string, OffsetCache>();

function intlOffset(ms: number, format: Intl.DateTimeFormat): number {
  return wallToNumber(wallFromIntl(ms, format)) - ms;
}

function cachedOffset(ms: number, iana: string): number {
  let cache = offsets.get(iana);
  if (!cache) {
    cache = { days: new Map(), quarters: new Map() };
    offsets.set(iana, cache);
  }
  const format = formatter(iana);
  if (!format) throw new RangeError(`Unknown time zone ${iana}`);
  const day = Math.floor(ms / DAY_MS);
  let whole = cache.days.get(day);
  if (whole === undefined) {
    const first = intlOffset(day * DAY_MS, format);
    whole = first === intlOffset((day + 1) * DAY_MS - QUARTER_MS, format) ? first : null;
    if (cache.days.size > MAX_CACHED) cache.days.clear();
    cache.days.set(day, whole);
  }
  if (whole !== null) return whole;
  const quarter = Math.floor(ms / QUARTER_MS);
  let offset = cache.quarters.get(quarter);
  if (offset === undefined) {
    offset = intlOffset(quarter * QUARTER_MS, format);
    if (cache.quarters.size > MAX_CACHED) cache.quarters.clear();
    cache.quarters.set(quarter, offset);
  }
  return offset;
}

/** The wall time in `iana` at the instant `ms`. */
export function utcToWall(ms: number, iana: string): Wall {
  return iana === 'UTC' ? numberToWall(ms) : numberToWall(ms + cachedOffset(ms, iana));
}

function offsetAt(ms: number, iana: string): number {
  return wallToNumber(utcToWall(ms, iana)) - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant of a wall time in `iana`. A time that happens twice (autumn) is the first one; a time
 * skipped by a spring gap moves forward by the gap, as Exchange does.
 */
export function wallToUtc(wall: Wall, iana: string): number {
  const local = wallToNumber(wall);
  if (iana === 'UTC') return local;
  const before = local - offsetAt(local - DAY_MS, iana);
  const after = local - offsetAt(local + DAY_MS, iana);
  const valid = [before, after].filter((ms) => wallToNumber(utcToWall(ms, iana)) === local);
  return valid.length > 0 ? Math.min(...valid) : before;
}
