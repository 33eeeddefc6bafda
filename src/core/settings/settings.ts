import type { AlmanacDb } from '../db/almanac-db';
import { AppError, ErrorKind } from '../errors';

export const Theme = { system: 'system', light: 'light', dark: 'dark' } as const;
export type Theme = (typeof Theme)[keyof typeof Theme];

export const LanguageSetting = { auto: 'auto', en: 'en', fr: 'fr' } as const;
export type LanguageSetting = (typeof LanguageSetting)[keyof typeof LanguageSetting];

export interface Settings {
  theme: Theme;
  language: LanguageSetting;
  shortcutsEnabled: boolean;
  /** How many occurrences the dashboard's upcoming widget shows, 1–50. */
  upcomingCount: number;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  theme: 'system',
  language: 'auto',
  shortcutsEnabled: true,
  upcomingCount: 7,
};

export const UPCOMING_COUNT_MIN = 1;
export const UPCOMING_COUNT_MAX = 50;

export const SETTINGS_KEY = 'settings';

const isTheme = (value: unknown): value is Theme => typeof value === 'string' && Object.hasOwn(Theme, value);
const isLanguage = (value: unknown): value is LanguageSetting =>
  typeof value === 'string' && Object.hasOwn(LanguageSetting, value);
const isUpcomingCount = (value: unknown): value is number =>
  typeof value === 'number' &&
  Number.isInteger(value) &&
  value >= UPCOMING_COUNT_MIN &&
  value <= UPCOMING_COUNT_MAX;

/** Stored settings, each missing or invalid field replaced by its default. */
export function normalizeSettings(stored: unknown): Settings {
  const raw: Record<string, unknown> =
    typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  return {
    theme: isTheme(raw['theme']) ? raw['theme'] : DEFAULT_SETTINGS.theme,
    language: isLanguage(raw['language']) ? raw['language'] : DEFAULT_SETTINGS.language,
    shortcutsEnabled:
      typeof raw['shortcutsEnabled'] === 'boolean'
        ? raw['shortcutsEnabled']
        : DEFAULT_SETTINGS.shortcutsEnabled,
    upcomingCount: isUpcomingCount(raw['upcomingCount'])
      ? raw['upcomingCount']
      : DEFAULT_SETTINGS.upcomingCount,
  };
}

export async function readSettings(db: AlmanacDb): Promise<Settings> {
  const row = await db.meta.get(SETTINGS_KEY);
  return normalizeSettings(row?.value);
}

function invalid(field: keyof Settings): AppError {
  return new AppError({
    kind: ErrorKind.invalidInput,
    message: `Invalid value for the setting "${field}".`,
    retryable: false,
    detail: field,
  });
}

function validatePatch(patch: Partial<Settings>): void {
  if (patch.theme !== undefined && !isTheme(patch.theme)) throw invalid('theme');
  if (patch.language !== undefined && !isLanguage(patch.language)) throw invalid('language');
  if (patch.shortcutsEnabled !== undefined && typeof patch.shortcutsEnabled !== 'boolean') {
    throw invalid('shortcutsEnabled');
  }
  if (patch.upcomingCount !== undefined && !isUpcomingCount(patch.upcomingCount))
    throw invalid('upcomingCount');
}

/** Validates and merges a patch (AppError 'invalid-input' naming the field in `detail`). */
export async function updateSettings(db: AlmanacDb, patch: Partial<Settings>): Promise<void> {
  validatePatch(patch);
  await db.transaction('rw', db.meta, async () => {
    const current = await readSettings(db);
    const next: Settings = {
      theme: patch.theme ?? current.theme,
      language: patch.language ?? current.language,
      shortcutsEnabled: patch.shortcutsEnabled ?? current.shortcutsEnabled,
      upcomingCount: patch.upcomingCount ?? current.upcomingCount,
    };
    await db.meta.put({ key: SETTINGS_KEY, value: next });
  });
}
