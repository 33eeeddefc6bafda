/**
 * Graph's patternedRecurrence (pattern + range), read from a request and normalised to the shape
 * Graph answers with: every property present, enum values in lower camel case, `0` and `0001-01-01`
 * where a property does not apply (see the create-event response on the "Create Event" page).
 */
import { isJsonObject, readKey, type JsonObject, type JsonValue } from '../json';
import { parseWall } from '../time/wall-clock';

export const PATTERN_TYPES = [
  'daily',
  'weekly',
  'absoluteMonthly',
  'relativeMonthly',
  'absoluteYearly',
  'relativeYearly',
] as const;
export const DAYS_OF_WEEK = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
export const WEEK_INDEXES = ['first', 'second', 'third', 'fourth', 'last'] as const;
export const RANGE_TYPES = ['endDate', 'noEnd', 'numbered'] as const;

export type PatternType = (typeof PATTERN_TYPES)[number];
export type DayOfWeek = (typeof DAYS_OF_WEEK)[number];
export type WeekIndex = (typeof WEEK_INDEXES)[number];
export type RangeType = (typeof RANGE_TYPES)[number];

export interface RecurrencePattern {
  readonly type: PatternType;
  readonly interval: number;
  readonly month: number;
  readonly dayOfMonth: number;
  readonly daysOfWeek: readonly DayOfWeek[];
  readonly firstDayOfWeek: DayOfWeek;
  readonly index: WeekIndex;
}

export interface RecurrenceRange {
  readonly type: RangeType;
  readonly startDate: string;
  readonly endDate: string;
  readonly recurrenceTimeZone: string;
  readonly numberOfOccurrences: number;
}

export interface PatternedRecurrence {
  readonly pattern: RecurrencePattern;
  readonly range: RecurrenceRange;
}

export type RecurrenceResult = { ok: true; value: PatternedRecurrence } | { ok: false; message: string };

const NO_DATE = '0001-01-01';

function pick<T extends string>(allowed: readonly T[], value: JsonValue | undefined): T | null {
  if (typeof value !== 'string') return null;
  return allowed.find((name) => name.toLowerCase() === value.toLowerCase()) ?? null;
}

const int = (value: JsonValue | undefined): number | null =>
  typeof value === 'number' && Number.isInteger(value) ? value : null;

function readPattern(raw: JsonObject): RecurrencePattern | string {
  const type = pick(PATTERN_TYPES, readKey(raw, 'type'));
  if (!type) return 'pattern.type must be one of ' + PATTERN_TYPES.join(', ');
  const interval = int(readKey(raw, 'interval')) ?? 1;
  if (interval < 1) return 'pattern.interval must be at least 1';
  const rawDays = readKey(raw, 'daysOfWeek');
  const daysOfWeek = Array.isArray(rawDays)
    ? (rawDays as readonly JsonValue[]).map((day) => pick(DAYS_OF_WEEK, day))
    : [];
  if (daysOfWeek.includes(null)) return 'pattern.daysOfWeek has an unknown day';
  const days = daysOfWeek.filter((day): day is DayOfWeek => day !== null);
  const needsDays = type === 'weekly' || type === 'relativeMonthly' || type === 'relativeYearly';
  if (needsDays && days.length === 0) return `pattern.daysOfWeek is required for ${type}`;
  const dayOfMonth = int(readKey(raw, 'dayOfMonth')) ?? 0;
  const needsDayOfMonth = type === 'absoluteMonthly' || type === 'absoluteYearly';
  if (needsDayOfMonth && (dayOfMonth < 1 || dayOfMonth > 31))
    return `pattern.dayOfMonth is required for ${type}`;
  const month = int(readKey(raw, 'month')) ?? 0;
  if ((type === 'absoluteYearly' || type === 'relativeYearly') && (month < 1 || month > 12)) {
    return `pattern.month is required for ${type}`;
  }
  const firstDayOfWeek = pick(DAYS_OF_WEEK, readKey(raw, 'firstDayOfWeek') ?? 'sunday');
  const index = pick(WEEK_INDEXES, readKey(raw, 'index') ?? 'first');
  if (!firstDayOfWeek || !index) return 'pattern.firstDayOfWeek or pattern.index is not valid';
  return { type, interval, month, dayOfMonth, daysOfWeek: days, firstDayOfWeek, index };
}

function readRange(raw: JsonObject, defaultZone: string): RecurrenceRange | string {
  const type = pick(RANGE_TYPES, readKey(raw, 'type'));
  if (!type) return 'range.type must be one of ' + RANGE_TYPES.join(', ');
  const startDate = readKey(raw, 'startDate');
  if (typeof startDate !== 'string' || !parseWall(startDate)) return 'range.startDate must be a date';
  const rawEnd = readKey(raw, 'endDate');
  const endDate = typeof rawEnd === 'string' && type === 'endDate' ? rawEnd : NO_DATE;
  if (type === 'endDate' && (!parseWall(endDate) || endDate < startDate)) {
    return 'range.endDate must be a date on or after range.startDate';
  }
  const count = int(readKey(raw, 'numberOfOccurrences')) ?? 0;
  if (type === 'numbered' && count < 1) return 'range.numberOfOccurrences must be at least 1';
  const zone = readKey(raw, 'recurrenceTimeZone');
  return {
    type,
    startDate: startDate.slice(0, 10),
    endDate: endDate.slice(0, 10),
    recurrenceTimeZone: typeof zone === 'string' && zone !== '' ? zone : defaultZone,
    numberOfOccurrences: type === 'numbered' ? count : 0,
  };
}

/** Reads a request's `recurrence`; `defaultZone` is the event's start zone. */
export function readRecurrence(raw: JsonValue | undefined, defaultZone: string): RecurrenceResult {
  if (!isJsonObject(raw))
    return { ok: false, message: 'recurrence must be an object with pattern and range' };
  const pattern = readKey(raw, 'pattern');
  const range = readKey(raw, 'range');
  if (!isJsonObject(pattern) || !isJsonObject(range)) {
    return { ok: false, message: 'recurrence needs both pattern and range' };
  }
  const readP = readPattern(pattern);
  if (typeof readP === 'string') return { ok: false, message: readP };
  const readR = readRange(range, defaultZone);
  if (typeof readR === 'string') return { ok: false, message: readR };
  return { ok: true, value: { pattern: readP, range: readR } };
}

export function recurrenceJson(recurrence: PatternedRecurrence): JsonObject {
  return { pattern: { ...recurrence.pattern }, range: { ...recurrence.range } };
}
