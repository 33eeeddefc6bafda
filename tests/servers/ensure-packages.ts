/**
 * Installs the Debian packages the server tests need when they are missing. Idempotent and quick when
 * everything is present (a PATH lookup per binary, no apt call). A file lock serialises concurrent test
 * files (vitest runs several at once) so two `apt-get` never fight over dpkg's lock.
 */
import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface DebianTool {
  /** The executable the package provides, looked up on PATH. */
  readonly binary: string;
  readonly packageName: string;
}

export const SERVER_TOOLS: readonly DebianTool[] = [
  { binary: 'radicale', packageName: 'radicale' },
  { binary: 'xandikos', packageName: 'xandikos' },
  // IMAP for the mail bridge's tests (tests/servers/dovecot.ts); pulls in dovecot-core.
  { binary: 'dovecot', packageName: 'dovecot-imapd' },
];

export const VDIRSYNCER: DebianTool = { binary: 'vdirsyncer', packageName: 'vdirsyncer' };

const APT_LOCK = '/tmp/almanac-apt.lock';
const INSTALL_TIMEOUT_MS = 10 * 60_000;

export async function findOnPath(binary: string): Promise<string | null> {
  const dirs = (process.env.PATH ?? '/usr/bin:/bin').split(delimiter).concat(['/usr/bin', '/usr/sbin']);
  for (const dir of dirs) {
    const candidate = join(dir, binary);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

async function missing(tools: readonly DebianTool[]): Promise<DebianTool[]> {
  const found = await Promise.all(tools.map((tool) => findOnPath(tool.binary)));
  return tools.filter((_, index) => found[index] === null);
}

/** apt-get update + install of whatever is missing, under a lock; throws a readable error otherwise. */
export async function ensureDebianTools(tools: readonly DebianTool[]): Promise<void> {
  const absent = await missing(tools);
  if (absent.length === 0) return;
  const names = absent.map((tool) => tool.packageName);
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Missing Debian packages: ${names.join(', ')}. The CalDAV server tests install them with apt-get, ` +
        `which needs root. Run: sudo apt-get update && sudo apt-get install -y ${names.join(' ')}`,
    );
  }
  // Re-checked inside the lock: another test file may have installed them while we waited.
  const script =
    `for b in ${absent.map((tool) => tool.binary).join(' ')}; do command -v "$b" >/dev/null || need=1; done; ` +
    `[ -z "$need" ] || { apt-get update -qq && apt-get install -y -qq --no-install-recommends ${names.join(' ')}; }`;
  try {
    await run('flock', [APT_LOCK, 'sh', '-c', script], {
      timeout: INSTALL_TIMEOUT_MS,
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = (error as { stderr?: unknown }).stderr;
    throw new Error(
      `apt-get could not install ${names.join(', ')}: ${typeof stderr === 'string' ? stderr : String(error)}`,
    );
  }
  const still = await missing(absent);
  if (still.length > 0) {
    throw new Error(
      `apt-get finished but ${still.map((tool) => tool.binary).join(', ')} is still not on PATH.`,
    );
  }
}

/** Radicale and Xandikos, the two servers every CalDAV contract test runs against, and Dovecot. */
export function ensureServerPackages(): Promise<void> {
  return ensureDebianTools(SERVER_TOOLS);
}
