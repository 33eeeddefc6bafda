import { addRadicaleAccount } from './support/caldav-flows';
import { seededEvents, TEAM, expect, test } from './support/caldav-test';
import { addDays, today } from './support/dates';
import { countRows } from './support/idb';
import { swEvents } from './support/sw-events';
import { waitForServiceWorker } from './pwa-server';

/**
 * Background Sync: an edit made offline asks the browser for a one-off sync ("almanac-outbox"); the
 * service worker's `sync` event (fired here through the DevTools protocol, with no app tab open)
 * sends it to the CalDAV server (a real Radicale through the app's proxy) with the same engine.
 */
const FIRST_SYNC = { timeout: 20_000 };
const A_SYNC = { timeout: 15_000 };

async function syncTags(page: import('@playwright/test').Page): Promise<string[]> {
  return page.evaluate(async () => {
    const registration = (await navigator.serviceWorker.ready) as ServiceWorkerRegistration & {
      sync?: { getTags(): Promise<string[]> };
    };
    return registration.sync ? registration.sync.getTags() : [];
  });
}

test('an edit made offline is sent by the service worker when the network is back, no tab open', async ({
  caldav,
  app,
  settings,
  agenda,
  page,
  context,
}) => {
  test.setTimeout(90_000);
  const [, , retro] = seededEvents();
  if (!retro) throw new Error('seeded events missing');
  await addRadicaleAccount(settings, caldav, TEAM);
  await waitForServiceWorker(page);
  const tomorrow = addDays(today(), 1);
  await agenda.goto('week', tomorrow);
  await expect(agenda.event(retro.summary).first()).toBeVisible(FIRST_SYNC);

  await context.setOffline(true);
  const editor = await agenda.openEvent(retro.summary);
  await editor.fill({ title: 'Retro (sent in the background)' });
  await editor.saveAndClose();
  expect(await countRows(page, 'outbox')).toBe(1);
  // The page could not send it: it asked the browser for a Background Sync.
  await expect.poll(() => syncTags(page), A_SYNC).toContain('almanac-outbox');

  // Close the app: a static file of the same origin keeps the context (and the DevTools session).
  await page.goto('/favicon.svg');
  await context.setOffline(false);
  const events = await swEvents(context, page, app.origin);
  await events.sync('almanac-outbox');
  await expect.poll(() => caldav.summaryOnServer(retro.uid), A_SYNC).toBe('Retro (sent in the background)');
  await expect.poll(() => countRows(page, 'outbox')).toBe(0);
  await events.detach();
});
