/**
 * Radicale (Debian package) for tests: htpasswd auth with a plain-text password file, filesystem
 * storage in a temp dir, rights `owner_only`. Collections live at `/<username>/<name>/`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { basicAuth, createDavClient } from './dav-client';
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

/** Where Radicale keeps the collections of `username` under a storage dir (for laying out data). */
export function radicaleCollectionDir(storageDir: string, username: string, name: string): string {
  return join(storageDir, 'collections', 'collection-root', username, name);
}

function config(port: number, storageDir: string, usersFile: string): string {
  return `[server]
hosts = 127.0.0.1:${port}
max_content_length = 100000000
timeout = 30

[auth]
type = htpasswd
htpasswd_filename = ${usersFile}
htpasswd_encryption = plain
# No delay after a failed login: tests check refusals and must stay fast.
delay = 0

[rights]
type = owner_only

[storage]
filesystem_folder = ${join(storageDir, 'collections')}

[web]
type = none

[logging]
level = warning
mask_passwords = True
`;
}

export async function startRadicale(options: StartServerOptions = {}): Promise<RunningServer> {
  const username = options.username ?? DEFAULT_USERNAME;
  const password = options.password ?? DEFAULT_PASSWORD;
  const temp = await makeTempDir('radicale');
  const storageDir = options.storageDir ?? join(temp.path, 'storage');
  await mkdir(storageDir, { recursive: true });
  const usersFile = join(temp.path, 'users');
  const configFile = join(temp.path, 'config');
  const port = await freePort();
  await writeFile(usersFile, `${username}:${password}\n`);
  await writeFile(configFile, config(port, storageDir, usersFile));

  const baseUrl = `http://127.0.0.1:${port}`;
  const principalUrl = `${baseUrl}/${encodeURIComponent(username)}/`;
  const proc = spawnServer('radicale', ['--config', configFile], temp.path);
  const stop = async () => {
    await proc.stop();
    await temp.remove();
  };
  try {
    // An authenticated PROPFIND on the principal also makes Radicale create it (MKCALENDAR needs it).
    await proc.waitUntilReady(async () => {
      const response = await fetch(principalUrl, {
        method: 'PROPFIND',
        headers: { Authorization: basicAuth({ username, password }), Depth: '0' },
      });
      await response.arrayBuffer();
      return response.status === 207;
    }, options.readyTimeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }

  const dav = createDavClient({ auth: { username, password } });
  const calendarUrl = (name: string) => `${principalUrl}${encodeURIComponent(name)}/`;
  return {
    kind: 'radicale',
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
