/**
 * Dovecot (Debian `dovecot-imapd` 2.3) for tests: its own configuration in a temp dir
 * (dovecot-config.ts), IMAP on 127.0.0.1 and a free port, generated users in a passwd-file and a Maildir
 * per user laid out before the server starts (dovecot-messages.ts), so a test starts from known mail.
 * As root, Dovecot runs its login processes as `dovenull` and the mail as `dovecot` (both made by the
 * package; it refuses root for either); as any other user, everything runs as that user.
 */
import { execFile } from 'node:child_process';
import { chmod, chown, mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { dovecotConfig, type DovecotCapabilities } from './dovecot-config';
import { generateMessages, type GeneratedMessage } from './dovecot-messages';
import { freePort } from './free-port';
import { selfSignedCertificate } from './oidc/self-signed-cert';
import { DEFAULT_PASSWORD, DEFAULT_USERNAME, makeTempDir } from './running-server';
import { spawnServer } from './server-process';

const run = promisify(execFile);

export interface DovecotUser {
  readonly username: string;
  readonly password: string;
  /** Messages per folder, laid out before the server starts: `{ INBOX: 40, Archive: 5 }`. Default `{ INBOX: 40 }`. */
  readonly folders?: Readonly<Record<string, number>>;
}

export interface StartDovecotOptions {
  /** Default: one user `almanac` / `almanac-test-password` with 40 messages in INBOX. */
  readonly users?: readonly DovecotUser[];
  /** Default `qresync` (Dovecot's own: CONDSTORE and QRESYNC). */
  readonly capabilities?: DovecotCapabilities;
  /**
   * IMAP over TLS only (implicit TLS, as on port 993), with a self-signed certificate for 127.0.0.1
   * that no client trusts unless told to: what a client's certificate check must refuse.
   */
  readonly tls?: boolean;
  /** Seed of the generated mail; default 1. */
  readonly seed?: number;
  readonly readyTimeoutMs?: number;
}

export interface RunningDovecot {
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly users: readonly DovecotUser[];
  /** The self-signed certificate (PEM) when started with `tls`, else null. */
  readonly tlsCertificate: string | null;
  /** What was laid out, per user and folder, oldest first (UID 1 is the first). */
  messages(username: string, folder: string): readonly GeneratedMessage[];
  /** Runs doveadm against this server's configuration; resolves to its stdout. */
  doveadm(args: readonly string[]): Promise<string>;
  /** Gives a folder a new UIDVALIDITY (what a server does when it rebuilds its indexes). */
  changeUidValidity(username: string, folder: string, uidValidity: number): Promise<void>;
  /** The server's log so far (for error messages). */
  log(): Promise<string>;
  stop(): Promise<void>;
}

interface UnixUser {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
}

async function unixUser(name: string): Promise<UnixUser> {
  const passwd = await readFile('/etc/passwd', 'utf8');
  const line = passwd.split('\n').find((entry) => entry.startsWith(`${name}:`));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined) {
    throw new Error(`The Unix user ${name} is missing: reinstall dovecot-core, which creates it.`);
  }
  return { name, uid: Number(uid), gid: Number(gid) };
}

/** Maildir++: INBOX is the root, another folder `.Name` beside it. */
function folderDir(mailRoot: string, username: string, folder: string): string {
  const maildir = join(mailRoot, username, 'Maildir');
  return folder === 'INBOX' ? maildir : join(maildir, `.${folder.replace(/\//g, '.')}`);
}

async function layOut(dir: string, messages: readonly GeneratedMessage[]): Promise<void> {
  for (const sub of ['cur', 'new', 'tmp']) await mkdir(join(dir, sub), { recursive: true });
  await Promise.all(
    messages.map(async (message, index) => {
      const seconds = Math.floor(message.date.getTime() / 1000);
      const flags = `${message.flagged ? 'F' : ''}${message.seen ? 'S' : ''}`;
      // Dovecot numbers new files in name order: the time first keeps UIDs in date order.
      const name = `${seconds}.M${index + 1}P1.almanac,S=${message.raw.byteLength}:2,${flags}`;
      const path = join(dir, 'cur', name);
      await writeFile(path, message.raw);
      await utimes(path, message.date, message.date);
    }),
  );
}

