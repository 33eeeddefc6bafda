import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { ensureProxyBuilt } from './support/serve-app';

/**
 * A dedicated `npm start` server (scripts/serve.mjs: the real CSP and cache headers) for the PWA
 * specs, on its own port, that a test can stop: the honest way to show the app runs with no server.
 */
export interface PwaServer {
  readonly origin: string;
  readonly root: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => {
        resolve(port);
      });
    });
  });
}

/** A copy of dist/ the test may change (a "new version"); removed with the server. */
export function copyOfDist(): string {
  const root = mkdtempSync(join(tmpdir(), 'almanac-dist-'));
  cpSync(process.env['ALMANAC_OUT_DIR'] ?? 'dist', root, { recursive: true });
  return root;
}

export async function startPwaServer(
  root = process.env['ALMANAC_OUT_DIR'] ?? 'dist',
  removeRoot = false,
): Promise<PwaServer> {
  await ensureProxyBuilt();
  const port = await freePort();
  const child = spawn(process.execPath, ['scripts/serve.mjs'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ALMANAC_DIST: root },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  await new Promise<void>((resolve, reject) => {
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
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
    root,
    stop: async () => {
      if (!stopped) {
        stopped = true;
        child.kill('SIGTERM');
        await exited;
      }
      if (removeRoot) rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Waits until the service worker is installed (the precache complete) and controls the page. */
export async function waitForServiceWorker(page: Page): Promise<string> {
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active?.state === 'activated' && navigator.serviceWorker.controller !== null;
  });
  return page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '');
}
