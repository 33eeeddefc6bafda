import { ZONE } from './support/dates';
import { expect, test as base } from './support/test';
import { startPwaServer, waitForServiceWorker, type PwaServer } from './pwa-server';
import { shownNotifications, swEvents, wallClockFromNow } from './support/sw-events';
import { countRows } from './support/idb';

/**
 * Background work with no CalDAV account: Settings says which mode the browser allows, a local change
 * made offline needs no background sync, and a periodic sync fired in the service worker (DevTools
 * protocol) with no app tab open shows the reminder that fell due.
 */
const test = base.extend<{ pwaServer: PwaServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern: none.
  pwaServer: async ({}, use) => {
    const server = await startPwaServer();
    await use(server);
    await server.stop();
  },
  baseURL: async ({ pwaServer }, use) => {
    await use(pwaServer.origin);
  },
});

test('Settings shows the background mode in plain words, and a local change offline breaks nothing', async ({
  page,
  context,
  dashboard,
  agenda,
  settings,
}) => {
  await dashboard.goto();
  await waitForServiceWorker(page);
  await settings.goto();
  // A Chromium tab (not installed): Background Sync for unsent changes, no periodic sync.
  await expect(page.getByTestId('background-sync-mode')).toHaveText(
    /^Syncs while Almanac is open\. Changes made offline are sent once the network is back/,
  );
  await expect(page.getByTestId('reminders-state')).toHaveText(/^Off — allow notifications/);
  await expect(page.getByRole('button', { name: 'Allow notifications' })).toBeVisible();

  await context.setOffline(true);
  const soon = wallClockFromNow(24 * 60, ZONE);
  await agenda.goto('week', soon.date);
  const editor = await agenda.openNewEvent();
  await editor.fill({ title: 'Offline local', startDate: soon.date, startTime: '10:00', endTime: '11:00' });
  await editor.saveAndClose();
  await expect(agenda.event('Offline local').first()).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  // A local calendar has nothing to send: no outbox row, so no background sync is asked for.
  expect(await countRows(page, 'outbox')).toBe(0);
  const tags = await page.evaluate(async () => {
    const registration = (await navigator.serviceWorker.ready) as ServiceWorkerRegistration & {
      sync?: { getTags(): Promise<string[]> };
    };
    return registration.sync ? registration.sync.getTags() : [];
  });
  expect(tags).toEqual([]);
});

test('a periodic sync in the service worker shows a due reminder with no app tab open', async ({
  page,
  context,
  pwaServer,
  agenda,
}) => {
  test.setTimeout(60_000);
  // The event starts in 5 minutes; its reminder (10 minutes before) fell due 5 minutes ago.
  const start = wallClockFromNow(5, ZONE);
  const end = wallClockFromNow(35, ZONE);
  await agenda.goto('week', start.date);
  await waitForServiceWorker(page);
  const editor = await agenda.openNewEvent();
  await editor.fill({
    title: 'Dentist',
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
  });
  await editor.dialog.getByLabel('Reminder', { exact: true }).selectOption({ label: '10 minutes before' });
  await editor.saveAndClose();

  // No app tab: a page of the same origin that does not run the app (a static file).
  await page.goto('/favicon.svg');
  await context.grantPermissions(['notifications'], { origin: pwaServer.origin });
  const events = await swEvents(context, page, pwaServer.origin);
  await events.periodicSync('almanac-periodic');
  await expect.poll(() => shownNotifications(page), { timeout: 15_000 }).toEqual(['Dentist']);
  await events.detach();
});
