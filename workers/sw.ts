/// <reference lib="webworker" />
/**
 * Almanac's service worker (built by vite-plugin-pwa, injectManifest): the whole built app is
 * precached, navigations get the app shell, the share target lands in the import inbox. Where the
 * browser offers Background Sync it sends unsent changes and, on Periodic Background Sync, syncs and
 * shows due reminders with the app closed (workers/sw/background.ts). It opens IndexedDB only for that
 * and only at its own schema version, so an update never migrates or touches the data (open-db.ts).
 * A new version waits until the user accepts it (SKIP_WAITING); see workers/sw/README.md.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { listenForBackgroundSync } from './sw/background';
import { listenForSkipWaiting } from './sw/messages';
import { registerAppShellNavigation } from './sw/navigation';
import { listenForReminderClicks } from './sw/reminder-notifications';
import { registerShareTarget } from './sw/share-target';

declare const self: ServiceWorkerGlobalScope;

listenForSkipWaiting(self);
listenForBackgroundSync(self);
listenForReminderClicks(self);
// The share target first: its POST must not reach any other route.
registerShareTarget(self.location.origin);
// `self.__WB_MANIFEST` is replaced at build time by the list of every built file with its revision.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerAppShellNavigation();
// The first install takes the open tab at once (its lazy chunks then come from the precache too);
// an update never reaches this before the user accepted it, since it waits.
clientsClaim();
