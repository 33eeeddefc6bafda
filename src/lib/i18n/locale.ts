import { createRoot, createSignal } from 'solid-js';
import { Locale } from './i18n-types';
import type { Catalog } from './i18n-types';

export function detectLocale(languages: readonly string[]): Locale {
  for (const lang of languages) {
    const base = lang.toLowerCase().split('-')[0];
    if (base === 'fr') return Locale.fr;
    if (base === 'en') return Locale.en;
  }
  return Locale.en;
}

const state = createRoot(() => {
  const initial = typeof navigator === 'undefined' ? Locale.en : detectLocale(navigator.languages);
  const [locale, setLocale] = createSignal<Locale>(initial);
  return { locale, setLocale };
});

/** The UI language (a signal: reading it inside JSX re-renders on change). */
export const locale = state.locale;
export const setLocale = (next: Locale): void => {
  state.setLocale(next);
  if (typeof document !== 'undefined') document.documentElement.lang = next;
};

export type Params = Readonly<Record<string, string | number>>;

/**
 * Binds a catalog: `const t = useCatalog(dashboardMessages); t('today')`. Reactive on the locale.
 */
export function useCatalog<K extends string>(catalog: Catalog<K>): (key: K, params?: Params) => string {
  return (key, params) => {
    const template = catalog[locale()][key];
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      return value === undefined ? whole : String(value);
    });
  };
}

/** Intl formatters follow the UI language, keeping the browser's region when it speaks that language. */
export function intlLocale(): string {
  const current = locale();
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages;
  return preferred.find((lang) => lang.toLowerCase().split('-')[0] === current) ?? current;
}
