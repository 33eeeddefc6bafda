/// <reference lib="webworker" />

/**
 * Messages the page sends to the service worker. Only one: the user accepted the update
 * ("Reload to update"), so the waiting worker activates now; every tab then reloads on
 * `controllerchange` (src/lib/pwa/register.ts).
 */
export const SwMessage = { skipWaiting: 'SKIP_WAITING' } as const;

function isSkipWaiting(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'type' in data && data.type === SwMessage.skipWaiting;
}

export function listenForSkipWaiting(scope: ServiceWorkerGlobalScope): void {
  scope.addEventListener('message', (event) => {
    if (isSkipWaiting(event.data)) void scope.skipWaiting();
  });
}
