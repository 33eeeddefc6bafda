import { afterEach, describe, expect, it } from 'vitest';
import { defineCatalog } from '../../../../src/lib/i18n/i18n-types';
import { formatMessage, pluralForm, setLocale, useCatalog } from '../../../../src/lib/i18n/locale';

const events = { one: '{count} event', other: '{count} events' };
const evenements = { one: '{count} événement', many: '{count} d’événements', other: '{count} événements' };

describe('pluralForm (Intl.PluralRules)', () => {
  it('follows English: one for exactly 1, other for 0, 2 and fractions', () => {
    expect([0, 1, 2, 1.5].map((count) => pluralForm(events, count, 'en'))).toEqual([
      '{count} events',
      '{count} event',
      '{count} events',
      '{count} events',
    ]);
  });

  it('follows French: 0 and 1.5 are singular, a million takes `many`, or `other` when absent', () => {
    expect([0, 1, 1.5, 2].map((count) => pluralForm(evenements, count, 'fr'))).toEqual([
      '{count} événement',
      '{count} événement',
      '{count} événement',
      '{count} événements',
    ]);
    expect(pluralForm(evenements, 1_000_000, 'fr')).toBe('{count} d’événements');
    expect(pluralForm({ one: 'un', other: 'autres' }, 1_000_000, 'fr')).toBe('autres');
  });
});

describe('formatMessage', () => {
  it('picks the form by count and fills the placeholders', () => {
    expect(formatMessage(events, 'en', { count: 1 })).toBe('1 event');
    expect(formatMessage(events, 'en', { count: 3 })).toBe('3 events');
    expect(formatMessage(evenements, 'fr', { count: 0 })).toBe('0 événement');
    expect(formatMessage('Export “{name}”', 'en', { name: 'Work' })).toBe('Export “Work”');
  });

  it('writes the count of a plural as the locale writes numbers', () => {
    expect(formatMessage(events, 'en', { count: 1200 })).toBe('1,200 events');
    expect(formatMessage(evenements, 'fr', { count: 1200 }).replace(/\s/gu, ' ')).toBe('1 200 événements');
    // Not in a plain text: a port or a year stays as it is.
    expect(formatMessage('Port {count}', 'en', { count: 5390 })).toBe('Port 5390');
  });

  it('uses the other form when no count is given', () => {
    expect(formatMessage(events, 'en')).toBe('{count} events');
  });
});

describe('a catalog with plurals', () => {
  afterEach(() => {
    setLocale('en');
  });

  const catalog = defineCatalog({
    en: { title: 'Export', count: events },
    fr: { title: 'Exporter', count: evenements },
  });

  it('follows the UI language', () => {
    const t = useCatalog(catalog);
    expect(t('count', { count: 1 })).toBe('1 event');
    setLocale('fr');
    expect(t('count', { count: 0 })).toBe('0 événement');
    expect(t('title')).toBe('Exporter');
  });
});

/** Checked by the typecheck (tsconfig includes tests), never run: a translation cannot miss a form. */
export function translationsMustGiveEveryForm(): void {
  defineCatalog({
    en: { count: events },
    // @ts-expect-error French must give the `other` form too.
    fr: { count: { one: '{count} événement' } },
  });
  defineCatalog({
    en: { count: events },
    // @ts-expect-error A plural in English is a plural in French.
    fr: { count: '{count} événements' },
  });
}
