import { describe, expect, it } from 'vitest';
import { detectLocale } from '../../../src/lib/i18n/locale';
import { resolveLocale } from '../../../src/lib/language';

describe('detectLocale', () => {
  it('takes the first supported language of the browser', () => {
    expect(detectLocale(['fr-CH', 'en-GB'])).toBe('fr');
    expect(detectLocale(['de-DE', 'en-US', 'fr'])).toBe('en');
    expect(detectLocale(['FR'])).toBe('fr');
  });

  it('falls back to English', () => {
    expect(detectLocale(['de-CH', 'it'])).toBe('en');
    expect(detectLocale([])).toBe('en');
  });
});

describe('resolveLocale', () => {
  it('follows the browser when the setting is automatic', () => {
    expect(resolveLocale('auto', ['fr-FR'])).toBe('fr');
    expect(resolveLocale('auto', ['ja'])).toBe('en');
  });

  it('lets the setting override the browser', () => {
    expect(resolveLocale('en', ['fr-FR'])).toBe('en');
    expect(resolveLocale('fr', ['en-US'])).toBe('fr');
  });
});
