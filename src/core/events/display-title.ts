/**
 * How an event's title is shown wherever one is (agenda views, the details card, the dashboard,
 * conflict copies, reminder notifications): as written, or "(No title)" when it is empty or blank, so
 * an untitled event never shows as a bare time or a blank row. Words here, not in a page catalog,
 * because the service worker's reminder notices need them too.
 */
export const UNTITLED = { en: '(No title)', fr: '(Sans titre)' } as const;
export type TitleLocale = keyof typeof UNTITLED;

export function displayTitle(summary: string, locale: TitleLocale): string {
  return summary.trim() === '' ? UNTITLED[locale] : summary;
}
