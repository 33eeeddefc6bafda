import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../../src/core/calendars/calendar-repo';
import { ErrorKind } from '../../../src/core/errors';
import { applyImport } from '../../../src/core/import/apply-import';
import { planImport } from '../../../src/core/import/plan-import';
import { readIcsBytes, readIcsFile } from '../../../src/core/import/read-ics-file';
import type { Account } from '../../../src/core/model/account';
import type { AccountId } from '../../../src/core/model/ids';
import { fixture, fixtureBytes } from '../ical/fixture';
import { freshDb, testContext } from '../data/helpers';

const FILE = 'import-duplicate-uid-and-broken.ics';

describe('readIcsBytes', () => {
  it.each(['folds-inside-utf8-characters-crlf.ics', 'folds-inside-utf8-characters-lf.ics'])(
    '%s: a fold inside é, € or 🎉 does not turn it into U+FFFD',
    (name) => {
      const content = readIcsBytes(fixtureBytes(name));
      expect(content.problems).toEqual([]);
      expect(content.calendarName).toBe('Café club');
      expect(content.entries.map((entry) => entry.summary)).toEqual(['Café crème']);
      expect(content.entries[0]?.ics).not.toContain('\uFFFD');
      expect(content.entries[0]?.ics).toContain('Entrée 5 € ou 10 €');
    },
  );
});

describe('readIcsFile', () => {
  it('groups an override with its master, keeps the last copy of a duplicate and names the broken entry', () => {
    const content = readIcsFile(fixture(FILE));
    expect(content.calendarName).toBe('Club evenings');
    expect(content.entries.map((entry) => entry.uid).sort()).toEqual([
      'choir@example.org',
      'fair@example.org',
      'quiz@example.org',
    ]);
    const choir = content.entries.find((entry) => entry.uid === 'choir@example.org');
    expect(choir?.ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(choir?.ics).toContain('BEGIN:VTIMEZONE');
    const quiz = content.entries.find((entry) => entry.uid === 'quiz@example.org');
    expect(quiz?.ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(quiz?.ics).toContain('LOCATION:The Crown');
    expect(content.problems).toEqual([
      expect.objectContaining({
        kind: 'bad-value',
        entry: 'Raffle draw',
        property: 'DTSTART',
        skipped: true,
      }),
      expect.objectContaining({ kind: 'duplicate', entry: 'Quiz night', skipped: false }),
    ]);
    expect(content.problems[0]?.line).toBeGreaterThan(0);
  });

  it('reports a cut-off entry and a file with no events in plain kinds', () => {
    expect(readIcsFile(fixture('malformed-unterminated.ics')).problems[0]?.kind).toBe('unterminated');
    expect(readIcsFile('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n').problems[0]?.kind).toBe(
      'no-events',
    );
  });
});

describe('planImport and applyImport', () => {
  it('previews, imports, and on a second import counts the existing events and updates them', async () => {
    const db = freshDb();
    const ctx = testContext('2026-11-20T10:00:00Z');
    const calendarId = await createCalendar(db, { name: 'Club', color: '#1f6feb' }, ctx);
    const content = readIcsFile(fixture(FILE));

    const first = await planImport(db, content, calendarId);
    expect(first).toMatchObject({ added: 3, existing: 0 });
    expect(await applyImport(db, first, ctx)).toEqual({ added: 3, updated: 0 });
    expect(await db.events.where('calendarId').equals(calendarId).count()).toBe(3);
    const choir = await db.events.where('[calendarId+uid]').equals([calendarId, 'choir@example.org']).first();
    expect(
      await db.occurrences
        .where('eventId')
        .equals(choir?.id ?? '')
        .count(),
    ).toBe(3);

    const second = await planImport(db, content, calendarId);
    expect(second).toMatchObject({ added: 0, existing: 3 });
    expect(await applyImport(db, second, ctx)).toEqual({ added: 0, updated: 3 });
    expect(await db.events.where('calendarId').equals(calendarId).count()).toBe(3);
    expect(
      await db.occurrences
        .where('eventId')
        .equals(choir?.id ?? '')
        .count(),
    ).toBe(3);
    expect(await db.outbox.count()).toBe(0);
  });

  it('queues creates and updates for a synced calendar, and refuses a read-only one', async () => {
    const db = freshDb();
    const ctx = testContext('2026-11-20T10:00:00Z');
    const account: Account = {
      id: 'acc-remote' as AccountId,
      kind: 'graph',
      name: 'Remote',
      homeAccountId: 'home',
      username: 'remote@example.org',
      graphBaseUrl: 'https://graph.microsoft.com/v1.0',
      syncIntervalMinutes: 2,
      needsSignIn: false,
      createdAt: 0,
    };
    await db.accounts.put(account);
    const remote = await createCalendar(db, { name: 'Remote', color: '#1f6feb', accountId: account.id }, ctx);
    const content = readIcsFile(fixture(FILE));
    await applyImport(db, await planImport(db, content, remote), ctx);
    expect((await db.outbox.toArray()).map((entry) => entry.op)).toEqual(['create', 'create', 'create']);
    await db.events.toCollection().modify({ href: '/cal/x.ics', etag: '"1"' });
    await applyImport(db, await planImport(db, content, remote), ctx);
    expect((await db.outbox.toArray()).filter((entry) => entry.op === 'update')).toHaveLength(3);

    await db.calendars.update(remote, { readOnly: true });
    await expect(applyImport(db, await planImport(db, content, remote), ctx)).rejects.toMatchObject({
      kind: ErrorKind.readOnly,
    });
  });
});
