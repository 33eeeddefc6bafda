import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createServer } from 'node:net';

/** The built app served by `npm start`'s server (scripts/serve.mjs), on a free port, stoppable. */
export interface BuiltAppServer {
  readonly origin: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        resolve(typeof address === 'object' && address !== null ? address.port : 0);
      });
    });
  });
}

/** The build to serve: ALMANAC_DIST, else the build dir ALMANAC_OUT_DIR (vite.config.ts), else dist/. */
function builtAppDir(): string {
  return process.env['ALMANAC_DIST'] ?? process.env['ALMANAC_OUT_DIR'] ?? 'dist';
}

export async function serveBuiltApp(): Promise<BuiltAppServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['scripts/serve.mjs'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ALMANAC_DIST: builtAppDir() },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Almanac is served')) resolve();
    });
    void exited.then(() => {
      reject(new Error('scripts/serve.mjs exited before serving'));
    });
  });
  const origin = `http://127.0.0.1:${port}`;
  await warmUp(origin, builtAppDir());
  let stopped = false;
  return {
    origin,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * scripts/serve.mjs compresses each file on its first request and keeps the result: without this,
 * the first page to ask for a large chunk waits for brotli, which is the server warming up, not the
 * page loading. Every asset is asked for once, in both encodings, before anything is measured.
 */
async function warmUp(origin: string, dir: string): Promise<void> {
  const assets = readdirSync(`${dir}/assets`).filter((name) => !name.endsWith('.map'));
  for (const encoding of ['br', 'gzip']) {
    for (const name of assets) {
      const response = await fetch(`${origin}/assets/${name}`, { headers: { 'accept-encoding': encoding } });
      await response.arrayBuffer();
    }
  }
}
