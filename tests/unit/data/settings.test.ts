import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  readSettings,
  SETTINGS_KEY,
  updateSettings,
} from '../../../src/core/settings/settings';
import { expectAppError, freshDb } from './helpers';

describe('settings', () => {
  it('reads defaults from an empty database', async () => {
    const db = freshDb();
    expect(await readSettings(db)).toEqual({
      theme: 'system',
      language: 'auto',
      shortcutsEnabled: true,
      upcomingCount: 7,
    });
    expect(DEFAULT_SETTINGS.upcomingCount).toBe(7);
  });

  it('merges valid patches', async () => {
    const db = freshDb();
    await updateSettings(db, { theme: 'dark', upcomingCount: 12 });
    await updateSettings(db, { language: 'fr', shortcutsEnabled: false });
    expect(await readSettings(db)).toEqual({
      theme: 'dark',
      language: 'fr',
      shortcutsEnabled: false,
      upcomingCount: 12,
    });
  });

  it('rejects invalid values and keeps the previous ones', async () => {
    const db = freshDb();
    await updateSettings(db, { upcomingCount: 50 });
    for (const patch of [
      { upcomingCount: 0 },
      { upcomingCount: 51 },
      { upcomingCount: 2.5 },
      { upcomingCount: Number.NaN },
    ]) {
      const error = await expectAppError(() => updateSettings(db, patch), 'invalid-input');
      expect(error.detail).toBe('upcomingCount');
    }
    await expectAppError(() => updateSettings(db, { theme: 'sepia' as never }), 'invalid-input');
    await expectAppError(() => updateSettings(db, { language: 'toString' as never }), 'invalid-input');
    await expectAppError(() => updateSettings(db, { shortcutsEnabled: 'yes' as never }), 'invalid-input');
    expect(await readSettings(db)).toEqual({ ...DEFAULT_SETTINGS, upcomingCount: 50 });
  });

  it('replaces missing or corrupt stored fields by their defaults', async () => {
    const db = freshDb();
    await db.meta.put({ key: SETTINGS_KEY, value: { theme: 'light', language: 'de', upcomingCount: 999 } });
    expect(await readSettings(db)).toEqual({ ...DEFAULT_SETTINGS, theme: 'light' });
    await db.meta.put({ key: SETTINGS_KEY, value: 'garbage' });
    expect(await readSettings(db)).toEqual(DEFAULT_SETTINGS);
  });
});
