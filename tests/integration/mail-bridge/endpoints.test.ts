/**
 * Each endpoint of the mail bridge (workers/mail-bridge/README.md) against a real Dovecot with
 * generated mail: folders and their roles, pages of envelopes newest first with previews, threads and
 * attachments (only what a list needs, docs/sync-rules.md rule 62; previews decoded by postal-mime,
 * rule 64), the raw source, flags, move, delete, append, search; the account's connection reused from
 * the pool; a wrong password and an unreachable server told apart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FolderAnswer } from '../../../workers/mail-bridge/operations/folders';
import type { EnvelopeAnswer } from '../../../workers/mail-bridge/operations/envelope';
import type { FolderState } from '../../../workers/mail-bridge/operations/folder-state';
import { defaultMailBridgeConfig, type MailBridgeConfig } from '../../../workers/mail-bridge/config';
import { startMailBridgeServer } from '../../../workers/mail-bridge/node-server';
import { basic, startBridgeWorld, type BridgeWorld } from './bridge-world';

interface MessagesAnswer {
  folder: FolderState;
  messages: EnvelopeAnswer[];
  nextBefore: number | null;
}

let world: BridgeWorld;

/** The settings of the world's bridge, for a second copy in front of the same server. */
function copyConfig(): MailBridgeConfig {
  return {
    ...defaultMailBridgeConfig,
    allowedHosts: [`127.0.0.1:${world.dovecot.port}`],
    allowPrivate: true,
    allowPlainLoopback: true,
    allowMissingOrigin: true,
  };
}

beforeAll(async () => {
  world = await startBridgeWorld({
    users: [{ username: 'almanac', password: 'almanac-test-password', folders: { INBOX: 30, Archive: 4 } }],
  });
});

afterAll(async () => {
  await world.stop();
});

