import { createRoot, createSignal } from 'solid-js';
import type { ClockSetting } from '../../core/settings/settings';
import { Locale } from './i18n-types';
import type { Catalog, Message, PluralMessage } from './i18n-types';

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
  const [clock, setClock] = createSignal<ClockSetting>('auto');
  return { locale, setLocale, clock, setClock };
});

/** The UI language (a signal: reading it inside JSX re-renders on change). */
export const locale = state.locale;
export const setLocale = (next: Locale): void => {
  state.setLocale(next);
  if (typeof document !== 'undefined') document.documentElement.lang = next;
};

/** The 12 / 24-hour setting (Settings › Preferences): every time the app formats follows it. */
export const clockSetting = state.clock;
export const setClockSetting = (next: ClockSetting): void => {
  state.setClock(next);
};

export type Params = Readonly<Record<string, string | number>>;

const pluralRules = new Map<string, Intl.PluralRules>();

/** The form of a plural message for `count` in `localeCode`, by Intl.PluralRules (`many` → `other` when absent). */
export function pluralForm(message: PluralMessage, count: number, localeCode: string): string {
  let rules = pluralRules.get(localeCode);
  if (!rules) {
    rules = new Intl.PluralRules(localeCode);
    pluralRules.set(localeCode, rules);
  }
  const category = rules.select(count);
  if (category === 'one') return message.one;
  if (category === 'many') return message.many ?? message.other;
  return message.other;
}

/** A message's text for the parameters: its plural form by `count`, placeholders filled in. */
export function formatMessage(message: Message, localeCode: string, params?: Params): string {
  const count = params?.['count'];
  const template =
    typeof message === 'string'
      ? message
      : pluralForm(message, typeof count === 'number' ? count : NaN, localeCode);
  if (!params) return template;
  // In a plural message the count is a number written as the locale writes it ("1,200", "1 200").
  const filled =
    typeof message !== 'string' && typeof count === 'number'
      ? { ...params, count: new Intl.NumberFormat(localeCode).format(count) }
      : params;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = filled[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * Binds a catalog: `const t = useCatalog(dashboardMessages); t('today')`. Reactive on the locale. A
 * plural message takes its form from the `count` parameter.
 */
export function useCatalog<M extends Readonly<Record<string, Message>>>(
  catalog: Catalog<M>,
): (key: keyof M & string, params?: Params) => string {
  return (key, params) => {
    const message: Message = catalog[locale()][key];
    return formatMessage(message, locale(), params);
  };
}

/** The UI language with the browser's region when it speaks that language ("en-GB"), no setting added. */
export function baseIntlLocale(): string {
  const current = locale();
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages;
  return preferred.find((lang) => lang.toLowerCase().split('-')[0] === current) ?? current;
}

/**
 * Intl formatters follow the UI language, keeping the browser's region when it speaks that language,
 * and the 12 / 24-hour setting as an hour-cycle extension ("en-GB-u-hc-h12"), so every formatter made
 * with this locale follows it without being told.
 */
export function intlLocale(): string {
  const base = baseIntlLocale();
  const clock = clockSetting();
  if (clock === 'auto') return base;
  try {
    return new Intl.Locale(base, { hourCycle: clock === 'h12' ? 'h12' : 'h23' }).toString();
  } catch {
    return base;
  }
}
