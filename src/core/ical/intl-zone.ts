/**
 * IANA zone arithmetic on top of `Intl` (the platform's tz database), so no tz data ships with the
 * app. Every function takes the zone explicitly; formatters and offsets are cached per zone because
 * expansion converts thousands of instants.
 */
import { numberToWall, wallToNumber, type WallClock } from './wall-clock';

const formatters = new Map<string, Intl.DateTimeFormat | null>();
const offsetCaches = new Map<string, Map<number, number>>();
const dayCaches = new Map<string, Map<number, number | null>>();
/** Offsets are cached per quarter hour: every real-world transition falls on one. */
const BUCKET_MS = 15 * 60_000;
/**
 * And per UTC day: a day whose two ends have the same offset has it throughout (no zone has had two
 * transitions that cancel out within one day), so most instants cost one lookup per day, not per
 * quarter hour. A day with a transition (null) falls back to its quarter hours.
 */
const DAY_MS = 86_400_000;
const MAX_CACHED_OFFSETS = 200_000;
/** Real offsets lie within ±14 h, so the instant of a wall-clock time lies within this of it. */
const MAX_OFFSET_MS = 14 * 3_600_000;

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  const cached = formatters.get(zone);
  if (cached !== undefined) return cached;
  let formatter: Intl.DateTimeFormat | null;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
  } catch {
    formatter = null;
  }
  formatters.set(zone, formatter);
  return formatter;
}

/** True when the platform knows this IANA zone name (or alias). */
export function isKnownZone(zone: string): boolean {
  return zone.length > 0 && formatterFor(zone) !== null;
}

function requireFormatter(zone: string): Intl.DateTimeFormat {
  const formatter = formatterFor(zone);
  if (!formatter) throw new RangeError(`Unknown time zone: ${zone}`);
  return formatter;
}

function readWall(formatter: Intl.DateTimeFormat, utcMs: number): WallClock {
  const fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  let bc = false;
  for (const part of formatter.formatToParts(utcMs)) {
    if (part.type === 'era') bc = part.value === 'BC' || part.value === 'B';
    else if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
  }
  if (bc) fields.year = 1 - fields.year;
  return fields;
}

function cacheOf<V>(caches: Map<string, Map<number, V>>, zone: string): Map<number, V> {
  let cache = caches.get(zone);
  if (!cache) {
    cache = new Map();
    caches.set(zone, cache);
  }
  return cache;
}

function remember<V>(cache: Map<number, V>, key: number, value: V): V {
  if (cache.size >= MAX_CACHED_OFFSETS) cache.clear();
  cache.set(key, value);
  return value;
}

/** The offset at the start of the instant's quarter hour (the exact offset: transitions fall on one). */
function quarterHourOffset(zone: string, utcMs: number): number {
  const cache = cacheOf(offsetCaches, zone);
  const bucket = Math.floor(utcMs / BUCKET_MS);
  const hit = cache.get(bucket);
  if (hit !== undefined) return hit;
  const bucketStart = bucket * BUCKET_MS;
  return remember(cache, bucket, wallToNumber(readWall(requireFormatter(zone), bucketStart)) - bucketStart);
}

/** The zone's offset from UTC at an instant, in ms (positive east of Greenwich). */
export function zoneOffsetAt(zone: string, utcMs: number): number {
  if (zone === 'UTC' || zone === 'Etc/UTC') return 0;
  const cache = cacheOf(dayCaches, zone);
  const day = Math.floor(utcMs / DAY_MS);
  let whole = cache.get(day);
  if (whole === undefined) {
    const atStart = quarterHourOffset(zone, day * DAY_MS);
    whole = remember(cache, day, atStart === quarterHourOffset(zone, (day + 1) * DAY_MS) ? atStart : null);
  }
  return whole ?? quarterHourOffset(zone, utcMs);
}

/**
 * The offset that places a wall-clock time of `zone` on the time line. A time that does not exist
 * (spring-forward gap) uses the offset before the gap, so it lands after it (02:30 → 03:30); a time
 * that exists twice (fall-back overlap) takes the first of the two.
 */
export function offsetForWall(zone: string, wallMs: number): number {
  const before = zoneOffsetAt(zone, wallMs - MAX_OFFSET_MS);
  const after = zoneOffsetAt(zone, wallMs + MAX_OFFSET_MS);
  if (before === after) return before;
  if (zoneOffsetAt(zone, wallMs - before) === before) return before;
  if (zoneOffsetAt(zone, wallMs - after) === after) return after;
  return before;
}

/** Wall-clock time in `zone` → epoch ms (gap → shifted forward, overlap → first instance). */
export function wallClockToUtc(zone: string, wall: WallClock): number {
  const wallMs = wallToNumber(wall);
  return wallMs - offsetForWall(zone, wallMs);
}

/** Epoch ms → the wall clock shown in `zone`. */
export function utcToWallClock(zone: string, utcMs: number): WallClock {
  return numberToWall(utcMs + zoneOffsetAt(zone, utcMs));
}
