import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';
import { almanacMailBridgePlugin } from './workers/mail-bridge/vite-plugin.ts';
import { almanacProxyPlugin } from './workers/proxy/vite-plugin.ts';
import { precompressPlugin } from './workers/build/precompress.ts';
import { quietKnownLogs } from './workers/build/quiet-known-logs.ts';
import { redirectBridgePage } from './workers/build/redirect-bridge-page.ts';
import { runtimeConfigRoute } from './workers/build/runtime-config-route.ts';
import { almanacPwaPlugin } from './workers/sw/vite-plugin.ts';

// Everything this config imports, and what those files import, is written with its `.ts` extension:
// Vite's coming native config loader needs it (and warned about every such import on each start).
export default defineConfig({
  plugins: [
    quietKnownLogs(),
    solid(),
    almanacProxyPlugin(),
    almanacMailBridgePlugin(),
    runtimeConfigRoute(),
    redirectBridgePage(),
    almanacPwaPlugin(),
    precompressPlugin(),
  ],
  build: {
    // ALMANAC_OUT_DIR lets side-by-side work build and preview its own copy (default dist/).
    outDir: process.env['ALMANAC_OUT_DIR'] ?? 'dist',
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      // The plugin-timings report is about the build machine's load, not the app: `npm start` stays quiet.
      checks: { bundlerTimings: false },
      output: {
        // FullCalendar's chunk (src/pages/agenda/calendar-instance.ts) runs nearly all of its code in the
        // agenda's first render: Chromium's compile hint has it compiled while it streams in, off the
        // main thread, instead of function by function inside that render (V8 explicit compile hints,
        // https://v8.dev/blog/explicit-compile-hints). Other browsers ignore the comment.
        postBanner: (chunk) => (chunk.name === 'calendar-instance' ? '//# allFunctionsCalledOnLoad' : ''),
      },
    },
  },
  // The sync worker has its own build (and sax with it).
  worker: { format: 'es', plugins: () => [quietKnownLogs()] },
  preview: { port: Number(process.env['ALMANAC_E2E_PORT'] ?? 4173), strictPort: true, host: '127.0.0.1' },
  server: { port: 5173, host: '127.0.0.1' },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // Fixed zone so expansion tests are deterministic; tests that need another zone pass it explicitly.
    env: { TZ: 'Europe/Zurich' },
    setupFiles: ['tests/unit/setup.ts'],
    // Debian's CalDAV servers, installed once before any file runs (tests/servers/global-setup.ts).
    globalSetup: ['tests/servers/global-setup.ts'],
  },
});
