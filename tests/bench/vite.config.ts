import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The benchmark's own Vite entry (tests/bench/bench.html), built to .tmp/bench-dist and served under
 * /bench/ beside the product build, so it shares the app's origin (and IndexedDB) without putting
 * any benchmark code in the product bundle.
 */
const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/bench/',
  logLevel: 'warn',
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('../../.tmp/bench-dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4_000,
    rolldownOptions: { input: fileURLToPath(new URL('bench.html', import.meta.url)) },
  },
});
