import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmdirSync, statSync } from 'node:fs';
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

/** serve.mjs mounts the proxy from dist-proxy/: build it once if nothing did (same lock as pwa-server.ts). */
export async function ensureProxyBuilt(): Promise<void> {
  for (let waited = 0; !existsSync('dist-proxy/index.js'); waited += 200) {
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
      if (!existsSync('dist-proxy/index.js')) {
        execFileSync('npx', ['vite', 'build', '--config', 'workers/proxy/vite.config.ts'], {
          stdio: 'ignore',
        });
      }
    } finally {
      rmdirSync(LOCK);
    }
  }
}

/** The proxy settings that let it reach exactly `http://127.0.0.1:<port>` (tests only). */
export function loopbackProxyEnv(port: number): Record<string, string> {
  return {
    ALMANAC_PROXY_ALLOW_LOOPBACK: '1',
    ALMANAC_PROXY_ALLOWED_HOSTS: '127.0.0.1',
    ALMANAC_PROXY_ALLOWED_PORTS: String(port),
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
