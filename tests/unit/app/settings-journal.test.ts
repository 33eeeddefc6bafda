import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readSettings } from '../../../src/core/settings/settings';
import {
  clearSettingsJournal,
  journalSettings,
  replaySettingsJournal,
} from '../../../src/lib/settings-journal';
import { freshDb } from '../data/helpers';

const KEY = 'almanac.pendingSettings';

/** Node has no localStorage: a Map-backed one with the same methods. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => {
      items.clear();
    },
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => items.delete(key),
    setItem: (key, value) => items.set(key, value),
  };
}

beforeEach(() => {
  vi.stubGlobal('localStorage', memoryStorage());
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('settings journal', () => {
  it('accumulates changes not yet written and replays them at start-up', async () => {
    journalSettings({ theme: 'dark' });
    journalSettings({ shortcutsEnabled: false });
    const db = freshDb();
    await replaySettingsJournal(db);
    expect(await readSettings(db)).toMatchObject({
      theme: 'dark',
      shortcutsEnabled: false,
      language: 'auto',
    });
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('is cleared once written, but not when a later change replaced it meanwhile', () => {
    const first = journalSettings({ theme: 'dark' });
    const second = journalSettings({ language: 'fr' });
    clearSettingsJournal(first);
    expect(JSON.parse(localStorage.getItem(KEY) ?? 'null')).toEqual({ theme: 'dark', language: 'fr' });
    clearSettingsJournal(second);
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('drops an invalid or unreadable note without touching the settings', async () => {
    const db = freshDb();
    localStorage.setItem(KEY, JSON.stringify({ upcomingCount: 500 }));
    await replaySettingsJournal(db);
    expect((await readSettings(db)).upcomingCount).toBe(7);
    expect(localStorage.getItem(KEY)).toBeNull();

    localStorage.setItem(KEY, '{not json');
    await replaySettingsJournal(db);
    expect(await readSettings(db)).toMatchObject({ theme: 'system', upcomingCount: 7 });
    expect(localStorage.getItem(KEY)).toBeNull();
  });
});
