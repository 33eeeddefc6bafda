import { createTimedEvent } from './support/flows';
import { addDays, today } from './support/dates';
import { expect, test as base } from './support/test';
import { startPwaServer, waitForServiceWorker, type PwaServer } from './pwa-server';

/** The app served by its own `npm start` server, which the test stops half-way. */
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

test('after one visit the whole app works with the network off and the server stopped', async ({
  page,
  context,
  pwaServer,
  dashboard,
  agenda,
  settings,
}) => {
  test.setTimeout(60_000);
  // The first visit: the dashboard only. The agenda chunk is never loaded online.
  await dashboard.goto();
  await expect(dashboard.h1).toHaveText('Dashboard');
  expect(await waitForServiceWorker(page)).toBe(`${pwaServer.origin}/sw.js`);
  // No update is waiting after a first install.
  await expect(page.getByRole('button', { name: 'Reload to update' })).toHaveCount(0);

  await pwaServer.stop();
  await context.setOffline(true);

  await page.reload();
  await expect(dashboard.h1).toHaveText('Dashboard');
  await expect(dashboard.empty).toBeVisible();

  const date = today();
  for (const view of ['month', 'week', 'day', 'list'] as const) {
    await agenda.goto(view, date);
    await expect(agenda.rangeHeading).toBeVisible();
  }

  // The editor: create an event with no network, see it, and still see it after a full reload.
  const tomorrow = addDays(date, 1);
  await agenda.goto('week', tomorrow);
  await createTimedEvent(agenda, { title: 'Offline planning', date: tomorrow, start: '10:00', end: '11:00' });
  await page.reload();
  await expect(agenda.event('Offline planning').first()).toBeVisible();

  await dashboard.goto();
  await expect(dashboard.item('Offline planning')).toBeVisible();

  await settings.goto();
  await expect(settings.h1).toHaveText('Settings');
  await settings.chooseTheme('Dark');
  await page.reload();
  await expect(settings.theme).toHaveValue('dark');

  // The proxy is never answered with the app: offline, it fails like any network request.
  await expect(page.goto('/proxy/health')).rejects.toThrow();
});
