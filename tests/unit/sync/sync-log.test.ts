// The sync log store (src/core/sync/sync-log.ts): bounded per calendar and in total, per account and
// calendar, levels, and nothing secret ever stored, whatever a caller hands it.
import { describe, expect, it } from 'vitest';
import { removeAccount } from '../../../src/core/accounts/account-removal';
import type { AlmanacDb } from '../../../src/core/db/almanac-db';
import type { AccountId, CalendarId } from '../../../src/core/model/ids';
import type { SyncLogLine } from '../../../src/core/model/sync-log-line';
import {
  appendSyncLogLine,
  createSyncLogWriter,
  type SyncLogInput,
  type SyncLogLimits,
} from '../../../src/core/sync/sync-log';
import { freshDb } from '../data/helpers';

const ACCOUNT = 'acct-1' as AccountId;
const WORK = 'cal-work' as CalendarId;
const HOME = 'cal-home' as CalendarId;
const PASSWORD = 'c0rrect-h0rse-Battery';
const BASIC = Buffer.from(`alice:${PASSWORD}`).toString('base64');

async function withCalendars(): Promise<AlmanacDb> {
  const db = freshDb();
  for (const [id, name] of [
    [WORK, 'Work'],
    [HOME, 'Home'],
  ] as const)
    await db.calendars.add({
      id,
      accountId: ACCOUNT,
      name,
      color: '#1f6feb',
      visible: 1,
      order: 0,
      readOnly: false,
      remoteUrl: `https://dav.example/alice/${name}/`,
      createdAt: 0,
    });
  return db;
}

const line = (calendarId: CalendarId | null, message: string, extra: Partial<SyncLogInput> = {}) =>
  ({ level: 'info', code: 'note', message, calendarId, ...extra }) as const satisfies SyncLogInput;

const stored = async (db: AlmanacDb): Promise<SyncLogLine[]> => db.syncLog.toArray();
const messages = (lines: readonly SyncLogLine[]) => lines.map((kept) => kept.message);

describe('the sync log store', () => {
  it('keeps each line with its calendar, the calendar’s account, its level and time', async () => {
    const db = await withCalendars();
    await appendSyncLogLine(db, line(WORK, 'Synced.', { level: 'warn', code: 'synced' }), 1_000);
    await appendSyncLogLine(db, line(null, 'The sync service failed.', { level: 'error' }), 2_000);
    await appendSyncLogLine(db, line(null, 'Account-wide.', { accountId: ACCOUNT }), 3_000);
    const [work, worker, account] = await stored(db);
    expect(work).toMatchObject({
      at: 1_000,
      level: 'warn',
      code: 'synced',
      calendarId: WORK,
      accountId: ACCOUNT,
      bucket: WORK,
      message: 'Synced.',
    });
    expect(worker).toMatchObject({ level: 'error', calendarId: null, accountId: null, bucket: '' });
    expect(account).toMatchObject({ calendarId: null, accountId: ACCOUNT, bucket: ACCOUNT });
  });

  it('does not keep debug lines', async () => {
    const db = await withCalendars();
    await appendSyncLogLine(db, line(WORK, 'Nothing changed.', { level: 'debug' }), 1);
    await appendSyncLogLine(db, line(WORK, 'Synced.'), 2);
    expect(messages(await stored(db))).toEqual(['Synced.']);
  });

  it('keeps the newest lines of each calendar, dropping the oldest as each line is added', async () => {
    const db = await withCalendars();
    const limits: SyncLogLimits = { perBucket: 3, total: 100, messageChars: 400 };
    await appendSyncLogLine(db, line(HOME, 'home 1'), 0, limits);
    for (let n = 1; n <= 5; n += 1) {
      await appendSyncLogLine(db, line(WORK, `work ${n}`), n, limits);
      expect((await stored(db)).filter((kept) => kept.bucket === WORK).length).toBeLessThanOrEqual(3);
    }
    const lines = await stored(db);
    expect(messages(lines.filter((kept) => kept.calendarId === WORK))).toEqual([
      'work 3',
      'work 4',
      'work 5',
    ]);
    // Another calendar's lines are not pushed out by a busy one.
    expect(messages(lines.filter((kept) => kept.calendarId === HOME))).toEqual(['home 1']);
  });

  it('keeps at most the total, dropping the oldest line of any calendar', async () => {
    const db = await withCalendars();
    const limits: SyncLogLimits = { perBucket: 10, total: 4, messageChars: 400 };
    const order: [CalendarId | null, string][] = [
      [WORK, 'w1'],
      [HOME, 'h1'],
      [null, 'x1'],
      [WORK, 'w2'],
      [HOME, 'h2'],
      [WORK, 'w3'],
    ];
    for (const [at, [calendarId, message]] of order.entries())
      await appendSyncLogLine(db, line(calendarId, message), at, limits);
    expect(messages(await stored(db))).toEqual(['x1', 'w2', 'h2', 'w3']);
  });

  it('forgets an account’s lines with the account', async () => {
    const db = await withCalendars();
    await db.accounts.add({ id: ACCOUNT, kind: 'local', name: 'Stand-in', createdAt: 0 });
    await appendSyncLogLine(db, line(WORK, 'work'), 1);
    await appendSyncLogLine(db, line(null, 'account', { accountId: ACCOUNT }), 2);
    await appendSyncLogLine(db, line(null, 'worker'), 3);
    await removeAccount(db, ACCOUNT);
    expect(messages(await stored(db))).toEqual(['worker']);
  });

  it('writes queued lines in order and never throws, even when the database is gone', async () => {
    const db = await withCalendars();
    let clock = 10;
    const writer = createSyncLogWriter({ db, now: () => (clock += 1) });
    writer.write(line(WORK, 'first'));
    writer.write(line(WORK, 'second', { level: 'error', code: 'failed' }));
    await writer.flush();
    expect((await stored(db)).map((kept) => [kept.at, kept.message])).toEqual([
      [11, 'first'],
      [12, 'second'],
    ]);
    db.close();
    await db.delete();
    writer.write(line(WORK, 'after the end'));
    await expect(writer.flush()).resolves.toBeUndefined();
  });
});

