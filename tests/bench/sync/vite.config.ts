import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The sync benchmark's own Vite entry (page/sync-bench.html), built to .tmp/sync-bench-dist and served
 * by scripts/serve.mjs (the real CSP and the real CORS proxy under /proxy on the same origin).
 */
export default defineConfig({
  root: fileURLToPath(new URL('page', import.meta.url)),
  base: '/',
  logLevel: 'warn',
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('../../../.tmp/sync-bench-dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4_000,
    // Unminified: the CPU profile maps lines to modules by Rolldown's `//#region` comments.
    minify: false,
    rolldownOptions: { input: fileURLToPath(new URL('page/sync-bench.html', import.meta.url)) },
  },
});
