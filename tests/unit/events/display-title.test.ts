import { describe, expect, it } from 'vitest';
import { displayTitle } from '../../../src/core/events/display-title';

describe('displayTitle', () => {
  it('shows an empty or blank title as "(No title)" in the language asked', () => {
    expect(displayTitle('', 'en')).toBe('(No title)');
    expect(displayTitle('  \t', 'en')).toBe('(No title)');
    expect(displayTitle('', 'fr')).toBe('(Sans titre)');
  });

  it('keeps a title as written', () => {
    expect(displayTitle(' Lunch ', 'fr')).toBe(' Lunch ');
  });
});