describe('what a sync log line may carry', () => {
  const leaks: readonly SyncLogInput[] = [
    line(WORK, `PROPFIND failed. Authorization: Basic ${BASIC}`),
    line(WORK, `Retrying with Basic ${BASIC} and Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig`),
    line(WORK, `The server could not be reached [GET https://alice:${PASSWORD}@dav.example/cal/?token=xyz]`),
    line(WORK, `login failed: password=${PASSWORD}, user=alice`),
    line(WORK, `Bad answer: {"password": "${PASSWORD}"} password: '${PASSWORD}'`),
    line(WORK, `Cookie: session=${PASSWORD}; other=1`),
    line(
      WORK,
      'Set aside /cal/x.ics: BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Therapy with Dr. Who\r\nEND:VEVENT',
    ),
    line(WORK, 'invalid line: SUMMARY:Therapy with Dr. Who'),
    line(WORK, `Server said <?xml version="1.0"?><d:error>${PASSWORD} Therapy with Dr. Who</d:error>`),
    line(WORK, 'A 403 body: <html><body>Therapy with Dr. Who</body></html>'),
    line(WORK, 'Synced.', {
      params: {
        pulled: 3,
        password: PASSWORD,
        authorization: `Basic ${BASIC}`,
        summary: 'Therapy with Dr. Who',
        kind: `Basic ${BASIC}`,
      },
    }),
  ];

  it('never stores a password, an Authorization value, a body or calendar data', async () => {
    const db = await withCalendars();
    for (const [at, leak] of leaks.entries()) await appendSyncLogLine(db, leak, at);
    const lines = await stored(db);
    expect(lines).toHaveLength(leaks.length);
    const text = JSON.stringify(lines);
    for (const secret of [PASSWORD, BASIC, 'eyJhbGciOiJIUzI1NiJ9', 'Therapy', 'xyz', 'session='])
      expect(text, secret).not.toContain(secret);
  });

  it('keeps what a reader needs around what it removed', async () => {
    const db = await withCalendars();
    for (const [at, leak] of leaks.entries()) await appendSyncLogLine(db, leak, at);
    const lines = await stored(db);
    expect(lines[0]?.message).toBe('PROPFIND failed. Authorization: [removed]');
    expect(lines[2]?.message).toBe('The server could not be reached [GET https://dav.example/cal/]');
    expect(lines[3]?.message).toBe('login failed: password=[removed] user=alice');
    expect(lines[6]?.message).toBe('Set aside /cal/x.ics: [calendar data removed]');
    // Only the params a line may carry: counts and the error kind, the kind itself redacted.
    expect(lines[10]?.params).toEqual({ pulled: 3, kind: 'Basic [removed]' });
  });

  it('keeps each line to one line of bounded length', async () => {
    const db = await withCalendars();
    await appendSyncLogLine(db, line(WORK, `first\nsecond\r\n${'x'.repeat(5_000)}`), 0);
    const [kept] = await stored(db);
    expect(kept?.message.startsWith('first second x')).toBe(true);
    expect(kept?.message.length).toBe(400);
    expect(kept?.message).not.toMatch(/[\r\n]/);
  });
});
