import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';

const LOCK = join(tmpdir(), 'almanac-dist-proxy.lock');

/** What dist-proxy/ is built from (the proxy imports its refusal kinds from src/core; the runtime
 *  configuration's reader and the mail bridge are built beside it). */
const PROXY_SOURCES = [
  ...['workers/proxy', 'src/core/config', 'workers/mail-bridge', 'workers/mail-bridge/operations'].flatMap(
    (dir) =>
      readdirSync(dir)
        .filter((name) => name.endsWith('.ts'))
        .map((name) => join(dir, name)),
  ),
  'src/core/proxy-refusal.ts',
];

/** dist-proxy/ exists and is newer than every file it is built from. */
function proxyBuildIsCurrent(): boolean {
  const built = statSync('dist-proxy/index.js', { throwIfNoEntry: false })?.mtimeMs;
  return built !== undefined && PROXY_SOURCES.every((file) => statSync(file).mtimeMs <= built);
}

/**
 * serve.mjs mounts the proxy from dist-proxy/: build it when it is missing or older than its sources
 * (a stale build would read today's settings with yesterday's rules). Same lock as pwa-server.ts.
 */
export async function ensureProxyBuilt(): Promise<void> {
  for (let waited = 0; !proxyBuildIsCurrent(); waited += 200) {
    try {
      mkdirSync(LOCK);
    } catch {
      const lockedAt = statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - lockedAt > 120_000) rmdirSync(LOCK);
      if (waited > 180_000) throw new Error('Timed out waiting for dist-proxy');
      await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    try {
      if (!proxyBuildIsCurrent()) {
        execFileSync('npx', ['vite', 'build', '--config', 'workers/proxy/vite.config.ts'], {
          stdio: 'ignore',
        });
      }
    } finally {
      rmdirSync(LOCK);
    }
  }
}

/**
 * `npm start`'s server (scripts/serve.mjs) as a real process on a free loopback port, serving `root`.
 * It keeps what the process wrote on stderr and whether it exited, so a test can say the process never
 * fell over and never logged an error. The e2e specs and the sync bench use it through serve-app.ts.
 */
export interface ServeProcess {
  readonly origin: string;
  readonly port: number;
  /** Exit code or signal if the process ended, else null. */
  exited(): string | null;
  stderr(): string;
  stop(): Promise<void>;
}

export async function startServe(root: string, env: Record<string, string> = {}): Promise<ServeProcess> {
  await ensureProxyBuilt();
  const port = await freePort();
  const child = spawn(process.execPath, ['scripts/serve.mjs'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', ALMANAC_DIST: root },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let exit: string | null = null;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exit = signal ?? String(code);
      resolve();
    });
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  await new Promise<void>((resolve, reject) => {
    // The proxy logs one JSON line per request on stdout: keep reading it so the pipe never fills.
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Almanac is served')) resolve();
    });
    void exited.then(() => {
      reject(new Error(`serve.mjs exited: ${errors}`));
    });
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    exited: () => exit,
    stderr: () => errors,
    stop: async () => {
      if (exit === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
