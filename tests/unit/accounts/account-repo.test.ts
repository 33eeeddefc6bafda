import { describe, expect, it } from 'vitest';
import { removeAccount } from '../../../src/core/accounts/account-removal';
import {
  accountCredentials,
  getCalDavAccount,
  listCalDavAccounts,
  saveCalDavAccount,
  setSyncInterval,
  updateAccountPassword,
  type NewCalDavAccount,
} from '../../../src/core/accounts/account-repo';
import type { AlmanacDb } from '../../../src/core/db/almanac-db';
import { putEvent } from '../../../src/core/events/event-store';
import type { AccountId, CalendarId, EventId } from '../../../src/core/model/ids';
import { expectAppError, freshDb, localCalendar, testContext, vevent } from '../data/helpers';

const subtle = globalThis.crypto.subtle;
const ctx = testContext('2026-03-10T08:00:00Z');
const deps = { ctx, subtle };
const HOME = 'https://dav.example.org/calendars/ann/';

function input(overrides: Partial<NewCalDavAccount> = {}): NewCalDavAccount {
  return {
    name: 'Example',
    provider: 'other',
    serverUrl: HOME,
    username: 'ann',
    password: 'app-password-1',
    calendars: [
      {
        url: `${HOME}work/`,
        name: 'Work',
        color: '#D1242FFF',
        readOnly: false,
        supportsSyncCollection: true,
      },
      {
        url: `${HOME}holidays/`,
        name: 'Holidays',
        color: null,
        readOnly: true,
        supportsSyncCollection: false,
      },
    ],
    ...overrides,
  };
}

async function calendarsOf(db: AlmanacDb, id: AccountId) {
  return db.calendars.where('accountId').equals(id).sortBy('order');
}

/** One event with occurrences, an outbox entry, sync state, a conflict copy and a set-aside object. */
async function fillCalendar(db: AlmanacDb, calendarId: CalendarId, uid: string): Promise<EventId> {
  const eventId = await putEvent(
    db,
    {
      calendarId,
      ics: vevent({ uid, start: '20260310T090000Z', end: '20260310T100000Z', rrule: 'FREQ=DAILY;COUNT=3' }),
    },
    ctx,
  );
  await db.outbox.add({
    eventId,
    calendarId,
    op: 'update',
    uid,
    href: `${uid}.ics`,
    etag: '"1"',
    createdAt: ctx.now(),
    attempts: 0,
    notBefore: 0,
  });
  await db.syncState.put({
    calendarId,
    syncToken: 'token',
    ctag: null,
    initialSyncInProgress: false,
    status: { phase: 'idle', lastOkAt: null },
  });
  await db.conflicts.add({
    id: `conflict-${uid}`,
    calendarId,
    eventId,
    uid,
    localIcs: 'BEGIN:VCALENDAR',
    serverIcs: 'BEGIN:VCALENDAR',
    fields: ['SUMMARY'],
    createdAt: ctx.now(),
  });
  await db.setAside.add({
    id: `${calendarId}|bad-${uid}.ics`,
    calendarId,
    href: `bad-${uid}.ics`,
    etag: null,
    reason: 'not iCalendar',
    raw: 'garbage',
    seenAt: ctx.now(),
  });
  return eventId;
}