function greets(port: number, tls: boolean): Promise<boolean> {
  return new Promise((resolve) => {
    // The probe trusts the test's own certificate; the bridge under test never does.
    const socket = tls
      ? connectTls({ port, host: '127.0.0.1', rejectUnauthorized: false })
      : connect(port, '127.0.0.1');
    socket.setTimeout(1_000);
    socket.once('data', (chunk: Buffer) => {
      socket.destroy();
      resolve(chunk.toString('latin1').startsWith('* OK'));
    });
    socket.once('error', () => {
      resolve(false);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

export async function startDovecot(options: StartDovecotOptions = {}): Promise<RunningDovecot> {
  const users = options.users ?? [{ username: DEFAULT_USERNAME, password: DEFAULT_PASSWORD }];
  const temp = await makeTempDir('dovecot');
  const dir = temp.path;
  const mailRoot = join(dir, 'mail');
  const usersFile = join(dir, 'users');
  const configFile = join(dir, 'dovecot.conf');
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const me = userInfo();
  const mailUser = asRoot ? await unixUser('dovecot') : { name: me.username, uid: me.uid, gid: me.gid };

  const laidOut = new Map<string, readonly GeneratedMessage[]>();
  let seed = options.seed ?? 1;
  for (const user of users) {
    for (const [folder, count] of Object.entries(user.folders ?? { INBOX: 40 })) {
      const messages = await generateMessages({ count, seed, to: `${user.username}@example.test` });
      seed += 1;
      await layOut(folderDir(mailRoot, user.username, folder), messages);
      laidOut.set(`${user.username}\n${folder}`, messages);
    }
    await mkdir(join(mailRoot, user.username, 'Maildir'), { recursive: true });
  }
  await mkdir(join(dir, 'run'), { recursive: true });
  await mkdir(join(dir, 'state'), { recursive: true });
  let tls: { certFile: string; keyFile: string } | undefined;
  let tlsCertificate: string | null = null;
  if (options.tls === true) {
    const certificate = selfSignedCertificate();
    tlsCertificate = certificate.cert.toString('utf8');
    tls = { certFile: join(dir, 'cert.pem'), keyFile: join(dir, 'key.pem') };
    await writeFile(tls.certFile, certificate.cert);
    await writeFile(tls.keyFile, certificate.key, { mode: 0o600 });
  }
  await writeFile(usersFile, users.map((user) => `${user.username}:{PLAIN}${user.password}\n`).join(''));
  await writeFile(
    configFile,
    dovecotConfig({
      dir,
      port,
      usersFile,
      mailRoot,
      internalUser: asRoot ? 'dovecot' : me.username,
      loginUser: asRoot ? 'dovenull' : me.username,
      mailUser: mailUser.name,
      mailUid: mailUser.uid,
      capabilities: options.capabilities ?? 'qresync',
      ...(tls ? { tls } : {}),
    }),
  );
  if (asRoot) {
    // The temp dir is 0700: Dovecot's own users must reach its sockets and the mail below it.
    await chmod(dir, 0o755);
    await run('chown', ['-R', `${mailUser.uid}:${mailUser.gid}`, mailRoot]);
    await chown(usersFile, 0, 0);
  }

  const proc = spawnServer('dovecot', ['-F', '-c', configFile], dir);
  const log = () => readFile(join(dir, 'dovecot.log'), 'utf8').catch(() => '');
  const stop = async () => {
    await proc.stop();
    await temp.remove();
  };
  try {
    await proc.waitUntilReady(() => greets(port, options.tls === true), options.readyTimeoutMs);
  } catch (error) {
    const text = await log();
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${text}`);
  }

  const doveadm = async (args: readonly string[]) =>
    (await run('doveadm', ['-c', configFile, ...args])).stdout;
  return {
    host: '127.0.0.1',
    port,
    users,
    tlsCertificate,
    messages: (username, folder) => laidOut.get(`${username}\n${folder}`) ?? [],
    doveadm,
    async changeUidValidity(username, folder, uidValidity) {
      await doveadm(['mailbox', 'update', '-u', username, '--uid-validity', String(uidValidity), folder]);
    },
    log,
    stop,
  };
}
