import { normalizeSettings, type LanguageSetting, type Theme } from '../core/settings/settings';

/**
 * The language and theme as last applied, mirrored in localStorage so the first frame (painted before
 * IndexedDB has answered, src/app/Root.tsx) is already in the user's language and colours. IndexedDB
 * stays the truth: start-up re-applies the stored settings once read, which also mends a stale mirror.
 */
const KEY = 'almanac.bootPreferences';

export interface BootPreferences {
  readonly language: LanguageSetting;
  readonly theme: Theme;
}

/** Reading `localStorage` (or an item of it) throws where site data is blocked: then there is none. */
function readItem(): string | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** The mirrored preferences, or null on a first visit (or when the mirror is unreadable). */
export function readBootPreferences(): BootPreferences | null {
  const text = readItem();
  if (!text) return null;
  try {
    const { language, theme } = normalizeSettings(JSON.parse(text));
    return { language, theme };
  } catch {
    return null;
  }
}

/** Notes what was just applied; a full or blocked storage only costs the next start a brief default. */
export function writeBootPreferences(preferences: BootPreferences): void {
  const text = JSON.stringify({ language: preferences.language, theme: preferences.theme });
  if (readItem() === text) return;
  try {
    localStorage.setItem(KEY, text);
  } catch {
    // Blocked or full: IndexedDB still has the settings.
  }
}
