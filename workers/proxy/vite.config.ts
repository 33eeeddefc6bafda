/**
 * Builds the proxy for plain Node (`npm run build:proxy`): an SSR build, so node: built-ins stay
 * imports, into dist-proxy/ with two entries — main.js (the CLI) and index.js (the API that
 * scripts/serve.mjs or any other Node ESM code can import) — and runtime-config.js, the runtime
 * configuration's reader from src/core/config that scripts/serve.mjs serves as /config.json, and the mail
 * bridge (mail-bridge.js, mail-bridge-main.js; its npm dependencies stay imports).
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
      input: {
        main: 'workers/proxy/main.ts',
        index: 'workers/proxy/index.ts',
        'runtime-config': 'src/core/config/runtime-config-env.ts',
        // The mail bridge (workers/mail-bridge), mounted by scripts/serve.mjs and runnable alone.
        'mail-bridge': 'workers/mail-bridge/index.ts',
        'mail-bridge-main': 'workers/mail-bridge/main.ts',
      },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
