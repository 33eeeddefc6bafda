import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';
import { waitForServiceWorker } from './pwa-server';

interface Shared {
  readonly file?: { readonly name: string; readonly mimeType: string; readonly buffer: Buffer };
  readonly url?: string;
}

/** Submits what the OS share sheet submits: a multipart POST navigation to the manifest's action. */
async function share(page: Page, shared: Shared): Promise<void> {
  await page.evaluate((link) => {
    const form = document.createElement('form');
    form.method = 'POST';
    form.enctype = 'multipart/form-data';
    form.action = '/share-target';
    form.id = 'share';
    const file = document.createElement('input');
    file.type = 'file';
    file.name = 'calendar';
    const url = document.createElement('input');
    url.name = 'url';
    url.value = link;
    form.append(file, url);
    document.body.append(form);
  }, shared.url ?? '');
  if (shared.file) await page.locator('#share input[type=file]').setInputFiles(shared.file);
  await page.locator('#share').evaluate((form: HTMLFormElement) => {
    form.submit();
  });
}

test('a shared .ics file lands in the import inbox and opens the import screen', async ({ page }) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  const ics = readFileSync('tests/fixtures/ics/all-day-multi-day.ics');
  await share(page, { file: { name: 'holidays.ics', mimeType: 'text/calendar', buffer: ics } });
  await expect(page).toHaveURL(/\/import\?source=share$/);

  const inbox = await page.evaluate(async () => {
    const cache = await caches.open('almanac-import-inbox');
    return Promise.all(
      (await cache.keys()).map(async (request) => {
        const response = await cache.match(request);
        return {
          name: decodeURIComponent(response?.headers.get('X-Almanac-File-Name') ?? ''),
          source: response?.headers.get('X-Almanac-Source'),
          text: (await response?.text()) ?? '',
        };
      }),
    );
  });
  expect(inbox).toEqual([{ name: 'holidays.ics', source: 'share', text: ics.toString('utf8') }]);
});

test('a shared calendar link (no file) opens the subscribe screen with it', async ({ page }) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  await share(page, { url: 'webcal://calendar.example.org/team.ics' });
  await expect(page).toHaveURL(
    `/subscribe?url=${encodeURIComponent('webcal://calendar.example.org/team.ics')}`,
  );
});
