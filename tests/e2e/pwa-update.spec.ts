import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { AgendaPage } from './pages/agenda-page';
import { addDays, today } from './support/dates';
import { createTimedEvent } from './support/flows';
import { expect, test } from './support/test';
import { copyOfDist, startPwaServer, waitForServiceWorker } from './pwa-server';

/**
 * "Deploys" a new version into the served copy of dist/: index.html gains a marker and sw.js the new
 * revision of index.html, exactly what a rebuild changes when the shell changes.
 */
function deployNextVersion(root: string): void {
  const indexPath = join(root, 'index.html');
  writeFileSync(
    indexPath,
    readFileSync(indexPath, 'utf8').replace(
      '<title>',
      '<meta name="almanac-build" content="next" />\n<title>',
    ),
  );
  const swPath = join(root, 'sw.js');
  const sw = readFileSync(swPath, 'utf8');
  const next = sw.replace(/("revision":\s*")[0-9a-f]+(",\s*"url":\s*"index\.html")/, '$1next0000$2');
  if (next === sw) throw new Error('index.html not found in the precache manifest of sw.js');
  writeFileSync(swPath, next);
}

const build = (page: Page): Promise<string | null> =>
  page
    .locator('meta[name="almanac-build"]')
    .getAttribute('content', { timeout: 1_000 })
    .catch(() => null);

test('a new version waits for "Reload to update", then every tab reloads into it with the data kept', async ({
  page,
  context,
  agenda,
}) => {
  test.setTimeout(60_000);
  const server = await startPwaServer(copyOfDist(), true);
  try {
    const tomorrow = addDays(today(), 1);
    await page.goto(`${server.origin}/agenda/week/${tomorrow}`);
    await waitForServiceWorker(page);
    await createTimedEvent(agenda, {
      title: 'Kept across updates',
      date: tomorrow,
      start: '09:00',
      end: '10:00',
    });
    const other = await context.newPage();
    await other.goto(`${server.origin}/settings`);
    await expect(other.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

    deployNextVersion(server.root);
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.ready).update();
    });

    // Both tabs are told, politely; neither reloads by itself.
    const reload = page.getByRole('button', { name: 'Reload to update' });
    await expect(page.getByRole('status').filter({ hasText: 'A new version is ready' })).toBeVisible();
    await expect(other.getByRole('button', { name: 'Reload to update' })).toBeVisible();
    expect(await build(page)).toBeNull();

    let otherReloaded = false;
    other.once('load', () => (otherReloaded = true));
    await reload.click();
    await expect(page.locator('meta[name="almanac-build"]')).toHaveAttribute('content', 'next');
    await expect(other.locator('meta[name="almanac-build"]')).toHaveAttribute('content', 'next');
    expect(otherReloaded).toBe(true);
    await expect(reload).toHaveCount(0);
    await expect(new AgendaPage(page).event('Kept across updates').first()).toBeVisible();
    await other.close();
  } finally {
    await server.stop();
  }
});

test('a database upgrade from another tab is never blocked: this tab closes and asks to reload', async ({
  page,
  context,
  dashboard,
}) => {
  await dashboard.goto();
  await expect(dashboard.h1).toHaveText('Dashboard');
  const other = await context.newPage();
  await other.goto('/favicon.svg');
  // What a newer Almanac does in another tab: open the database at a higher version.
  const outcome = await other.evaluate(async () => {
    const current = (await indexedDB.databases()).find((info) => info.name === 'almanac')?.version ?? 0;
    return new Promise<string>((resolve) => {
      const request = indexedDB.open('almanac', current + 1);
      request.onblocked = () => {
        resolve('blocked');
      };
      request.onsuccess = () => {
        request.result.close();
        resolve('upgraded');
      };
      request.onerror = () => {
        resolve(`error: ${request.error?.message ?? ''}`);
      };
    });
  });
  expect(outcome).toBe('upgraded');
  const notice = page.getByRole('alert').filter({ hasText: 'Almanac was updated in another tab' });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole('button', { name: 'Reload' })).toBeVisible();
});
