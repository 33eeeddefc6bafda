import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { startFeedServer, type FeedServer } from '../unit/subscriptions/feed-server';
import { AgendaPage } from './pages/agenda-page';
import { SubscribePage } from './pages/subscribe-page';
import { startPwaServer, type PwaServer } from './pwa-server';
import { expectNoSeriousA11yViolations } from './support/axe';
import { loopbackProxyEnv } from './support/serve-app';
import { expect, test } from './support/test';

const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../fixtures/ics/${name}`, import.meta.url)), 'utf8');

/**
 * The feed is served on loopback by a plain node:http server; the app reaches it only through its
 * proxy, so the spec runs its own `npm start` server whose proxy may reach that one port on 127.0.0.1
 * (`loopbackProxyEnv`).
 */
async function startServers(): Promise<{ feed: FeedServer; app: PwaServer }> {
  const feed = await startFeedServer(fixture('subscription-feed-town-events.ics'));
  const saved = { ...process.env };
  Object.assign(process.env, loopbackProxyEnv(Number(new URL(feed.url).port)));
  try {
    return { feed, app: await startPwaServer() };
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) Reflect.deleteProperty(process.env, key);
  }
}

async function openPage(browser: Browser, origin: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    baseURL: origin,
    timezoneId: 'Europe/Zurich',
    locale: 'en-GB',
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

test.describe('subscribe to a calendar feed', () => {
  let servers: { feed: FeedServer; app: PwaServer } | null = null;
  test.afterEach(async () => {
    await servers?.app.stop();
    await servers?.feed.close();
    servers = null;
  });

  test('from the sidebar form: preview, subscribe, read-only events, refreshed with ETag and 304', async ({
    browser,
  }) => {
    servers = await startServers();
    const { feed, app } = servers;
    const { page, errors } = await openPage(browser, app.origin);
    const agenda = new AgendaPage(page);
    const screen = new SubscribePage(page);

    await agenda.goto('month', '2026-12-01');
    await agenda.sidebar.getByLabel('Calendar address (webcal: or https:)', { exact: true }).fill(feed.url);
    await agenda.sidebar.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await expect(screen.h1).toHaveText('Subscribe to a calendar');
    await expect(screen.preview).toContainText('Events: 2');
    await expect(screen.name).toHaveValue('Town events');
    await expectNoSeriousA11yViolations(page, 'the subscribe preview');
    await screen.subscribe();

    await agenda.goto('month', '2026-12-01');
    await expect(agenda.event('Farmers market')).toHaveCount(1);
    await expect(agenda.event('Brass band concert')).toHaveCount(1);
    await expect(agenda.sidebar.getByText('subscribed', { exact: true })).toBeVisible();
    const details = await agenda.openDetails('Farmers market');
    await expect(details.dialog).toHaveAccessibleName('Farmers market');
    await expect(details.editButton).toHaveCount(0);
    await expect(details.deleteButton).toHaveCount(0);
    await details.closeButton.click();
    await expect(details.dialog).toBeHidden();

    feed.publish(fixture('subscription-feed-town-events-updated.ics'));
    await page.goto('/subscribe');
    await screen.refreshButton('Town events').click();
    await expect(page.getByRole('status').filter({ hasText: 'Town events is up to date.' })).toBeVisible();
    expect(feed.requests.at(-1)?.['if-none-match']).toBe('"v1"');
    const before = feed.requests.length;
    await screen.refreshButton('Town events').click();
    await expect.poll(() => feed.requests.length).toBe(before + 1);
    expect(feed.requests.at(-1)?.['if-none-match']).toBe('"v2"');

    await agenda.goto('month', '2026-12-01');
    await expect(agenda.event('Farmers market (moved indoors)')).toHaveCount(1);
    await expect(agenda.event('Lighting of the tree')).toHaveCount(1);
    await expect(agenda.event('Brass band concert')).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('a webcal: link nothing answers over https is fetched over http, with a warning that it is not encrypted', async ({
    browser,
  }) => {
    servers = await startServers();
    const { feed, app } = servers;
    const { page, errors } = await openPage(browser, app.origin);
    const screen = new SubscribePage(page);
    // The feed server speaks plain http only: https to its port fails, then http answers.
    await screen.gotoWithFeed(feed.url.replace(/^http:/, 'webcal:'));
    await expect(screen.preview).toContainText('Events: 2');
    await expect(screen.preview).toContainText(feed.url);
    await expect(screen.preview.getByRole('alert')).toHaveText(/^This calendar is not encrypted \(http\)/);
    await expectNoSeriousA11yViolations(page, 'the subscribe preview of an http feed');
    await screen.subscribe();
    expect(errors).toEqual([]);
  });

  test('an address with no calendar says how to fix it', async ({ browser }) => {
    servers = await startServers();
    const { feed, app } = servers;
    const { page } = await openPage(browser, app.origin);
    const screen = new SubscribePage(page);
    feed.failWith(404);
    await screen.gotoWithFeed(feed.url);
    await expect(screen.main.getByRole('status')).toContainText(
      'There is no calendar at this address. Check it for typing mistakes, or ask the publisher for the current link.',
    );
  });
});