describe('mail bridge endpoints on Dovecot', () => {
  it('lists folders with their role, counts, UIDVALIDITY and HIGHESTMODSEQ', async () => {
    const { folders, capabilities } = await world.json<{
      folders: FolderAnswer[];
      capabilities: Record<string, boolean>;
    }>('folders', {});
    const byPath = new Map(folders.map((folder) => [folder.path, folder]));
    expect(byPath.get('INBOX')).toMatchObject({ role: 'inbox', messages: 30, uidNext: 31 });
    expect(byPath.get('Archive')).toMatchObject({ role: 'archive', messages: 4 });
    for (const [path, role] of [
      ['Sent', 'sent'],
      ['Drafts', 'drafts'],
      ['Trash', 'trash'],
      ['Junk', 'junk'],
    ]) {
      expect(byPath.get(path ?? '')?.role).toBe(role);
    }
    const inbox = byPath.get('INBOX');
    expect(inbox?.uidValidity).toBeGreaterThan(0);
    expect(inbox?.highestModseq).toMatch(/^\d+$/);
    const unseen = world.dovecot.messages('almanac', 'INBOX').filter((message) => !message.seen).length;
    expect(inbox?.unseen).toBe(unseen);
    expect(capabilities).toMatchObject({
      condstore: true,
      qresync: true,
      move: true,
      uidplus: true,
      idle: true,
    });
  });

  it('pages envelopes newest first, with previews, threads and attachments', async () => {
    const laidOut = world.dovecot.messages('almanac', 'INBOX');
    const first = await world.json<MessagesAnswer>('messages', { folder: 'INBOX', limit: 12 });
    expect(first.messages.map((m) => m.uid)).toEqual([30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19]);
    expect(first.nextBefore).toBe(19);
    const second = await world.json<MessagesAnswer>('messages', { folder: 'INBOX', limit: 12, before: 19 });
    expect(second.messages.map((m) => m.uid)).toEqual([18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7]);
    const last = await world.json<MessagesAnswer>('messages', { folder: 'INBOX', limit: 12, before: 7 });
    expect(last.messages.map((m) => m.uid)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(last.nextBefore).toBeNull();

    const all = [...first.messages, ...second.messages, ...last.messages];
    for (const envelope of all) {
      const source = laidOut[envelope.uid - 1];
      expect(envelope.messageId).toBe(source?.messageId);
      expect(envelope.subject).toBe(source?.subject);
      expect(envelope.inReplyTo).toBe(source?.inReplyTo);
      expect(envelope.date).toBe(source?.date.toISOString().replace(/\.\d{3}Z$/, '.000Z'));
      expect(envelope.hasAttachments).toBe(source?.hasAttachment);
      expect(envelope.flags.includes('\\Seen')).toBe(source?.seen);
      expect(envelope.flags).not.toContain('\\Recent');
      expect(envelope.preview).toContain(`message ${envelope.uid} about`);
      if (source?.inReplyTo) expect(envelope.references).toEqual([source.inReplyTo]);
    }
    expect(all.some((envelope) => envelope.inReplyTo !== null)).toBe(true);
    expect(all.some((envelope) => envelope.hasAttachments)).toBe(true);
    // An HTML part's preview is its text: no tags, no image address.
    const html = all.find((envelope) => laidOut[envelope.uid - 1]?.html === true);
    expect(html?.preview).not.toMatch(/<|images\.example\.test/);
  });

  it('fetches the envelopes of given UIDs', async () => {
    const answer = await world.json<MessagesAnswer>('messages', {
      folder: 'INBOX',
      uids: '2,5:6',
      previews: false,
    });
    expect(answer.messages.map((m) => m.uid)).toEqual([6, 5, 2]);
    expect(answer.messages.every((m) => m.preview === '')).toBe(true);
    expect(answer.nextBefore).toBeNull();
  });

  it('streams a message source byte for byte', async () => {
    const response = await world.call('source', { folder: 'INBOX', uid: 3 });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('message/rfc822');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.equals(world.dovecot.messages('almanac', 'INBOX')[2]?.raw ?? Buffer.alloc(0))).toBe(true);
  });

  it('refuses a source over the size limit, and a UID that is not there', async () => {
    const small = await startBridgeWorld({}, { maxMessageBytes: 100 });
    try {
      const response = await small.call('source', { folder: 'INBOX', uid: 1 });
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ error: 'message-too-large', limit: 100 });
    } finally {
      await small.stop();
    }
    const missing = await world.call('source', { folder: 'INBOX', uid: 999 });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'message-not-found' });
  });

  it('sets and clears flags', async () => {
    const added = await world.json<{ folder: FolderState }>('flags', {
      folder: 'INBOX',
      uids: '1:2',
      add: ['\\Flagged', '$Label1'],
    });
    expect(added.folder.highestModseq).toMatch(/^\d+$/);
    let answer = await world.json<MessagesAnswer>('messages', {
      folder: 'INBOX',
      uids: '1:2',
      previews: false,
    });
    for (const message of answer.messages)
      expect(message.flags).toEqual(expect.arrayContaining(['\\Flagged', '$Label1']));
    await world.json('flags', { folder: 'INBOX', uids: '1', remove: ['\\Flagged'] });
    answer = await world.json<MessagesAnswer>('messages', { folder: 'INBOX', uids: '1', previews: false });
    expect(answer.messages[0]?.flags).not.toContain('\\Flagged');
  });

  it('searches on the server', async () => {
    const laidOut = world.dovecot.messages('almanac', 'INBOX');
    const subject = laidOut[9]?.subject ?? '';
    const { uids, total } = await world.json<{ uids: number[]; total: number }>('search', {
      folder: 'INBOX',
      query: { subject },
    });
    const expected = laidOut.flatMap((message, index) =>
      message.subject.includes(subject) ? [index + 1] : [],
    );
    expect(uids).toEqual([...expected].reverse());
    expect(total).toBe(expected.length);
    const unseen = await world.json<{ uids: number[] }>('search', {
      folder: 'INBOX',
      query: { seen: false },
    });
    expect(unseen.uids.length).toBe(laidOut.filter((message) => !message.seen).length);
  });

  it('moves, deletes to Trash, expunges and appends', async () => {
    const archive = await world.json<MessagesAnswer>('messages', { folder: 'Archive', previews: false });
    const subject = archive.messages.find((m) => m.uid === 1)?.subject;
    const moved = await world.json<{ uidMap: Record<string, number> | null }>('move', {
      folder: 'Archive',
      uids: '1',
      to: 'INBOX',
    });
    const newUid = moved.uidMap?.['1'];
    expect(newUid).toBeGreaterThan(30);
    const inInbox = await world.json<MessagesAnswer>('messages', {
      folder: 'INBOX',
      uids: String(newUid),
      previews: false,
    });
    expect(inInbox.messages[0]?.subject).toBe(subject);

    const trashed = await world.json<{ movedTo: string; uidMap: Record<string, number> }>('delete', {
      folder: 'Archive',
      uids: '2',
    });
    expect(trashed.movedTo).toBe('Trash');
    const trash = await world.json<MessagesAnswer>('messages', { folder: 'Trash', previews: false });
    expect(trash.messages.map((m) => m.uid)).toEqual([trashed.uidMap['2']]);

    const gone = await world.json<{ movedTo: string | null }>('delete', {
      folder: 'Archive',
      uids: '3',
      mode: 'expunge',
    });
    expect(gone.movedTo).toBeNull();
    const left = await world.json<MessagesAnswer>('messages', { folder: 'Archive', previews: false });
    expect(left.messages.map((m) => m.uid)).toEqual([4]);

    const raw = Buffer.from(
      'From: a@example.test\r\nTo: b@example.test\r\nSubject: Draft one\r\nMessage-ID: <draft-1@almanac.test>\r\n\r\nHello\r\n',
    );
    const appended = await world.json<{ uid: number | null; folder: FolderState }>('append', {
      folder: 'Drafts',
      raw: raw.toString('base64'),
      flags: ['\\Draft', '\\Seen'],
    });
    expect(appended.uid).toBe(1);
    expect(appended.folder.exists).toBe(1);
    const source = await world.call('source', { folder: 'Drafts', uid: 1 });
    expect(Buffer.from(await source.arrayBuffer()).equals(raw)).toBe(true);
  });

  it('reuses the account connection from the pool', async () => {
    const before = world.bridge.bridge.stats().pool;
    await world.json('folders', {});
    await world.json('messages', { folder: 'INBOX', limit: 1 });
    const after = world.bridge.bridge.stats().pool;
    expect(after.created).toBe(before.created);
    expect(after.reused).toBe(before.reused + 2);
    expect(after.open).toBe(1);
  });

  it('logs an unused connection out after the idle time', async () => {
    const quick = await startBridgeWorld({}, { poolIdleMs: 50 });
    try {
      await quick.json('folders', {});
      expect(quick.bridge.bridge.stats().pool.created).toBe(1);
      await expect.poll(() => quick.bridge.bridge.stats().pool.open).toBe(0);
      expect(quick.bridge.bridge.stats().pool.closedIdle).toBe(1);
      await quick.json('folders', {});
      expect(quick.bridge.bridge.stats().pool.created).toBe(2);
    } finally {
      await quick.stop();
    }
  });

  it('works the same through another copy of the bridge (stateless: any copy answers any request)', async () => {
    const other = await startMailBridgeServer({ port: 0, config: copyConfig() });
    try {
      const cursor = await world.json<MessagesAnswer>('messages', {
        folder: 'INBOX',
        limit: 1,
        previews: false,
      });
      await world.json('flags', { folder: 'INBOX', uids: '4', add: ['$Copy'] });
      const response = await fetch(`${other.url}/mail-bridge/changes`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: basic('almanac', 'almanac-test-password'),
        },
        body: JSON.stringify({
          server: world.server,
          folder: 'INBOX',
          uidValidity: cursor.folder.uidValidity,
          highestModseq: cursor.folder.highestModseq,
        }),
      });
      expect(response.status).toBe(200);
      const changes = (await response.json()) as { changed: { uid: number; flags: string[] }[] };
      expect(changes.changed.find((message) => message.uid === 4)?.flags).toContain('$Copy');
    } finally {
      await other.close();
    }
  });

  it('tells a wrong password (401 auth-failed) from an unreachable server (502 server-unreachable)', async () => {
    const wrong = await world.call('folders', {}, { password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('x-mail-bridge-error')).toBe('auth-failed');
    expect(wrong.headers.get('www-authenticate')).toBeNull();
    const body = await wrong.text();
    expect(JSON.parse(body)).toMatchObject({ error: 'auth-failed', host: '127.0.0.1' });
    expect(body).not.toContain('not-the-password');

    const closedPort = world.dovecot.port === 1 ? 2 : 1;
    const unreachable = await startBridgeWorld({}, { allowedHosts: [`127.0.0.1:${closedPort}`] });
    try {
      const response = await fetch(`${unreachable.bridge.url}/mail-bridge/folders`, {
        method: 'POST',
        headers: { Authorization: basic('almanac', 'any'), 'Content-Type': 'application/json' },
        body: JSON.stringify({ server: { host: '127.0.0.1', port: closedPort, security: 'plain' } }),
      });
      expect(response.status).toBe(502);
      expect(await response.json()).toMatchObject({ error: 'server-unreachable' });
    } finally {
      await unreachable.stop();
    }
    // The failed logins were not pooled; the right password still works.
    await expect(world.json('folders', {})).resolves.toBeDefined();
  });
});
