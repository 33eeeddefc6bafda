import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The Graph benchmark's own Vite entry (page/graph-bench.html), built to .tmp/graph-bench-dist and
 * served by `vite preview` on 127.0.0.1: the page reaches the Graph test server directly, as the app
 * reaches Graph, so neither the app's proxy nor its CSP is in the way; no benchmark code enters the
 * app's bundle.
 */
export default defineConfig({
  root: fileURLToPath(new URL('page', import.meta.url)),
  base: '/',
  logLevel: 'warn',
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('../../../.tmp/graph-bench-dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4_000,
    // Unminified: the CPU profile (ALMANAC_BENCH_PROFILE=1) maps lines to modules by Rolldown's
    // `//#region` comments (tests/bench/sync/cpu-profile.ts).
    minify: false,
    rolldownOptions: { input: fileURLToPath(new URL('page/graph-bench.html', import.meta.url)) },
  },
  preview: { host: '127.0.0.1', port: 0, strictPort: false },
});
