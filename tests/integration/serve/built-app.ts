import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { precompressDirectory } from '../../../workers/build/precompress';

/**
 * A small build laid out as `vite build` lays out dist/ (the shell, a hashed asset, the service worker,
 * the manifest, an icon), compressed by the build's own plugin code: what scripts/serve.mjs serves,
 * without a full build inside the test run.
 */
export interface BuiltApp {
  readonly root: string;
  /** A hashed asset's URL path and its bytes as built. */
  readonly asset: { readonly path: string; readonly body: Buffer };
  /** An asset big enough to be cut off mid-answer (a font: binary, so the build leaves it uncompressed). */
  readonly bigAsset: { readonly path: string; readonly size: number };
  readonly shell: Buffer;
  remove(): Promise<void>;
}

const SHELL = `<!doctype html>
<html lang="en">
  <head><meta charset="UTF-8" /><title>Almanac</title><script type="module" src="/assets/index-B7j0tTsu.js"></script></head>
  <body><div id="root"></div></body>
</html>
`;

/** Text that compresses like a real chunk: repeated structure, varied names. */
function scriptText(lines: number): string {
  return Array.from(
    { length: lines },
    (_, i) => `export const value${i} = { id: ${i}, name: "item-${i * 7919}" };`,
  )
    .join('\n')
    .concat('\n');
}

export async function makeBuiltApp(): Promise<BuiltApp> {
  const root = await mkdtemp(join(tmpdir(), 'almanac-serve-'));
  await mkdir(join(root, 'assets'));
  const asset = Buffer.from(scriptText(400));
  const big = randomBytes(4 * 1024 * 1024);
  await Promise.all([
    writeFile(join(root, 'index.html'), SHELL),
    writeFile(join(root, 'assets', 'index-B7j0tTsu.js'), asset),
    writeFile(join(root, 'assets', 'inter-CXNlNt2P.woff2'), big),
    writeFile(join(root, 'assets', 'index-DBloXDSh.css'), 'body { margin: 0; }\n'.repeat(50)),
    writeFile(join(root, 'sw.js'), scriptText(50)),
    writeFile(join(root, 'manifest.webmanifest'), JSON.stringify({ name: 'Almanac', start_url: '/' })),
    writeFile(join(root, 'pwa-64x64.png'), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')),
  ]);
  await precompressDirectory(root);
  return {
    root,
    asset: { path: '/assets/index-B7j0tTsu.js', body: asset },
    bigAsset: { path: '/assets/inter-CXNlNt2P.woff2', size: big.length },
    shell: Buffer.from(SHELL),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
