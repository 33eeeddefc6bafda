/**
 * A short-lived pool of IMAP connections keyed by account: a SHA-256 of host, port, security, user
 * and password, so a changed password never reuses a connection made with the old one, and the key
 * says nothing of either. One connection per account; its requests run one after another (IMAP
 * answers one selected folder at a time). A connection unused for `idleMs` is logged out, one that
 * closed is dropped, and past `maxConnections` the least recently used idle one goes first. Nothing is
 * kept but live connections: a bridge restarted, or another copy behind a load balancer, simply
 * connects again.
 */
import { createHash } from 'node:crypto';
import type { ImapFlow } from 'imapflow';
import type { Credentials } from './imap-session.ts';
import type { CheckedServer } from './imap-target.ts';

export interface PoolStats {
  /** Connections open now. */
  readonly open: number;
  /** Connections made since the pool started. */
  readonly created: number;
  /** Requests served by a connection that was already open. */
  readonly reused: number;
  /** Connections logged out because they sat unused. */
  readonly closedIdle: number;
}

export interface ConnectionPool {
  /**
   * Runs `work` on the account's connection (made when missing), after the account's earlier work.
   * `hold(done)` keeps the connection for this request until `done` settles (a streamed download).
   */
  use<T>(
    server: CheckedServer,
    credentials: Credentials,
    qresync: boolean,
    work: (client: ImapFlow, hold: (done: Promise<unknown>) => void) => Promise<T>,
  ): Promise<T>;
  stats(): PoolStats;
  close(): Promise<void>;
}

interface Entry {
  readonly key: string;
  readonly client: Promise<ImapFlow>;
  queue: Promise<unknown>;
  pending: number;
  lastUsed: number;
  timer: ReturnType<typeof setTimeout> | null;
  closed: boolean;
}

export interface PoolOptions {
  readonly idleMs: number;
  readonly maxConnections: number;
  readonly now: () => number;
  /** Makes a client and connects it; rejects with imapflow's error. */
  readonly connect: (server: CheckedServer, credentials: Credentials, qresync: boolean) => Promise<ImapFlow>;
}

export function accountKey(server: CheckedServer, credentials: Credentials, qresync: boolean): string {
  return createHash('sha256')
    .update(
      [server.host, server.port, server.security, qresync, credentials.user, credentials.password].join(
        '\u0000',
      ),
    )
    .digest('hex');
}

export function createConnectionPool(options: PoolOptions): ConnectionPool {
  const entries = new Map<string, Entry>();
  let created = 0;
  let reused = 0;
  let closedIdle = 0;

  function drop(entry: Entry, logout: boolean): void {
    if (entry.closed) return;
    entry.closed = true;
    if (entry.timer) clearTimeout(entry.timer);
    if (entries.get(entry.key) === entry) entries.delete(entry.key);
    if (logout) {
      entry.client.then(
        (client) =>
          client.logout().catch(() => {
            client.close();
          }),
        () => undefined,
      );
    }
  }

  function arm(entry: Entry): void {
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      if (entry.pending > 0) return;
      closedIdle += 1;
      drop(entry, true);
    }, options.idleMs);
    entry.timer.unref();
  }

  function makeRoom(): void {
    if (entries.size < options.maxConnections) return;
    const idle = [...entries.values()]
      .filter((entry) => entry.pending === 0)
      .sort((a, b) => a.lastUsed - b.lastUsed);
    const oldest = idle[0];
    if (oldest) drop(oldest, true);
  }

  function open(key: string, server: CheckedServer, credentials: Credentials, qresync: boolean): Entry {
    makeRoom();
    created += 1;
    const entry: Entry = {
      key,
      client: options.connect(server, credentials, qresync),
      queue: Promise.resolve(),
      pending: 0,
      lastUsed: options.now(),
      timer: null,
      closed: false,
    };
    entries.set(key, entry);
    entry.client.then(
      (client) => {
        client.on('close', () => {
          drop(entry, false);
        });
        // An error closes the connection; 'close' follows and drops it. Handled so it never crashes the process.
        client.on('error', () => {
          drop(entry, false);
        });
      },
      () => {
        drop(entry, false);
      },
    );
    return entry;
  }

  return {
    async use(server, credentials, qresync, work) {
      const key = accountKey(server, credentials, qresync);
      let entry = entries.get(key);
      if (entry && !entry.closed) reused += 1;
      else entry = open(key, server, credentials, qresync);
      const current = entry;
      current.pending += 1;
      let held: Promise<unknown> = Promise.resolve();
      const run = current.queue.then(async () => {
        const client = await current.client;
        if (!client.usable)
          throw Object.assign(new Error('The connection closed.'), { code: 'NoConnection' });
        return work(client, (done) => {
          held = done;
        });
      });
      current.queue = run.then(
        () => held.catch(() => undefined),
        () => undefined,
      );
      try {
        return await run;
      } catch (error) {
        // A connection that failed to open, or broke, is not reused.
        const client = await current.client.catch(() => null);
        if (!client?.usable) drop(current, false);
        throw error;
      } finally {
        void held
          .catch(() => undefined)
          .then(() => {
            current.pending -= 1;
            current.lastUsed = options.now();
            if (!current.closed) arm(current);
          });
      }
    },
    stats: () => ({ open: entries.size, created, reused, closedIdle }),
    async close() {
      const all = [...entries.values()];
      for (const entry of all) drop(entry, false);
      await Promise.all(
        all.map((entry) =>
          entry.client.then(
            (client) =>
              client.logout().catch(() => {
                client.close();
              }),
            () => undefined,
          ),
        ),
      );
    },
  };
}
