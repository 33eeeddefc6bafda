import { createHandlerBoundToURL } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { LaunchRoute } from '../../src/core/pwa/launch-routes';

/**
 * Navigations the app shell must never answer: the CORS proxy (a real server response, or a network
 * error when offline: never the app), the share target (a POST the service worker handles itself), MSAL's
 * redirect-bridge page (docs/sync-rules.md rule 52: the sign-in answer in its address is the server's
 * page's to read) and paths with a file extension (files, not app routes: the same rule as scripts/serve.mjs).
 * Matched against pathname + search.
 */
export const NAVIGATION_DENYLIST: readonly RegExp[] = [
  /^\/proxy(?:[/?]|$)/,
  new RegExp(`^${LaunchRoute.shareTarget}(?:[/?]|$)`),
  // REDIRECT_BRIDGE_PATH (src/core/config/runtime-config.ts; tests/unit/sw/navigation.test.ts checks it).
  /^\/auth\/redirect\.html(?:[?#]|$)/,
  /^[^?]*\/[^/?]*\.[A-Za-z0-9]+(?:\?|$)/,
];

/** Every other navigation (/, /agenda/…, /settings, /import…) gets the precached index.html, offline too. */
export function registerAppShellNavigation(): void {
  registerRoute(
    new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [...NAVIGATION_DENYLIST] }),
  );
}
