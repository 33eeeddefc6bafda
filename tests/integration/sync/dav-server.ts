/**
 * Starts Radicale or Xandikos on 127.0.0.1 with a temporary storage folder for the sync engine's
 * integration tests, and stops them (the process cannot outlive the test: tests/servers/server-process).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../servers/free-port';
import { spawnServer } from '../../servers/server-process';

export type ServerKind = 'radicale' | 'xandikos';

export interface DavServer {
  readonly kind: ServerKind;
  readonly baseUrl: string;
  /** Where a user's calendars live (`<base>/<user>/` on Radicale, `<base>/user/calendars/` on Xandikos). */
  readonly calendarHome: string;
  readonly username: string;
  readonly password: string;
  /** Radicale only: the folder that holds the user's collections on disk. */
  readonly storageDir: string;
  stop(): Promise<void>;
}

const USER = 'alice';
const PASSWORD = 'secret';

async function radicale(
  dir: string,
  port: number,
): Promise<{ args: string[]; home: string; storage: string }> {
  const config = join(dir, 'config');
  const users = join(dir, 'users');
  await writeFile(users, `${USER}:${PASSWORD}\n`);
  await writeFile(
    config,
    [
      '[server]',
      `hosts = 127.0.0.1:${port}`,
      '[auth]',
      'type = htpasswd',
      `htpasswd_filename = ${users}`,
      'htpasswd_encryption = plain',
      '[storage]',
      `filesystem_folder = ${join(dir, 'collections')}`,
      '[logging]',
      'level = warning',
      '',
    ].join('\n'),
  );
  return {
    args: ['--config', config],
    home: `http://127.0.0.1:${port}/${USER}/`,
    storage: join(dir, 'collections', 'collection-root', USER),
  };
}

export async function startDavServer(kind: ServerKind): Promise<DavServer> {
  const dir = await mkdtemp(join(tmpdir(), `almanac-${kind}-`));
  const port = await freePort();
  const setup =
    kind === 'radicale'
      ? await radicale(dir, port)
      : {
          args: [
            '--defaults',
            '-d',
            join(dir, 'data'),
            '-l',
            '127.0.0.1',
            '-p',
            String(port),
            '--current-user-principal',
            `/${USER}`,
          ],
          home: `http://127.0.0.1:${port}/${USER}/calendars/`,
          storage: join(dir, 'data'),
        };
  const process = spawnServer(kind, setup.args, dir);
  const baseUrl = `http://127.0.0.1:${port}/`;
  const auth = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
  await process.waitUntilReady(async () => {
    const response = await fetch(setup.home, {
      method: 'PROPFIND',
      headers: { Depth: '0', Authorization: auth },
    });
    await response.text();
    return response.status < 500;
  }, 15_000);
  return {
    kind,
    baseUrl,
    calendarHome: setup.home,
    username: USER,
    password: PASSWORD,
    storageDir: setup.storage,
    async stop() {
      await process.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
