// A repeat rule Outlook cannot store reaches the page as data (kind unsupported-recurrence, the reason
// in `detail`): the page says why and what to change, in English and French.
import { afterEach, describe, expect, it } from 'vitest';
import { toAppErrorData } from '../../../src/core/errors';
import { UnsupportedRecurrenceReason } from '../../../src/core/sync/unsupported-recurrence';
import { errorMessage } from '../../../src/lib/error-messages';
import { setLocale } from '../../../src/lib/i18n/locale';
import {
  unsupportedRecurrenceMessages,
  unsupportedRecurrenceWhy,
} from '../../../src/lib/unsupported-recurrence-words';
import { UnsupportedRecurrenceError } from '../../../workers/sync/providers/graph/unsupported-recurrence';

afterEach(() => {
  setLocale('en');
});

describe('why Outlook cannot repeat an event, in words', () => {
  it('has the same keys in French and English, each a whole sentence', () => {
    expect(Object.keys(unsupportedRecurrenceMessages.fr).sort()).toEqual(
      Object.keys(unsupportedRecurrenceMessages.en).sort(),
    );
    for (const locale of ['en', 'fr'] as const) {
      for (const [key, text] of Object.entries(unsupportedRecurrenceMessages[locale])) {
        expect(text, `${locale}.${key}`).toMatch(/^\p{Lu}.*\.$/u);
      }
    }
  });

  it.each(['en', 'fr'] as const)('gives every reason its own words (%s)', (locale) => {
    setLocale(locale);
    const words = Object.values(UnsupportedRecurrenceReason).map((reason) =>
      unsupportedRecurrenceWhy(reason),
    );
    expect(words.every((text) => text !== null && text.length > 20)).toBe(true);
    expect(new Set(words).size).toBe(words.length);
  });

  it('the worker’s error crosses as data and reads as why, then what to change', () => {
    const data = toAppErrorData(new UnsupportedRecurrenceError('extra-dates', 'RDATE'));
    expect(data).toMatchObject({ kind: 'unsupported-recurrence', detail: 'extra-dates', retryable: false });

    expect(errorMessage(data)).toEqual({
      title: 'Outlook cannot repeat an event this way',
      action:
        'It has extra dates added to the series. Change its repeat to daily, weekly, monthly or yearly in the event, or keep it in a calendar that is not on Microsoft 365.',
    });
    setLocale('fr');
    expect(errorMessage(data)).toEqual({
      title: 'Outlook ne sait pas répéter un événement de cette façon',
      action:
        'Des dates ont été ajoutées à la série. Choisissez une répétition quotidienne, hebdomadaire, mensuelle ou annuelle dans l’événement, ou gardez-le dans un calendrier qui n’est pas sur Microsoft 365.',
    });
  });

  it('an unknown reason (another version stored it) still says what to change', () => {
    expect(unsupportedRecurrenceWhy('made-up')).toBeNull();
    expect(errorMessage({ kind: 'unsupported-recurrence', detail: 'made-up' }).action).toBe(
      'Change its repeat to daily, weekly, monthly or yearly in the event, or keep it in a calendar that is not on Microsoft 365.',
    );
  });
});
