import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  readSettings,
  SETTINGS_KEY,
  updateSettings,
} from '../../../src/core/settings/settings';
import type { CalendarId } from '../../../src/core/model/ids';
import { expectAppError, freshDb } from './helpers';

describe('settings', () => {
  it('reads defaults from an empty database', async () => {
    const db = freshDb();
    expect(await readSettings(db)).toEqual({
      theme: 'system',
      language: 'auto',
      shortcutsEnabled: true,
      upcomingCount: 7,
      weekStart: 'locale',
      clock: 'auto',
      secondTimeZone: null,
      defaultCalendarId: null,
      defaultDurationMinutes: 60,
      weekNumbers: false,
    });
    expect(DEFAULT_SETTINGS.upcomingCount).toBe(7);
  });

  it('merges valid patches', async () => {
    const db = freshDb();
    await updateSettings(db, { theme: 'dark', upcomingCount: 12 });
    await updateSettings(db, { language: 'fr', shortcutsEnabled: false });
    expect(await readSettings(db)).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'dark',
      language: 'fr',
      shortcutsEnabled: false,
      upcomingCount: 12,
    });
  });

  it('stores the agenda preferences and clears the optional ones with null', async () => {
    const db = freshDb();
    await updateSettings(db, {
      weekStart: 'sunday',
      clock: 'h12',
      secondTimeZone: 'America/New_York',
      defaultCalendarId: 'cal-1' as CalendarId,
      defaultDurationMinutes: 30,
      weekNumbers: true,
    });
    expect(await readSettings(db)).toMatchObject({
      weekStart: 'sunday',
      clock: 'h12',
      secondTimeZone: 'America/New_York',
      defaultCalendarId: 'cal-1',
      defaultDurationMinutes: 30,
      weekNumbers: true,
    });
    await updateSettings(db, { secondTimeZone: null, defaultCalendarId: null });
    expect(await readSettings(db)).toMatchObject({
      secondTimeZone: null,
      defaultCalendarId: null,
      clock: 'h12',
    });
  });

  it('refuses agenda preferences it cannot use, naming the field', async () => {
    const db = freshDb();
    for (const [patch, field] of [
      [{ weekStart: 'friday' }, 'weekStart'],
      [{ clock: '13h' }, 'clock'],
      [{ secondTimeZone: 'Mars/Olympus_Mons' }, 'secondTimeZone'],
      [{ secondTimeZone: '' }, 'secondTimeZone'],
      [{ defaultDurationMinutes: 20 }, 'defaultDurationMinutes'],
      [{ defaultCalendarId: 42 }, 'defaultCalendarId'],
      [{ weekNumbers: 'yes' }, 'weekNumbers'],
    ] as const) {
      const error = await expectAppError(() => updateSettings(db, patch as never), 'invalid-input');
      expect(error.detail).toBe(field);
    }
    expect(await readSettings(db)).toEqual(DEFAULT_SETTINGS);
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
    await db.meta.put({
      key: SETTINGS_KEY,
      value: {
        theme: 'light',
        language: 'de',
        upcomingCount: 999,
        clock: 'h12',
        secondTimeZone: 'Nowhere/City',
      },
    });
    expect(await readSettings(db)).toEqual({ ...DEFAULT_SETTINGS, theme: 'light', clock: 'h12' });
    await db.meta.put({ key: SETTINGS_KEY, value: 'garbage' });
    expect(await readSettings(db)).toEqual(DEFAULT_SETTINGS);
  });
});
