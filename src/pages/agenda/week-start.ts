/**
 * The first day of the week for the UI's locale (0 = Sunday, as FullCalendar's `firstDay`), from Intl
 * where the browser knows it. Apart from FullCalendar's options so the page can title the week before
 * FullCalendar's code is loaded.
 */
export function firstDayOfWeek(localeCode: string): number | undefined {
  try {
    const intlLocale: unknown = new Intl.Locale(localeCode);
    // getWeekInfo() (Chromium ≥ 130) and the older weekInfo getter are not in TypeScript's lib yet.
    const info = readWeekInfo(intlLocale);
    return info === undefined ? undefined : info % 7;
  } catch {
    return undefined;
  }
}

function readWeekInfo(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const withGetter = value as { getWeekInfo?: () => { firstDay?: number }; weekInfo?: { firstDay?: number } };
  const info = typeof withGetter.getWeekInfo === 'function' ? withGetter.getWeekInfo() : withGetter.weekInfo;
  return typeof info?.firstDay === 'number' ? info.firstDay : undefined;
}
