import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { precompressFile } from '../../workers/build/precompress';
import { AgendaPage } from './pages/agenda-page';
import { addDays, today } from './support/dates';
import { createTimedEvent } from './support/flows';
import { expect, test } from './support/test';
import { copyOfDist, startPwaServer, waitForServiceWorker } from './pwa-server';

/**
 * Writes `name` under `root` changed by `change`, with new brotli/gzip copies beside it as the build
 * writes them: `npm start` sends a copy when the browser accepts one, so a stale copy would still be
 * the old version.
 */
async function redeploy(root: string, name: string, change: (text: string) => string): Promise<void> {
  const path = join(root, name);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`${name} did not change`);
  writeFileSync(path, after);
  for (const suffix of ['.br', '.gz']) rmSync(path + suffix, { force: true });
  await precompressFile(path);
}

/**
 * "Deploys" a new version into the served copy of dist/: index.html gains a marker and sw.js the new
 * revision of index.html, exactly what a rebuild changes when the shell changes.
 */
async function deployNextVersion(root: string): Promise<void> {
  await redeploy(root, 'index.html', (html) =>
    html.replace('<title>', '<meta name="almanac-build" content="next" />\n<title>'),
  );
  await redeploy(root, 'sw.js', (sw) =>
    sw.replace(/("revision":\s*")[0-9a-f]+(",\s*"url":\s*"index\.html")/, '$1next0000$2'),
  );
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

    await deployNextVersion(server.root);
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
