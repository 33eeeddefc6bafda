/**
 * Xandikos (Debian package) for tests. It has NO authentication: it trusts whoever connects, so it
 * only ever listens on 127.0.0.1 here. `username`/`password` are still filled so callers can send the
 * same Authorization header to both servers; Xandikos ignores it. The principal is `/user/` and
 * calendars live at `/user/calendars/<name>/` (created by `--autocreate`).
 */
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { createDavClient } from './dav-client';
import { freePort } from './free-port';
import {
  assertCreated,
  DEFAULT_PASSWORD,
  DEFAULT_USERNAME,
  makeTempDir,
  type RunningServer,
  type StartServerOptions,
} from './running-server';
import { spawnServer } from './server-process';

export const XANDIKOS_PRINCIPAL = '/user/';
export const XANDIKOS_CALENDAR_HOME = '/user/calendars/';

export async function startXandikos(options: StartServerOptions = {}): Promise<RunningServer> {
  const username = options.username ?? DEFAULT_USERNAME;
  const password = options.password ?? DEFAULT_PASSWORD;
  const temp = await makeTempDir('xandikos');
  const storageDir = options.storageDir ?? join(temp.path, 'storage');
  await mkdir(storageDir, { recursive: true });
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const proc = spawnServer(
    'xandikos',
    [
      '-d',
      storageDir,
      '-l',
      '127.0.0.1',
      '-p',
      String(port),
      '--autocreate',
      '--current-user-principal',
      XANDIKOS_PRINCIPAL,
    ],
    temp.path,
  );
  const stop = async () => {
    await proc.stop();
    await temp.remove();
  };
  try {
    await proc.waitUntilReady(async () => {
      const response = await fetch(`${baseUrl}${XANDIKOS_CALENDAR_HOME}`, {
        method: 'PROPFIND',
        headers: { Depth: '0' },
      });
      await response.arrayBuffer();
      return response.status === 207;
    }, options.readyTimeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }

  const dav = createDavClient({ auth: { username, password } });
  const calendarUrl = (name: string) => `${baseUrl}${XANDIKOS_CALENDAR_HOME}${encodeURIComponent(name)}/`;
  return {
    kind: 'xandikos',
    baseUrl,
    username,
    password,
    calendarUrl,
    async createCalendar(name) {
      const url = calendarUrl(name);
      const result = await dav.mkcalendar(url, name);
      return assertCreated(url, result.status, result.text);
    },
    stop,
  };
}
