import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { precompressDirectory } from '../../../workers/build/precompress';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'almanac-precompress-'));
  await mkdir(join(dir, 'assets'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const chunk = Array.from({ length: 300 }, (_, i) => `export const v${i} = "value ${i}";`).join('\n');

describe('precompressDirectory', () => {
  it('writes brotli and gzip copies beside each text file that decode to the file', async () => {
    await writeFile(join(dir, 'index.html'), `<!doctype html><title>x</title>${'<p>hello</p>'.repeat(50)}`);
    await writeFile(join(dir, 'assets', 'index-abc.js'), chunk);
    const summary = await precompressDirectory(dir);
    expect(summary.files).toBe(2);
    const js = await readFile(join(dir, 'assets', 'index-abc.js'));
    expect(brotliDecompressSync(await readFile(join(dir, 'assets', 'index-abc.js.br')))).toEqual(js);
    expect(gunzipSync(await readFile(join(dir, 'assets', 'index-abc.js.gz')))).toEqual(js);
    expect(summary.brotliBytes).toBeLessThan(summary.rawBytes);
  });

  it('leaves binary files, source maps and files that would grow alone', async () => {
    await writeFile(join(dir, 'icon.png'), Buffer.alloc(4096, 7));
    await writeFile(join(dir, 'assets', 'index-abc.js.map'), JSON.stringify({ mappings: 'A'.repeat(4096) }));
    await writeFile(join(dir, 'tiny.txt'), 'a');
    await precompressDirectory(dir);
    expect((await readdir(dir)).sort()).toEqual(['assets', 'icon.png', 'tiny.txt']);
    expect(await readdir(join(dir, 'assets'))).toEqual(['index-abc.js.map']);
  });

  it('never compresses its own copies again when run twice', async () => {
    await writeFile(join(dir, 'assets', 'index-abc.js'), chunk);
    await precompressDirectory(dir);
    await precompressDirectory(dir);
    expect((await readdir(join(dir, 'assets'))).sort()).toEqual([
      'index-abc.js',
      'index-abc.js.br',
      'index-abc.js.gz',
    ]);
  });
});
