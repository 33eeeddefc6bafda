import { describe, expect, it } from 'vitest';
import { asSentence } from '../../../../src/lib/i18n/sentence';

describe('asSentence', () => {
  it('ends a title with a full stop so the next sentence does not run on', () => {
    expect(asSentence('The server could not be reached')).toBe('The server could not be reached.');
    expect(asSentence("Le serveur n'est pas joignable ")).toBe("Le serveur n'est pas joignable.");
  });

  it('keeps punctuation that already ends it', () => {
    expect(asSentence('Delete event?')).toBe('Delete event?');
    expect(asSentence('Saved.')).toBe('Saved.');
  });
});
