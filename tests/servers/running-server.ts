import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A CalDAV server started for a test, on 127.0.0.1 with a free port and its own temp storage. */
export interface RunningServer {
  readonly kind: 'radicale' | 'xandikos';
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  readonly baseUrl: string;
  readonly username: string;
  /** Radicale checks it (htpasswd, plain); Xandikos has no authentication and ignores it. */
  readonly password: string;
  /** Absolute URL of the calendar collection `name` (with trailing slash); it may not exist yet. */
  calendarUrl(name: string): string;
  /** MKCALENDAR; resolves to the collection's URL. Throws when the server refuses. */
  createCalendar(name: string): Promise<string>;
  /** Stops the server and removes its storage. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartServerOptions {
  /** Defaults to `almanac`. */
  readonly username?: string;
  /** Defaults to `almanac-test-password`. */
  readonly password?: string;
  /**
   * Use this directory as storage instead of a fresh temp one (benchmarks lay out collections on disk
   * first). It is left in place on stop.
   */
  readonly storageDir?: string;
  /** Milliseconds to wait for the first answer; default 10 s (a start normally takes well under 1 s). */
  readonly readyTimeoutMs?: number;
}

export const DEFAULT_USERNAME = 'almanac';
export const DEFAULT_PASSWORD = 'almanac-test-password';

export async function makeTempDir(prefix: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), `almanac-${prefix}-`));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** Throws a readable error unless MKCALENDAR created the collection. */
export function assertCreated(url: string, status: number, text: string): string {
  if (status !== 201) throw new Error(`MKCALENDAR ${url} answered ${status}: ${text.slice(0, 300)}`);
  return url;
}
