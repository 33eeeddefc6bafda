/**
 * What the mail bridge lets through to an IMAP command (workers/mail-bridge/request-body.ts,
 * uid-set.ts, credentials.ts): folder names, flags, UID sets and credentials, each refused with the
 * field it is about when it could smuggle anything.
 */
import { describe, expect, it } from 'vitest';
import { MailBridgeError } from '../../../workers/mail-bridge/bridge-error';
import { readCredentials } from '../../../workers/mail-bridge/credentials';
import { readFlags, readFolder, readServer, readUids } from '../../../workers/mail-bridge/request-body';
import { compactUids, countUids, expandUidSet, parseUidSet } from '../../../workers/mail-bridge/uid-set';

function refusal(run: () => unknown): { kind: string; field: string | undefined } | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof MailBridgeError)) throw error;
    return { kind: error.kind, field: error.details.field };
  }
}

describe('folder names', () => {
  for (const folder of ['INBOX', 'Archive/2026', 'Réunions & co', 'Sent Items', 'a.b']) {
    it(`accepts ${folder}`, () => {
      expect(readFolder({ folder })).toBe(folder);
    });
  }
  for (const folder of [
    '',
    '*',
    'INBOX/%',
    'INBOX\r\na LOGOUT',
    'x\u0000y',
    '../etc',
    'INBOX/../x',
    '/abs',
    '~user',
    'a//b',
    'a/./b',
    'a..b',
  ]) {
    it(`refuses ${JSON.stringify(folder)}`, () => {
      expect(refusal(() => readFolder({ folder }))).toEqual({ kind: 'invalid-request', field: 'folder' });
    });
  }
  it('refuses a folder that is not a string', () => {
    expect(refusal(() => readFolder({ folder: ['INBOX'] }))).toEqual({
      kind: 'invalid-request',
      field: 'folder',
    });
  });
});

describe('flags', () => {
  it('accepts system flags and keywords', () => {
    expect(readFlags({ add: ['\\Seen', '\\Flagged', '$Label1', 'Junk'] }, 'add')).toEqual([
      '\\Seen',
      '\\Flagged',
      '$Label1',
      'Junk',
    ]);
  });
  for (const flag of ['\\Recent', '\\Seen) UID EXPUNGE', 'a b', '(x)', 'x\r\ny', '"q"', '']) {
    it(`refuses ${JSON.stringify(flag)}`, () => {
      expect(refusal(() => readFlags({ add: [flag] }, 'add'))).toEqual({
        kind: 'invalid-request',
        field: 'add',
      });
    });
  }
});

describe('UID sets', () => {
  it('reads explicit sets and refuses the rest', () => {
    expect(readUids({ uids: '1:50,52,60:61' })).toBe('1:50,52,60:61');
    for (const uids of ['1:*', '*', '0', '1,', '1;2', '4294967296', '1 2', '']) {
      expect(parseUidSet(uids), uids).toBeNull();
    }
  });

  it('compacts, counts and expands', () => {
    expect(compactUids([9, 1, 2, 3, 7, 10, 2])).toBe('1:3,7,9:10');
    expect(compactUids([])).toBe('');
    expect(countUids('1:3,7,9:10')).toBe(6);
    expect(countUids('1:4294967295')).toBe(4_294_967_295);
    expect([...expandUidSet('1:3,7,10:9')]).toEqual([1, 2, 3, 7, 9, 10]);
  });
});

describe('the server and the credentials', () => {
  it('reads a server and refuses a bad one by field', () => {
    expect(readServer({ server: { host: 'mail.example.org', port: 993 } })).toEqual({
      host: 'mail.example.org',
      port: 993,
      security: 'tls',
    });
    expect(refusal(() => readServer({ server: { host: 'x', port: 0 } }))?.field).toBe('server.port');
    expect(refusal(() => readServer({ server: { host: 'x', port: 993, security: 'ssl' } }))?.field).toBe(
      'server.security',
    );
    expect(refusal(() => readServer({}))?.field).toBe('server');
  });

  const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;

  it('reads Basic credentials, the password keeping its colons', () => {
    expect(readCredentials(basic('ada@example.test:pa:ss'))).toEqual({
      user: 'ada@example.test',
      password: 'pa:ss',
    });
  });

  for (const header of [
    null,
    'Bearer x',
    'Basic',
    'Basic !!!',
    basic('nopassword'),
    basic(':pw'),
    basic('u:'),
    basic('u\r\nx:pw'),
  ]) {
    it(`refuses ${JSON.stringify(header)}`, () => {
      expect(refusal(() => readCredentials(header))?.kind).toBe('missing-credentials');
    });
  }
});
