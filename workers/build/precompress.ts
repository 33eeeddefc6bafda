import { readdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

/**
 * Brotli and gzip copies of every text file of the build, written beside it (`x.js.br`, `x.js.gz`) once
 * the whole build is on disk, the service worker included. `npm start` (scripts/serve.mjs) sends the one
 * the browser accepts and never compresses while answering: a cold server answers as fast as a warm
 * one. The service worker's precache globs (workers/sw/vite-plugin.ts) name only the original
 * extensions, and this runs after it is generated, so it never lists these copies.
 */

/** Text the browser downloads. Source maps are left out: DevTools alone reads them, and they double the work. */
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.webmanifest',
  '.svg',
  '.txt',
  '.xml',
]);

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export interface PrecompressSummary {
  readonly files: number;
  readonly rawBytes: number;
  readonly brotliBytes: number;
  readonly gzipBytes: number;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** Writes each copy only where it is smaller than the file itself (a tiny file may grow). */
export async function precompressFile(file: string): Promise<{ raw: number; br: number; gz: number }> {
  const raw = await readFile(file);
  const [br, gz] = await Promise.all([
    brotli(raw, {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    }),
    gzipAsync(raw, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  if (br.length < raw.length) await writeFile(`${file}.br`, br);
  if (gz.length < raw.length) await writeFile(`${file}.gz`, gz);
  return { raw: raw.length, br: Math.min(br.length, raw.length), gz: Math.min(gz.length, raw.length) };
}

/** Compresses every text file under `dir`, a few at a time (zlib works on libuv's thread pool). */
export async function precompressDirectory(dir: string): Promise<PrecompressSummary> {
  const queue = (await filesUnder(dir)).filter((file) => COMPRESSIBLE.has(extname(file)));
  const totals = { files: queue.length, rawBytes: 0, brotliBytes: 0, gzipBytes: 0 };
  const worker = async () => {
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
      const sizes = await precompressFile(file);
      totals.rawBytes += sizes.raw;
      totals.brotliBytes += sizes.br;
      totals.gzipBytes += sizes.gz;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, worker));
  return totals;
}

export function precompressPlugin(): Plugin {
  let config: ResolvedConfig | undefined;
  return {
    name: 'almanac:precompress',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    // Last, and after every other closeBundle (vite-plugin-pwa writes sw.js and the icons there).
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler(error?: Error) {
        if (error || !config || config.build.ssr) return;
        const outDir = resolve(config.root, config.build.outDir);
        const { files, rawBytes, brotliBytes } = await precompressDirectory(outDir);
        config.logger.info(
          `precompressed ${files} files: ${Math.round(rawBytes / 1024)} kB → ${Math.round(brotliBytes / 1024)} kB brotli`,
        );
      },
    },
  };
}
