import type { BrowserContext, CDPSession, Page } from '@playwright/test';

/**
 * Fires the service worker's background events the way the browser would, through the DevTools
 * protocol (ServiceWorker.dispatchSyncEvent / dispatchPeriodicSyncEvent): no waiting for Chromium's
 * own heuristics (network back, site engagement) and no app tab needed.
 */
export interface SwEvents {
  sync(tag: string, lastChance?: boolean): Promise<void>;
  periodicSync(tag: string): Promise<void>;
  detach(): Promise<void>;
}

interface RegistrationInfo {
  readonly registrationId: string;
  readonly scopeURL: string;
  readonly isDeleted: boolean;
}

async function registrationId(session: CDPSession, origin: string): Promise<string> {
  const found = new Promise<string>((resolve) => {
    session.on('ServiceWorker.workerRegistrationUpdated', (event: { registrations: RegistrationInfo[] }) => {
      const mine = event.registrations.find((r) => !r.isDeleted && r.scopeURL.startsWith(origin));
      if (mine) resolve(mine.registrationId);
    });
  });
  await session.send('ServiceWorker.enable');
  return found;
}

/** `page` may be any page of the context (about:blank will do): the app need not be open. */
export async function swEvents(context: BrowserContext, page: Page, origin: string): Promise<SwEvents> {
  const session = await context.newCDPSession(page);
  const id = await registrationId(session, origin);
  return {
    async sync(tag, lastChance = false) {
      await session.send('ServiceWorker.dispatchSyncEvent', { origin, registrationId: id, tag, lastChance });
    },
    async periodicSync(tag) {
      await session.send('ServiceWorker.dispatchPeriodicSyncEvent', { origin, registrationId: id, tag });
    },
    detach: () => session.detach(),
  };
}

/** Titles of the notifications the origin's service worker registration shows now. */
export async function shownNotifications(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return registration ? (await registration.getNotifications()).map((n) => n.title) : [];
  });
}

/** The wall clock `minutes` from now in `zone`: `{ date: 'YYYY-MM-DD', time: 'HH:mm' }`. */
export function wallClockFromNow(minutes: number, zone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(Date.now() + minutes * 60_000));
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
  };
}
