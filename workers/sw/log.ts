/**
 * The service worker's one logger: a line in the service worker's own console (chrome://inspect,
 * DevTools › Application). Nothing leaves the device; only the event name and plain fields, never
 * calendar data.
 */
export type SwLogFields = Readonly<Record<string, string | number | boolean>>;

export function swWarn(event: string, fields: SwLogFields = {}): void {
  // eslint-disable-next-line no-console -- the service worker has no other place to report to.
  console.warn(`[almanac-sw] ${event}`, fields);
}
