import { displayTitle } from '../core/events/display-title';
import { locale } from './i18n/locale';

/**
 * An event's title as the page shows it, "(No title)" / "(Sans titre)" when empty, in the UI language
 * (reactive: read inside JSX or a memo, it follows a language change).
 */
export function eventTitle(summary: string): string {
  return displayTitle(summary, locale());
}
