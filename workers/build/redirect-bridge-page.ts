/**
 * MSAL's redirect-bridge page as a second Vite input (docs/sync-rules.md rule 52): its HTML lives beside
 * the sign-in code (src/lib/microsoft/redirect-bridge.html, since the top-level files are fixed) and is
 * published at REDIRECT_BRIDGE_PATH, the redirect URI registered in Entra, in the build and in
 * `npm run dev` alike. The service worker's precache leaves it out (workers/sw/vite-plugin.ts).
 */
import type { Plugin } from 'vite';
import { REDIRECT_BRIDGE_PATH } from '../../src/core/config/runtime-config.ts';

export const BRIDGE_SOURCE = 'src/lib/microsoft/redirect-bridge.html';
/** Where the build writes it, relative to the output directory. */
export const BRIDGE_OUTPUT = REDIRECT_BRIDGE_PATH.slice(1);

export function redirectBridgePage(): Plugin {
  return {
    name: 'almanac-redirect-bridge',
    config: () => ({
      build: { rolldownOptions: { input: { index: 'index.html', 'redirect-bridge': BRIDGE_SOURCE } } },
    }),
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url?.split(/[?#]/)[0] === REDIRECT_BRIDGE_PATH)
          req.url = `/${BRIDGE_SOURCE}${req.url.slice(REDIRECT_BRIDGE_PATH.length)}`;
        next();
      });
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const page = bundle[BRIDGE_SOURCE];
        if (page?.type !== 'asset') return;
        // Renamed by re-emitting: the page's script and style links are absolute, so they still hold.
        Reflect.deleteProperty(bundle, BRIDGE_SOURCE);
        this.emitFile({ type: 'asset', fileName: BRIDGE_OUTPUT, source: page.source });
      },
    },
  };
}
