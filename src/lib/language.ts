import type { LanguageSetting } from '../core/settings/settings';
import type { Locale } from './i18n/i18n-types';
import { detectLocale } from './i18n/locale';

/** The UI language for a setting: the chosen one, or the browser's preference when automatic. */
export function resolveLocale(setting: LanguageSetting, browserLanguages: readonly string[]): Locale {
  return setting === 'auto' ? detectLocale(browserLanguages) : setting;
}
