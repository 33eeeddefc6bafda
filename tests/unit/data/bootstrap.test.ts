import { describe, expect, it } from 'vitest';
import { listCalendars } from '../../../src/core/calendars/calendar-repo';
import { ensureDefaults } from '../../../src/core/db/bootstrap';
import { LOCAL_ACCOUNT_ID } from '../../../src/core/model/ids';
import { freshDb, testContext } from './helpers';

const labels = { personalCalendarName: 'Personal' };

describe('ensureDefaults', () => {
  it('creates the local account and one Personal calendar', async () => {
    const db = freshDb();
    const ctx = testContext('2026-03-10T08:00:00Z');
    await ensureDefaults(db, ctx, labels);
    const calendars = await listCalendars(db);
    expect(calendars).toHaveLength(1);
    expect(calendars[0]).toMatchObject({
      name: 'Personal',
      accountId: LOCAL_ACCOUNT_ID,
      visible: 1,
      readOnly: false,
    });
    expect(await db.accounts.get(LOCAL_ACCOUNT_ID)).toMatchObject({ kind: 'local' });
  });

  it('is idempotent, also when called concurrently', async () => {
    const db = freshDb();
    const ctx = testContext('2026-03-10T08:00:00Z');
    await Promise.all([ensureDefaults(db, ctx, labels), ensureDefaults(db, ctx, labels)]);
    await ensureDefaults(db, ctx, labels);
    expect(await db.calendars.count()).toBe(1);
    expect(await db.accounts.count()).toBe(1);
  });

  it('adds nothing when the user already has a calendar, even after deleting Personal', async () => {
    const db = freshDb();
    const ctx = testContext('2026-03-10T08:00:00Z');
    await ensureDefaults(db, ctx, { personalCalendarName: 'Personnel' });
    const [first] = await listCalendars(db);
    if (!first) throw new Error('no calendar');
    await db.calendars.update(first.id, { name: 'Mine' });
    await ensureDefaults(db, ctx, labels);
    expect((await listCalendars(db)).map((c) => c.name)).toEqual(['Mine']);
  });
});