describe('saveCalDavAccount', () => {
  it('stores the account with an encrypted password and its chosen calendars', async () => {
    const db = freshDb();
    await localCalendar(db, ctx);
    const id = await saveCalDavAccount(db, input(), deps);
    const account = await getCalDavAccount(db, id);
    expect(account).toMatchObject({
      kind: 'caldav',
      name: 'Example',
      provider: 'other',
      serverUrl: HOME,
      username: 'ann',
      syncIntervalMinutes: 2,
      needsPassword: false,
    });
    expect(JSON.stringify(account)).not.toContain('app-password-1');
    expect(await accountCredentials({ db, subtle }, id)).toEqual({
      username: 'ann',
      password: 'app-password-1',
    });

    const calendars = await calendarsOf(db, id);
    expect(
      calendars.map((calendar) => [calendar.name, calendar.remoteUrl, calendar.readOnly, calendar.visible]),
    ).toEqual([
      ['Work', `${HOME}work/`, false, 1],
      ['Holidays', `${HOME}holidays/`, true, 1],
    ]);
    // The server's colour when it gave one (#RRGGBBAA → #rrggbb), the palette otherwise.
    expect(calendars[0]?.color).toBe('#d1242f');
    expect(calendars[1]?.color).toMatch(/^#[0-9a-f]{6}$/);
    // After the local calendar in the sidebar.
    expect(calendars[0]?.order).toBe(1);
  });

  it('refuses the same server and username twice, storing nothing the second time', async () => {
    const db = freshDb();
    await saveCalDavAccount(db, input(), deps);
    await expectAppError(() => saveCalDavAccount(db, input({ name: 'Again' }), deps), 'invalid-input');
    expect(await listCalDavAccounts(db)).toHaveLength(1);
    expect(await db.calendars.count()).toBe(2);
  });

  it('validates the interval, the password and the calendar URLs', async () => {
    const db = freshDb();
    await expectAppError(
      () => saveCalDavAccount(db, input({ syncIntervalMinutes: 0 }), deps),
      'invalid-input',
    );
    await expectAppError(() => saveCalDavAccount(db, input({ password: '' }), deps), 'invalid-input');
    const badUrl = input({
      calendars: [
        {
          url: 'javascript:alert(1)',
          name: 'x',
          color: null,
          readOnly: false,
          supportsSyncCollection: false,
        },
      ],
    });
    await expectAppError(() => saveCalDavAccount(db, badUrl, deps), 'invalid-input');
    expect(await db.accounts.count()).toBe(0);
  });
});

describe('updateAccountPassword and setSyncInterval', () => {
  it('replaces the password and clears needsPassword', async () => {
    const db = freshDb();
    const id = await saveCalDavAccount(db, input(), deps);
    await db.accounts
      .where('id')
      .equals(id)
      .modify((account) => {
        if (account.kind === 'caldav') account.needsPassword = true;
      });
    await expectAppError(() => accountCredentials({ db, subtle }, id), 'auth');
    await updateAccountPassword(db, id, 'app-password-2', deps);
    expect((await getCalDavAccount(db, id)).needsPassword).toBe(false);
    expect((await accountCredentials({ db, subtle }, id)).password).toBe('app-password-2');
  });

  it('sets the interval from 1 to 60 minutes, whole minutes only', async () => {
    const db = freshDb();
    const id = await saveCalDavAccount(db, input(), deps);
    await setSyncInterval(db, id, 60);
    expect((await getCalDavAccount(db, id)).syncIntervalMinutes).toBe(60);
    await setSyncInterval(db, id, 1);
    expect((await getCalDavAccount(db, id)).syncIntervalMinutes).toBe(1);
    for (const bad of [0, 61, 2.5, Number.NaN])
      await expectAppError(() => setSyncInterval(db, id, bad), 'invalid-input');
    await expectAppError(() => setSyncInterval(db, 'gone' as AccountId, 5), 'not-found');
    await expectAppError(() => updateAccountPassword(db, 'gone' as AccountId, 'x', deps), 'not-found');
  });
});

describe('removeAccount', () => {
  it('removes its calendars, events, occurrences, outbox, sync state, conflicts and set-aside rows; nothing orphaned', async () => {
    const db = freshDb();
    const local = await localCalendar(db, ctx);
    const keptEvent = await fillCalendar(db, local, 'local-event');
    const removed = await saveCalDavAccount(db, input(), deps);
    const other = await saveCalDavAccount(db, input({ username: 'bob' }), deps);
    for (const calendar of [...(await calendarsOf(db, removed)), ...(await calendarsOf(db, other))]) {
      await fillCalendar(db, calendar.id, `uid-${calendar.id}`);
    }

    await removeAccount(db, removed);

    expect(await db.accounts.get(removed)).toBeUndefined();
    const calendarIds = new Set((await db.calendars.toArray()).map((calendar) => calendar.id));
    expect(calendarIds.size).toBe(3); // the local one and the other account's two
    const orphans = async (rows: Promise<{ calendarId: CalendarId }[]>) =>
      (await rows).filter((row) => !calendarIds.has(row.calendarId));
    expect(await orphans(db.events.toArray())).toEqual([]);
    expect(await orphans(db.occurrences.toArray())).toEqual([]);
    expect(await orphans(db.outbox.toArray())).toEqual([]);
    expect(await orphans(db.syncState.toArray())).toEqual([]);
    expect(await orphans(db.conflicts.toArray())).toEqual([]);
    expect(await orphans(db.setAside.toArray())).toEqual([]);
    const eventIds = new Set((await db.events.toArray()).map((event) => event.id));
    expect((await db.occurrences.toArray()).filter((row) => !eventIds.has(row.eventId))).toEqual([]);

    // The rest is untouched: three calendars' worth of everything remains.
    expect(await db.events.count()).toBe(3);
    expect(await db.occurrences.count()).toBe(9);
    for (const table of [db.outbox, db.syncState, db.conflicts, db.setAside])
      expect(await table.count()).toBe(3);
    expect(await db.events.get(keptEvent)).toBeDefined();
    // The other account still decrypts its password with the shared key.
    expect((await accountCredentials({ db, subtle }, other)).password).toBe('app-password-1');
  });

  it('does nothing for an account already gone, and refuses to remove the local calendars', async () => {
    const db = freshDb();
    await removeAccount(db, 'gone' as AccountId);
    await localCalendar(db, ctx);
    await expectAppError(() => removeAccount(db, 'local' as AccountId), 'invalid-input');
    expect(await db.calendars.count()).toBe(1);
  });
});
