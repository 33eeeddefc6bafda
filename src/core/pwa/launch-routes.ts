/**
 * The URLs the operating system opens Almanac with (manifest shortcuts, file and protocol handlers,
 * share target). One place, read by the manifest (build time), the service worker and the page.
 * Platform-free: no DOM, no service-worker globals.
 */
export const LaunchRoute = {
  /** Shortcut "New event": `/agenda` redirects to this week and keeps `?new=1` (opens the editor). */
  newEvent: '/agenda?new=1',
  agenda: '/agenda',
  /** Where opened and shared `.ics` files land; the files wait in the import inbox (import-inbox.ts). */
  importFiles: '/import',
  /** `webcal:` links: `%s` is replaced by the browser with the whole encoded link. */
  subscribe: '/subscribe',
  /** The share target's POST action, answered by the service worker only. */
  shareTarget: '/share-target',
} as const;

/** The multipart field a shared `.ics` file arrives in (manifest `share_target.params.files`). */
export const SHARE_FILES_PARAM = 'calendar';

/** How a file reached the inbox: shared from another app, or opened with Almanac (file handler). */
export const ImportSource = { share: 'share', file: 'file' } as const;
export type ImportSource = (typeof ImportSource)[keyof typeof ImportSource];

/** `/import?source=share`: what the import screen is opened with. */
export function importUrl(source: ImportSource): string {
  return `${LaunchRoute.importFiles}?source=${source}`;
}

/** `/subscribe?url=<encoded feed>`: what a shared link or a `webcal:` link opens. */
export function subscribeUrl(feed: string): string {
  return `${LaunchRoute.subscribe}?url=${encodeURIComponent(feed)}`;
}
