import type { AlmanacDb } from '../db/almanac-db';
import { AppError, ErrorKind } from '../errors';
import type { CalendarId } from '../model/ids';

export const Theme = { system: 'system', light: 'light', dark: 'dark' } as const;
export type Theme = (typeof Theme)[keyof typeof Theme];

export const LanguageSetting = { auto: 'auto', en: 'en', fr: 'fr' } as const;
export type LanguageSetting = (typeof LanguageSetting)[keyof typeof LanguageSetting];

/** The week's first day: the language's own, or one the user picked. */
export const WeekStart = {
  locale: 'locale',
  monday: 'monday',
  sunday: 'sunday',
  saturday: 'saturday',
} as const;
export type WeekStart = (typeof WeekStart)[keyof typeof WeekStart];

/** 12- or 24-hour clock; `auto` is the language and region's own (Intl's hour cycle). */
export const ClockSetting = { auto: 'auto', h12: 'h12', h24: 'h24' } as const;
export type ClockSetting = (typeof ClockSetting)[keyof typeof ClockSetting];

/** A new event's length, in minutes, when the user did not pick an end. */
export const EVENT_DURATIONS = [15, 30, 45, 60, 90, 120] as const;
export type EventDuration = (typeof EVENT_DURATIONS)[number];

export interface Settings {
  theme: Theme;
  language: LanguageSetting;
  shortcutsEnabled: boolean;
  /** How many occurrences the dashboard's upcoming widget shows, 1–50. */
  upcomingCount: number;
  weekStart: WeekStart;
  clock: ClockSetting;
  /** An IANA zone shown as a second time column in the week and day views; null for none. */
  secondTimeZone: string | null;
  /**
   * Where new events go; null (or a calendar that is gone or read-only) lets the agenda choose
   * (src/core/settings/default-calendar.ts).
   */
  defaultCalendarId: CalendarId | null;
  defaultDurationMinutes: EventDuration;
  weekNumbers: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  theme: 'system',
  language: 'auto',
  shortcutsEnabled: true,
  upcomingCount: 7,
  weekStart: 'locale',
  clock: 'auto',
  secondTimeZone: null,
  defaultCalendarId: null,
  defaultDurationMinutes: 60,
  weekNumbers: false,
};

export const UPCOMING_COUNT_MIN = 1;
export const UPCOMING_COUNT_MAX = 50;

export const SETTINGS_KEY = 'settings';

const isMember =
  <T extends string>(values: Readonly<Record<string, T>>) =>
  (value: unknown): value is T =>
    typeof value === 'string' && Object.hasOwn(values, value);

const isTheme = isMember(Theme);
const isLanguage = isMember(LanguageSetting);
const isWeekStart = isMember(WeekStart);
const isClock = isMember(ClockSetting);
const isUpcomingCount = (value: unknown): value is number =>
  typeof value === 'number' &&
  Number.isInteger(value) &&
  value >= UPCOMING_COUNT_MIN &&
  value <= UPCOMING_COUNT_MAX;
const isDuration = (value: unknown): value is EventDuration =>
  typeof value === 'number' && (EVENT_DURATIONS as readonly number[]).includes(value);

/** A zone Intl knows ("Europe/Paris", "UTC"), as typed or stored. */
export function isTimeZoneName(value: unknown): value is string {
  if (typeof value !== 'string' || value === '' || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const isZoneOrNone = (value: unknown): value is string | null => value === null || isTimeZoneName(value);
const isCalendarIdOrNone = (value: unknown): value is CalendarId | null =>
  value === null || (typeof value === 'string' && value !== '' && value.length <= 200);
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';

/** Each field's check: stored values failing it read as the default, patches failing it are refused. */
const VALID: { readonly [K in keyof Settings]: (value: unknown) => value is Settings[K] } = {
  theme: isTheme,
  language: isLanguage,
  shortcutsEnabled: isBoolean,
  upcomingCount: isUpcomingCount,
  weekStart: isWeekStart,
  clock: isClock,
  secondTimeZone: isZoneOrNone,
  defaultCalendarId: isCalendarIdOrNone,
  defaultDurationMinutes: isDuration,
  weekNumbers: isBoolean,
};

const FIELDS = Object.keys(VALID) as (keyof Settings)[];

function field<K extends keyof Settings>(raw: Record<string, unknown>, key: K): Settings[K] {
  const value = raw[key];
  return VALID[key](value) ? value : DEFAULT_SETTINGS[key];
}

/** Stored settings, each missing or invalid field replaced by its default (unknown fields dropped). */
export function normalizeSettings(stored: unknown): Settings {
  const raw: Record<string, unknown> =
    typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  return {
    theme: field(raw, 'theme'),
    language: field(raw, 'language'),
    shortcutsEnabled: field(raw, 'shortcutsEnabled'),
    upcomingCount: field(raw, 'upcomingCount'),
    weekStart: field(raw, 'weekStart'),
    clock: field(raw, 'clock'),
    secondTimeZone: field(raw, 'secondTimeZone'),
    defaultCalendarId: field(raw, 'defaultCalendarId'),
    defaultDurationMinutes: field(raw, 'defaultDurationMinutes'),
    weekNumbers: field(raw, 'weekNumbers'),
  };
}

export async function readSettings(db: AlmanacDb): Promise<Settings> {
  const row = await db.meta.get(SETTINGS_KEY);
  return normalizeSettings(row?.value);
}

function invalid(field: string): AppError {
  return new AppError({
    kind: ErrorKind.invalidInput,
    message: `Invalid value for the setting "${field}".`,
    retryable: false,
    detail: field,
  });
}

/** The patch's known fields, each checked; unknown ones (nothing reads them) are left out. */
function validatePatch(patch: Partial<Settings>): Record<string, unknown> {
  const raw = patch as Record<string, unknown>;
  const valid: Record<string, unknown> = {};
  for (const key of FIELDS) {
    if (raw[key] === undefined) continue;
    if (!VALID[key](raw[key])) throw invalid(key);
    valid[key] = raw[key];
  }
  return valid;
}

/** Validates and merges a patch (AppError 'invalid-input' naming the field in `detail`). */
export async function updateSettings(db: AlmanacDb, patch: Partial<Settings>): Promise<void> {
  const valid = validatePatch(patch);
  await db.transaction('rw', db.meta, async () => {
    const current = await readSettings(db);
    const next = normalizeSettings({ ...current, ...valid });
    await db.meta.put({ key: SETTINGS_KEY, value: next });
  });
}
