import { createEffect, onCleanup, type Accessor } from 'solid-js';
import type { Settings } from '../core/settings/settings';
import { nameBuiltInCalendars } from '../core/calendars/built-in-name';
import { db } from '../lib/db';
import { locale, setClockSetting, setLocale } from '../lib/i18n/locale';
import { resolveLocale } from '../lib/language';
import type { LiveResult } from '../lib/live-query';
import { reportStorageProblem } from '../lib/storage';
import { applyTheme } from '../lib/theme';
import { writeBootPreferences } from './boot-preferences';
import { shellMessages } from './shell-messages';

/**
 * Applies the stored theme, language and clock (12 / 24 h) to the document as they change (here or in another tab), and
 * follows the browser when they are "system" / "automatic". Nothing happens until settings are read,
 * so start-up's choice (src/app/startup.ts) is not overwritten by defaults.
 */
export function usePreferences(settings: Accessor<LiveResult<Settings>>): void {
  const current = (): Settings | undefined => {
    const state = settings();
    return state.state === 'ready' ? state.value : undefined;
  };
  const applyLanguage = (): void => {
    const value = current();
    if (value) setLocale(resolveLocale(value.language, navigator.languages));
  };
  const applyCurrentTheme = (): void => {
    const value = current();
    if (value) applyTheme(value.theme);
  };

  createEffect(applyLanguage);
  // The 12 / 24-hour setting: intlLocale() carries it to every formatter.
  createEffect(() => {
    const value = current();
    if (value) setClockSetting(value.clock);
  });
  // The built-in calendar, while the user has not renamed it, is named in the UI's language.
  createEffect(() => {
    if (!current()) return;
    nameBuiltInCalendars(db, shellMessages[locale()].personalCalendar).catch(reportStorageProblem);
  });
  createEffect(applyCurrentTheme);
  // The next start paints its first frame with these (boot-preferences.ts).
  createEffect(() => {
    const value = current();
    if (value) writeBootPreferences(value);
  });

  const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
  darkQuery.addEventListener('change', applyCurrentTheme);
  window.addEventListener('languagechange', applyLanguage);
  onCleanup(() => {
    darkQuery.removeEventListener('change', applyCurrentTheme);
    window.removeEventListener('languagechange', applyLanguage);
  });
}
