/**
 * Cold vs warm first answers of `npm start`'s server, on a real build (not a test: speed is measured,
 * never asserted). Starts scripts/serve.mjs (or `--script`), then times, in a fresh process and again
 * in the same process: the sync worker chunk, then every file of the build at once with a proxy call
 * sent right behind them. All with `Accept-Encoding: br, gzip`, on 127.0.0.1.
 *
 *   ALMANAC_OUT_DIR=dist-x npx vite build && npx tsx tests/integration/serve/measure-cold-start.ts --dist dist-x
 */
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { request } from 'node:http';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureProxyBuilt } from '../../servers/serve-process';
import { freePort } from '../../servers/free-port';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    script: { type: 'string', default: 'scripts/serve.mjs' },
  },
});
const dist = resolve(values.dist);

function timed(port: number, path: string): Promise<{ ms: number; status: number; bytes: number }> {
  const started = performance.now();
  return new Promise((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        headers: { 'Accept-Encoding': 'br, gzip', Origin: `http://127.0.0.1:${port}` },
        agent: false,
      },
      (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => {
          done({ ms: performance.now() - started, status: res.statusCode ?? 0, bytes });
        });
      },
    );
    req.on('error', fail);
    req.end();
  });
}

async function builtFiles(): Promise<string[]> {
  const entries = await readdir(dist, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && !/\.(br|gz|map)$/.test(entry.name))
    .map((entry) => `/${relative(dist, resolve(entry.parentPath, entry.name))}`);
}

/** The sync worker alone; then every file at once, and a proxy call sent right behind them. */
async function round(port: number, files: readonly string[]) {
  const worker = files.find((file) => file.includes('sync.worker'));
  if (worker === undefined) throw new Error('no sync worker chunk in the build');
  const first = await timed(port, worker);
  const started = performance.now();
  const all = files.map((file) => timed(port, file));
  // Sent last, so it queues behind the files: whatever they make the server do, it waits for.
  const proxy = await timed(port, `/proxy?url=${encodeURIComponent('http://127.0.0.1:1/')}`);
  await Promise.all(all);
  return { syncWorkerMs: first.ms, allFilesMs: performance.now() - started, proxyDuringMs: proxy.ms };
}

await ensureProxyBuilt();
const files = await builtFiles();
const port = await freePort();
const child = spawn(process.execPath, [values.script], {
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ALMANAC_DIST: dist },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((ready) => {
  child.stdout.on('data', (chunk: Buffer) => {
    if (chunk.toString().includes('Almanac is served')) ready();
  });
});
const cold = await round(port, files);
const warm = await round(port, files);
child.kill('SIGTERM');
const row = (name: string, r: typeof cold) =>
  `${name}: sync worker ${r.syncWorkerMs.toFixed(1)} ms, all ${files.length} files ${r.allFilesMs.toFixed(0)} ms, proxy call meanwhile ${r.proxyDuringMs.toFixed(1)} ms`;
process.stdout.write(`${values.script} on ${values.dist}\n${row('cold', cold)}\n${row('warm', warm)}\n`);
