import type { PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { quietKnownLogs } from '../build/quiet-known-logs.ts';
import { BRIDGE_OUTPUT } from '../build/redirect-bridge-page.ts';
import { almanacManifest } from './manifest.ts';

/**
 * vite-plugin-pwa for Almanac: our own service worker (workers/sw.ts, `injectManifest`) with the
 * list of every built file injected; the manifest and its icons, generated from one SVG. No
 * registration script is injected (the strict CSP forbids inline script): the page registers the
 * worker itself with workbox-window (src/lib/pwa/register.ts), in production builds only.
 */
export function almanacPwaPlugin(): PluginOption {
  return VitePWA({
    strategies: 'injectManifest',
    srcDir: 'workers',
    filename: 'sw.ts',
    registerType: 'prompt',
    injectRegister: false,
    manifest: almanacManifest,
    pwaAssets: {
      image: 'public/favicon.svg',
      preset: 'minimal-2023',
      overrideManifestIcons: true,
      includeHtmlHeadLinks: true,
      injectThemeColor: true,
    },
    injectManifest: {
      // The whole app: every chunk (the lazily loaded agenda too), CSS, the shell, icons (the plugin
      // adds the manifest itself).
      globPatterns: ['**/*.{js,css,html,svg,png,ico}'],
      // MSAL's redirect-bridge page is always the server's (docs/sync-rules.md rule 52).
      globIgnores: [BRIDGE_OUTPUT],
      // A classic script: every browser with service workers runs it (module workers are newer).
      rollupFormat: 'iife',
      buildPlugins: { vite: [quietKnownLogs()] },
    },
    devOptions: { enabled: false },
  });
}
