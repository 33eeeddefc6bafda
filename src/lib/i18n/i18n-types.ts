export const Locale = { en: 'en', fr: 'fr' } as const;
export type Locale = (typeof Locale)[keyof typeof Locale];

/**
 * A message catalog for one feature: English is the source, French must have exactly the same keys
 * (the type makes a missing translation a compile error). Values may use `{name}` placeholders.
 */
export type Catalog<K extends string> = Readonly<Record<Locale, Readonly<Record<K, string>>>>;

export function defineCatalog<const K extends string>(catalog: {
  en: Readonly<Record<K, string>>;
  fr: Readonly<Record<NoInfer<K>, string>>;
}): Catalog<K> {
  return catalog;
}
