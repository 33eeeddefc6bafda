/**
 * The push stream (`GET /mail-bridge/events`, IMAP IDLE → server-sent events, docs/sync-rules.md
 * rule 63) on Dovecot: once it says `ready`, a message appended by another connection arrives as
 * `exists`, a flag changed there as `flags` with its UID, an expunge as `expunge` with its UID
 * (VANISHED under QRESYNC); closing the stream frees its slot, and so does the server going away, after
 * a `closed` event; a wrong password or a missing folder is refused before any stream starts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basic, startBridgeWorld, type BridgeWorld } from './bridge-world';

interface ServerEvent {
  readonly event: string;
  readonly data: Record<string, unknown>;
}

/** Reads server-sent events from a fetch body, one at a time. */
function eventReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(): Promise<ServerEvent> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event !== undefined && data !== undefined)
            return { event, data: JSON.parse(data) as Record<string, unknown> };
          continue; // a comment (heartbeat) or the retry line
        }
        const { done, value } = await reader.read();
        if (done) throw new Error('The stream ended.');
        buffer += decoder.decode(value, { stream: true });
      }
    },
    /** The next event named `name`, skipping others (a server may add `exists` before `expunge`). */
    async until(name: string): Promise<ServerEvent> {
      for (;;) {
        const next = await this.next();
        if (next.event === name) return next;
      }
    },
    cancel: () => reader.cancel(),
  };
}

let world: BridgeWorld;

beforeAll(async () => {
  world = await startBridgeWorld({
    users: [{ username: 'almanac', password: 'almanac-test-password', folders: { INBOX: 5 } }],
  });
});

afterAll(async () => {
  await world.stop();
});

function eventsUrl(): string {
  const query = new URLSearchParams({
    host: '127.0.0.1',
    port: String(world.dovecot.port),
    security: 'plain',
    folder: 'INBOX',
  });
  return `${world.bridge.url}/mail-bridge/events?${query.toString()}`;
}

describe('the push stream', () => {
  it('delivers new mail, flag changes and expunges made by another connection', async () => {
    const controller = new AbortController();
    const response = await fetch(eventsUrl(), {
      headers: { Authorization: basic('almanac', 'almanac-test-password') },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    if (!response.body) throw new Error('no body');
    const events = eventReader(response.body);
    const ready = await events.next();
    expect(ready).toMatchObject({ event: 'ready', data: { path: 'INBOX', exists: 5, uidNext: 6 } });
    expect(world.bridge.bridge.stats().streams).toBe(1);

    const other = await world.direct();
    await other.append(
      'INBOX',
      Buffer.from('Subject: Live\r\nMessage-ID: <live@almanac.test>\r\n\r\nNew\r\n'),
      [],
    );
    expect(await events.until('exists')).toMatchObject({ data: { count: 6, previous: 5 } });

    const lock = await other.getMailboxLock('INBOX');
    try {
      await other.messageFlagsAdd('2', ['\\Flagged'], { uid: true });
      const flags = await events.until('flags');
      expect(flags.data['uid']).toBe(2);
      expect(flags.data['flags']).toContain('\\Flagged');
      await other.messageDelete('4', { uid: true });
      expect(await events.until('expunge')).toMatchObject({ data: { uid: 4 } });
    } finally {
      lock.release();
    }

    controller.abort();
    await events.cancel().catch(() => undefined);
    await expect.poll(() => world.bridge.bridge.stats().streams).toBe(0);
  });

  it('refuses a wrong password before the stream starts', async () => {
    const response = await fetch(eventsUrl(), { headers: { Authorization: basic('almanac', 'wrong') } });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'auth-failed' });
    expect(world.bridge.bridge.stats().streams).toBe(0);
  });

  it('refuses a folder that does not exist', async () => {
    const url = eventsUrl().replace('folder=INBOX', 'folder=Nowhere');
    const response = await fetch(url, {
      headers: { Authorization: basic('almanac', 'almanac-test-password') },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'folder-not-found' });
  });
  // Last: it stops Dovecot.
  it('says "closed" and frees the slot when the mail server goes away', async () => {
    const response = await fetch(eventsUrl(), {
      headers: { Authorization: basic('almanac', 'almanac-test-password') },
    });
    if (!response.body) throw new Error('no body');
    const events = eventReader(response.body);
    expect((await events.next()).event).toBe('ready');
    await world.dovecot.stop();
    expect((await events.until('closed')).data['reason']).toMatch(/closed|failed/);
    await expect.poll(() => world.bridge.bridge.stats().streams).toBe(0);
  });
});
