import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readSettings } from '../../../src/core/settings/settings';
import {
  clearSettingsJournal,
  journalSettings,
  replaySettingsJournal,
} from '../../../src/lib/settings-journal';
import { freshDb } from '../data/helpers';
import { memoryStorage } from '../support/memory-storage';

const KEY = 'almanac.pendingSettings';

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
