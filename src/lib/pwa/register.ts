import { createSignal, type Accessor } from 'solid-js';
import type { Workbox } from 'workbox-window';
import { afterPaint } from '../after-paint';

/**
 * The page's side of the service worker (workers/sw.ts): registration with workbox-window after the
 * first paint, in production builds only (`npm run dev` has no service worker), and the update flow.
 *
 * A new version installs in the background and waits; `updateReady` turns true and the page offers
 * "Reload to update". Accepting sends SKIP_WAITING to the waiting worker. When it takes control,
 * every tab that was already controlled reloads (`controllerchange`), the one that accepted and the
 * others alike: a tab left running the old code would load chunks the new version no longer has, a
 * half-old, half-new app. The first install (nothing controlled the page before) reloads nothing.
 */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

const [updateReady, setUpdateReady] = createSignal(false);
const [updating, setUpdating] = createSignal(false);

/** A new version is installed and waiting for the user's go-ahead. */
export const isUpdateReady: Accessor<boolean> = updateReady;
/** The user accepted; the page is about to reload. */
export const isUpdating: Accessor<boolean> = updating;

let workbox: Workbox | undefined;
let started = false;

function reloadWhenControllerChanges(container: ServiceWorkerContainer): void {
  let controlled = container.controller !== null;
  let reloading = false;
  container.addEventListener('controllerchange', () => {
    if (controlled && !reloading) {
      reloading = true;
      window.location.reload();
    }
    controlled = true;
  });
}

async function register(): Promise<void> {
  const { Workbox } = await import('workbox-window');
  const wb = new Workbox('/sw.js', { scope: '/' });
  // Fired for a version installed by this tab or by another one, and for one already waiting.
  wb.addEventListener('waiting', () => setUpdateReady(true));
  const registration = await wb.register();
  workbox = wb;
  // Background Sync and Periodic Background Sync where the browser has them (background-mode.ts).
  if (registration) {
    const { startBackgroundRegistration } = await import('./background-registration');
    startBackgroundRegistration(await navigator.serviceWorker.ready);
    // The icon badge (today's remaining events) where the installed app has one.
    if ('setAppBadge' in navigator) (await import('./app-badge')).startAppBadge();
  }
  // Long-lived tabs look for a new version now and then (the browser also does on navigations).
  setInterval(() => {
    void wb.update().catch(() => undefined);
  }, UPDATE_CHECK_MS);
}

/** Registers the service worker once (later calls do nothing). */
export function registerServiceWorker(): void {
  if (started || !import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  started = true;
  reloadWhenControllerChanges(navigator.serviceWorker);
  // After the first contentful paint, so registering (and the precache it starts) never delays it.
  afterPaint(() => {
    // A failure (first visit offline, storage refused) leaves the app working online; the next
    // visit tries again.
    void register().catch(() => undefined);
  });
}

/** "Reload to update": activate the waiting version; `controllerchange` then reloads every tab. */
export function applyUpdate(): void {
  setUpdating(true);
  if (workbox) workbox.messageSkipWaiting();
  else window.location.reload();
}
