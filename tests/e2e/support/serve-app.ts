import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../servers/free-port';

/**
 * One `scripts/serve.mjs` instance (the real CSP, the real CORS proxy under /proxy) on a free port,
 * serving `root` with extra environment: the CalDAV specs and the sync benchmark let its proxy reach
 * one loopback test server and nothing else.
 */
export interface ServedApp {
  readonly origin: string;
  stop(): Promise<void>;
}

const LOCK = join(tmpdir(), 'almanac-dist-proxy.lock');

/** What dist-proxy/ is built from (the proxy imports its refusal kinds from src/core). */
const PROXY_SOURCES = [
  ...readdirSync('workers/proxy')
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join('workers/proxy', name)),
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
 * The proxy settings that let it reach exactly `127.0.0.1:<port>` (a test server's) and nothing else:
 * private access on, and the one `host:port` entry it applies to (workers/proxy/README.md).
 */
export function loopbackProxyEnv(port: number): Record<string, string> {
  return {
    ALMANAC_PROXY_ALLOW_PRIVATE: '1',
    ALMANAC_PROXY_ALLOWED_HOSTS: `127.0.0.1:${port}`,
    // A first sync plus a test's syncs stay far below this; the default (300, 10/s) is for the field.
    ALMANAC_PROXY_RATE_BURST: '100000',
    ALMANAC_PROXY_RATE_PER_SECOND: '10000',
  };
}

export async function serveApp(root: string, env: Record<string, string>): Promise<ServedApp> {
  await ensureProxyBuilt();
  const port = await freePort();
  const child = spawn(process.execPath, ['scripts/serve.mjs'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', ALMANAC_DIST: root },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
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
  let stopped = false;
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
