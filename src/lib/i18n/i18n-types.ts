export const Locale = { en: 'en', fr: 'fr' } as const;
export type Locale = (typeof Locale)[keyof typeof Locale];

/**
 * A message that names a count: one text per plural category of `Intl.PluralRules`, chosen by the
 * `count` parameter ("1 event" / "2 events"; French "0 événement" is `one`, as French counts zero).
 * `one` and `other` are required in every language; `many` (French for a million and more, "1 million
 * d'événements") falls back to `other` when absent. English and French need no other category.
 */
export interface PluralMessage {
  readonly one: string;
  readonly other: string;
  readonly many?: string;
}

export type Message = string | PluralMessage;

/** French's shape for an English message: a text for a text, every plural form for a plural. */
export type TranslationOf<M> = { readonly [K in keyof M]: M[K] extends string ? string : PluralMessage };

/** A message catalog for one feature, English and French, in the shape English gave it. */
export type Catalog<M> = Readonly<Record<Locale, Readonly<M>>>;

/*
 * Words, one term per concept in each language. French: "agenda" is the page and its views (« Ouvrir
 * l’agenda », the navigation's « Agenda »), "calendrier" is a calendar, a collection of events (« Nouveau
 * calendrier », « Ce calendrier est en lecture seule », « Calendriers de {name} »). English: "agenda"
 * and "calendar" likewise.
 */

/**
 * A message catalog for one feature: English is the source, French must have exactly the same keys
 * and, for a plural message, every form (the type makes a missing translation a compile error).
 * Values may use `{name}` placeholders; a plural message picks its form by `{count}`.
 */
export function defineCatalog<M extends Readonly<Record<string, Message>>>(catalog: {
  en: M;
  fr: TranslationOf<NoInfer<M>>;
}): Catalog<M> {
  // TranslationOf<M> has M's keys and, key by key, the same kind of value (a text or every form).
  return catalog as Catalog<M>;
}
