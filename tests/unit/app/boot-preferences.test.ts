import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readBootPreferences, writeBootPreferences } from '../../../src/app/boot-preferences';
import { memoryStorage } from '../support/memory-storage';

const KEY = 'almanac.bootPreferences';

beforeEach(() => {
  vi.stubGlobal('localStorage', memoryStorage());
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the first frame’s language and theme', () => {
  it('are none on a first visit, then those last applied', () => {
    expect(readBootPreferences()).toBeNull();
    writeBootPreferences({ language: 'fr', theme: 'dark' });
    expect(readBootPreferences()).toEqual({ language: 'fr', theme: 'dark' });
  });

  it('keep only the language and the theme, and fall back to the defaults for what is not valid', () => {
    writeBootPreferences({
      language: 'en',
      theme: 'light',
      shortcutsEnabled: false,
      upcomingCount: 3,
    } as never);
    expect(JSON.parse(localStorage.getItem(KEY) ?? '')).toEqual({ language: 'en', theme: 'light' });
    localStorage.setItem(KEY, JSON.stringify({ language: 'de', theme: 'sepia' }));
    expect(readBootPreferences()).toEqual({ language: 'auto', theme: 'system' });
    localStorage.setItem(KEY, '{not json');
    expect(readBootPreferences()).toBeNull();
  });

  it('do without storage where site data is blocked', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
    expect(readBootPreferences()).toBeNull();
    expect(() => {
      writeBootPreferences({ language: 'fr', theme: 'dark' });
    }).not.toThrow();
  });
});
