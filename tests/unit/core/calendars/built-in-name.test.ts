import { describe, expect, it } from 'vitest';
import { nameBuiltInCalendars } from '../../../../src/core/calendars/built-in-name';
import { createCalendar, updateCalendar } from '../../../../src/core/calendars/calendar-repo';
import { ensureDefaults } from '../../../../src/core/db/bootstrap';
import { LOCAL_ACCOUNT_ID } from '../../../../src/core/model/ids';
import { freshDb, testContext } from '../../data/helpers';

const ctx = testContext('2026-03-10T09:00:00Z');

async function builtIn() {
  const db = freshDb();
  await ensureDefaults(db, ctx, { personalCalendarName: 'Personal' });
  const [calendar] = await db.calendars.toArray();
  if (!calendar) throw new Error('no built-in calendar');
  return { db, calendar };
}

describe('the built-in calendar’s name', () => {
  it('is marked as named by Almanac when created, and follows the language', async () => {
    const { db, calendar } = await builtIn();
    expect(calendar.builtInName).toBe(true);
    expect(await nameBuiltInCalendars(db, 'Personnel')).toBe(1);
    expect((await db.calendars.get(calendar.id))?.name).toBe('Personnel');
    expect(await nameBuiltInCalendars(db, 'Personnel')).toBe(0);
    await nameBuiltInCalendars(db, 'Personal');
    expect((await db.calendars.get(calendar.id))?.name).toBe('Personal');
  });

  it('stops following the language once the user renames it, even back to the same word', async () => {
    const { db, calendar } = await builtIn();
    await updateCalendar(db, calendar.id, { name: 'Personal', color: '#d1242f' });
    expect((await db.calendars.get(calendar.id))?.builtInName).toBe(true);
    await updateCalendar(db, calendar.id, { name: 'Family' });
    await nameBuiltInCalendars(db, 'Personnel');
    const renamed = await db.calendars.get(calendar.id);
    expect(renamed?.name).toBe('Family');
    expect(renamed?.builtInName).toBeUndefined();
    await updateCalendar(db, calendar.id, { name: 'Personal' });
    await nameBuiltInCalendars(db, 'Personnel');
    expect((await db.calendars.get(calendar.id))?.name).toBe('Personal');
  });

  it('leaves calendars the user created alone, whatever their name', async () => {
    const { db } = await builtIn();
    const mine = await createCalendar(
      db,
      { name: 'Personal', color: '#1a7f37', accountId: LOCAL_ACCOUNT_ID },
      ctx,
    );
    await nameBuiltInCalendars(db, 'Personnel');
    expect((await db.calendars.get(mine))?.name).toBe('Personal');
  });
});
