// "Copy diagnostics" (src/pages/settings/sync-log/compose-diagnostics.ts): what a bug report needs,
// and what it leaves out.
import { describe, expect, it } from 'vitest';
import type { CalDavAccount } from '../../../src/core/model/account';
import type { Calendar } from '../../../src/core/model/calendar';
import type { AccountId, CalendarId } from '../../../src/core/model/ids';
import type { SyncLogLine } from '../../../src/core/model/sync-log-line';
import { composeDiagnostics } from '../../../src/pages/settings/sync-log/compose-diagnostics';
import type { DiagnosticsSnapshot } from '../../../src/pages/settings/sync-log/diagnostics-snapshot';

const NOW = Date.UTC(2026, 11, 3, 10);
const ACCOUNT = 'acct' as AccountId;
const WORK = 'work' as CalendarId;
const HOME = 'home' as CalendarId;
const TOKEN = 'http://radicale.org/ns/sync/7f3a-secret-cursor';

const account: CalDavAccount = {
  id: ACCOUNT,
  kind: 'caldav',
  name: 'Nextcloud',
  serverUrl: 'https://cloud.example.org:8443/remote.php/dav/calendars/ann.smith/',
  username: 'ann.smith',
  provider: 'nextcloud',
  credential: null,
  syncIntervalMinutes: 5,
  needsPassword: false,
  createdAt: 0,
};

const calendar = (id: CalendarId, name: string): Calendar => ({
  id,
  accountId: ACCOUNT,
  name,
  color: '#1f6feb',
  visible: 1,
  order: 0,
  readOnly: false,
  remoteUrl: `https://cloud.example.org:8443/remote.php/dav/calendars/ann.smith/${id}/`,
  createdAt: 0,
});

const logLine = (seq: number, level: SyncLogLine['level'], message: string): SyncLogLine => ({
  seq,
  at: NOW - seq * 60_000,
  level,
  code: 'note',
  accountId: ACCOUNT,
  calendarId: WORK,
  bucket: WORK,
  message,
  params: {},
});

const RAW = 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:broken\r\nSUMMARY:Dentist\r\nEND:VEVENT\r\nEND:VCALENDAR';

const snapshot: DiagnosticsSnapshot = {
  schemaVersion: 3,
  accounts: [{ id: 'local' as AccountId, kind: 'local', name: 'This device', createdAt: 0 }, account],
  calendars: [calendar(WORK, 'Work'), calendar(HOME, 'Home')],
  syncStates: [
    {
      calendarId: WORK,
      syncToken: TOKEN,
      ctag: '"ctag-1"',
      initialSyncInProgress: false,
      status: {
        phase: 'failed',
        error: {
          kind: 'network',
          message: 'The server could not be reached.',
          retryable: true,
          detail: 'PROPFIND https://ann.smith:hunter2@cloud.example.org:8443/dav/?token=abc',
        },
        retryAt: NOW + 60_000,
        lastOkAt: NOW - 3_600_000,
      },
    },
    {
      calendarId: HOME,
      syncToken: null,
      ctag: null,
      initialSyncInProgress: true,
      status: { phase: 'idle', lastOkAt: null },
    },
  ],
  outbox: [
    { calendarId: WORK, notBefore: 0, attempts: 3 },
    { calendarId: WORK, notBefore: NOW + 10_000, attempts: 1 },
  ],
  conflictCalendars: [HOME],
  setAside: [
    {
      id: 'x',
      calendarId: WORK,
      href: '/dav/work/broken.ics',
      etag: '"e1"',
      reason: 'DTSTART is missing',
      raw: RAW,
      seenAt: NOW,
    },
  ],
  log: [
    logLine(1, 'error', 'Sync failed (network): The server could not be reached.'),
    logLine(2, 'info', 'Synced.'),
  ],
};

const text = composeDiagnostics(snapshot, {
  appVersion: '1.2.3',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131',
  language: 'fr',
  now: NOW,
});

describe('the diagnostics text', () => {
  it('names the app, the database and the browser', () => {
    expect(text).toContain('App version: 1.2.3');
    expect(text).toContain('Database schema version: 3');
    expect(text).toContain('User agent: Mozilla/5.0 (X11; Linux x86_64) Chrome/131');
    expect(text).toContain('Created: 2026-12-03T10:00:00.000Z');
  });

  it('gives each synced calendar its state, by name', () => {
    expect(text).toContain('- Nextcloud: CalDAV (nextcloud) at https://cloud.example.org:8443; every 5 min');
    expect(text).toContain('- Nextcloud › Work');
    expect(text).toContain(
      '  status: failed: network (retryable): The server could not be reached. [PROPFIND https://cloud.example.org:8443/dav/]; next try 2026-12-03T10:01:00.000Z; last synced 2026-12-03T09:00:00.000Z',
    );
    expect(text).toContain(
      '  sync token: present; ctag: present; first listing in progress: no; unconfirmed hrefs: 0',
    );
    expect(text).toContain(
      '  read-only: no; changes waiting: 2 (due now: 1); conflict copies: 0; set aside: 1',
    );
    expect(text).toContain('- Nextcloud › Home');
    expect(text).toContain('  sync token: none; ctag: none; first listing in progress: yes');
    expect(text).toContain('Changes waiting to be sent: 2 (due now: 1; most attempts for one: 3)');
    expect(text).toContain('Conflict copies: 1');
  });

  it('has the log newest first', () => {
    const failed = text.indexOf('2026-12-03T09:59:00.000Z ERROR Nextcloud › Work: Sync failed (network)');
    const synced = text.indexOf('2026-12-03T09:58:00.000Z INFO  Nextcloud › Work: Synced.');
    expect(failed).toBeGreaterThan(0);
    expect(synced).toBeGreaterThan(failed);
  });

  it('includes the raw text of set-aside objects, under a heading that says whose data it is', () => {
    const heading = text.indexOf("## Objects set aside (1): their raw text is the user's own calendar data");
    expect(heading).toBeGreaterThan(0);
    expect(text.indexOf('  SUMMARY:Dentist')).toBeGreaterThan(heading);
    expect(text).toContain('  reason: DTSTART is missing');
  });

  it('never carries a sync token, a username, a password or a query', () => {
    for (const secret of ['7f3a-secret-cursor', 'ann.smith', 'hunter2', 'token=abc', 'ctag-1'])
      expect(text, secret).not.toContain(secret);
  });
});
