import type { WeekStart } from './settings';

/** FullCalendar's `firstDay` (0 = Sunday) for each choice other than the language's own. */
const CHOSEN_FIRST_DAY: Readonly<Record<Exclude<WeekStart, 'locale'>, number>> = {
  monday: 1,
  sunday: 0,
  saturday: 6,
};

/**
 * The week's first day (0 = Sunday) for the setting: the one chosen, or the language's own
 * (`localeDefault`, from Intl where the browser knows it), else Monday (ISO 8601).
 */
export function firstDayFor(setting: WeekStart, localeDefault: number | undefined): number {
  return setting === 'locale' ? (localeDefault ?? 1) : CHOSEN_FIRST_DAY[setting];
}
