import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import type { BuiltAppServer } from './serve-built-app';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];

/** The agenda's calendar grid is on screen: FullCalendar drew its dated cells inside <main>. */
function gridVisibleAt(): number | false {
  const cell = document.querySelector('main [data-date]');
  if (!(cell instanceof HTMLElement)) return false;
  const box = cell.getBoundingClientRect();
  return box.width > 0 && box.height > 0 ? performance.now() : false;
}

async function launch(profile: string, chromePath: string, offline: boolean): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: chromePath,
    args: ARGS,
    offline,
    viewport: { width: 1280, height: 800 },
    timezoneId: 'Europe/Zurich',
    locale: 'en-GB',
  });
}

/**
 * Offline cold start to a visible agenda: one online visit installs the service worker, then the
 * server stops and, `runs` times, a fresh browser on the same profile opens the agenda with the
 * network off. Each figure: navigation start → first frame with the calendar grid, in ms.
 */
export async function offlineColdStarts(
  server: BuiltAppServer,
  chromePath: string,
  runs: number,
  path: string,
): Promise<number[]> {
  const profile = mkdtempSync(join(tmpdir(), 'almanac-lh-profile-'));
  const url = `${server.origin}${path}`;
  try {
    const first = await launch(profile, chromePath, false);
    const page = first.pages()[0] ?? (await first.newPage());
    await page.goto(url);
    await page.waitForFunction(async () => {
      const registration = await navigator.serviceWorker.ready;
      return registration.active?.state === 'activated';
    });
    await page.waitForFunction(gridVisibleAt, undefined, { polling: 'raf' });
    await first.close();
    await server.stop();

    const times: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const context = await launch(profile, chromePath, true);
      const cold = context.pages()[0] ?? (await context.newPage());
      await cold.goto(url);
      const at = await cold.waitForFunction(gridVisibleAt, undefined, { polling: 'raf', timeout: 15_000 });
      times.push(Number(await at.jsonValue()));
      await context.close();
    }
    return times;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
