import type { Accessor } from 'solid-js';
import { DEFAULT_SETTINGS, readSettings, updateSettings, type Settings } from '../core/settings/settings';
import { db } from './db';
import { createLiveQuery, type LiveResult } from './live-query';
import { clearSettingsJournal, journalSettings } from './settings-journal';
import { reportStorageProblem } from './storage';

/** The stored settings as a live query (another tab's change shows here), with its loading state. */
export function useSettingsState(): Accessor<LiveResult<Settings>> {
  return createLiveQuery(() => readSettings(db));
}

/** The stored settings, live; the defaults until the first read completes. */
export function useSettings(): Accessor<Settings> {
  const state = useSettingsState();
  return () => {
    const current = state();
    return current.state === 'ready' ? current.value : DEFAULT_SETTINGS;
  };
}

/**
 * Saves a settings patch (noted in a journal first, so leaving the page at once does not lose it); a
 * full disk is reported to the storage banner before rethrowing.
 */
export async function saveSettings(patch: Partial<Settings>): Promise<void> {
  const journal = journalSettings(patch);
  try {
    await updateSettings(db, patch);
    clearSettingsJournal(journal);
  } catch (error) {
    clearSettingsJournal(journal);
    reportStorageProblem(error);
    throw error;
  }
}
