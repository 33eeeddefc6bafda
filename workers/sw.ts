/// <reference lib="webworker" />
/**
 * Almanac's service worker (built by vite-plugin-pwa, injectManifest): the whole built app is
 * precached, navigations get the app shell, the share target lands in the import inbox. It never
 * opens IndexedDB, so an update can never touch the data or the outbox. A new version waits until
 * the user accepts it (SKIP_WAITING); see workers/sw/README.md for the lifecycle.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { listenForSkipWaiting } from './sw/messages';
import { registerAppShellNavigation } from './sw/navigation';
import { registerShareTarget } from './sw/share-target';

declare const self: ServiceWorkerGlobalScope;

listenForSkipWaiting(self);
// The share target first: its POST must not reach any other route.
registerShareTarget(self.location.origin);
// `self.__WB_MANIFEST` is replaced at build time by the list of every built file with its revision.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerAppShellNavigation();
// The first install takes the open tab at once (its lazy chunks then come from the precache too);
// an update never reaches this before the user accepted it, since it waits.
clientsClaim();
