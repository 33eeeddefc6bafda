/**
 * Builds the proxy for plain Node (`npm run build:proxy`): an SSR build, so node: built-ins stay
 * imports, into dist-proxy/ with two entries — main.js (the CLI) and index.js (the API that
 * scripts/serve.mjs or any other Node ESM code can import).
 */
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'dist-proxy',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      input: { main: 'workers/proxy/main.ts', index: 'workers/proxy/index.ts' },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
