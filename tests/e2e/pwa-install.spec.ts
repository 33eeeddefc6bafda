import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';
import { startPwaServer, waitForServiceWorker } from './pwa-server';

interface ManifestIcon {
  readonly src: string;
  readonly sizes: string;
  readonly type?: string;
  readonly purpose?: string;
}

interface AlmanacManifest {
  readonly name: string;
  readonly short_name: string;
  readonly start_url: string;
  readonly display: string;
  readonly icons: readonly ManifestIcon[];
  readonly shortcuts: readonly { readonly name: string; readonly url: string }[];
  readonly file_handlers: readonly { readonly action: string; readonly accept: Record<string, string[]> }[];
  readonly share_target: { readonly action: string; readonly method: string };
  readonly protocol_handlers: readonly { readonly protocol: string; readonly url: string }[];
  readonly launch_handler: { readonly client_mode: string };
}

// Chromium never offers to install from an incognito profile, and Playwright's ordinary contexts are
// incognito: this test drives a persistent profile instead.
test('Chromium sees Almanac as installable, with every launch entry point in its manifest', async () => {
  const server = await startPwaServer();
  const profile = mkdtempSync(join(tmpdir(), 'almanac-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    baseURL: server.origin,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await waitForServiceWorker(page);

    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const { url, errors, data } = await cdp.send('Page.getAppManifest');
    expect(url).toBe(`${server.origin}/manifest.webmanifest`);
    expect(errors).toEqual([]);
    const manifest = JSON.parse(data ?? '{}') as AlmanacManifest;

    expect(manifest).toMatchObject({ name: 'Almanac', start_url: '/', display: 'standalone' });
    expect(manifest.shortcuts.map((s) => s.url)).toEqual(['/agenda?new=1', '/agenda']);
    expect(manifest.file_handlers[0]?.accept['text/calendar']).toContain('.ics');
    expect(manifest.share_target).toMatchObject({ action: '/share-target', method: 'POST' });
    expect(manifest.protocol_handlers).toEqual([{ protocol: 'webcal', url: '/subscribe?url=%s' }]);
    expect(manifest.launch_handler.client_mode).toBe('focus-existing');

    // The icons were generated at build time and are real PNGs of the stated size, maskable included.
    expect(manifest.icons.some((icon) => icon.purpose === 'maskable')).toBe(true);
    for (const icon of manifest.icons) {
      const size = await page.evaluate(async (src) => {
        const bitmap = await createImageBitmap(await (await fetch(src)).blob());
        return `${bitmap.width}x${bitmap.height}`;
      }, icon.src);
      expect(size, icon.src).toBe(icon.sizes);
    }

    // The "New event" shortcut lands on this week's agenda with the editor open.
    await page.goto('/agenda?new=1');
    await expect(page.getByRole('dialog', { name: 'New event' })).toBeVisible();
    await expect(page).toHaveURL(/\/agenda\/week\/\d{4}-\d{2}-\d{2}$/);
  } finally {
    await context.close();
    await server.stop();
    rmSync(profile, { recursive: true, force: true });
  }
});
