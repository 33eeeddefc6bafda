/**
 * Almanac's engine on the benchmark's workloads: workers/sync/engine in headless Chromium with real
 * IndexedDB, through the real CORS proxy (scripts/serve.mjs, allowed to reach the counting layer's
 * loopback port only). The bench page (page/sync-bench.html) is built by Vite to .tmp/sync-bench-dist
 * and served on the proxy's origin, so no benchmark code enters the app's bundle.
 *
 * Requests are counted at the counting layer (`countRequests`), between the proxy and Radicale. Wall
 * time is the page's own `performance.now()` around `syncCalendar`; peak heap is sampled over CDP.
 */
import { copyFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { loopbackProxyEnv, serveApp, type ServedApp } from '../../e2e/support/serve-app';
import { profileWhile, type CpuSummary } from './cpu-profile';
import { createHeapSampler, type HeapSampler } from './heap-sampler';
import type { SyncBenchRun } from './page/sync-bench-page';
import type { ExperimentObject, StoreExperiment } from './page/store-experiment';

export interface WorkloadFigure {
  readonly ms: number;
  readonly requests: number;
  readonly peakHeapMb: number;
  readonly run: SyncBenchRun;
  /** With `profile`: where the page's CPU time went. */
  readonly cpu?: CpuSummary;
}

export interface AlmanacSlotInput {
  readonly calendarUrl: string;
  readonly username: string;
  readonly password: string;
  /** Requests the counting layer has seen so far (a difference is taken around each workload). */
  readonly countRequests: () => number;
  readonly multigetBatchSize?: number;
  /** Takes a CPU profile of every workload (slower; for finding where time goes). */
  readonly profile?: boolean;
}

/** One browser with the bench page, set up on the calendar; each call is one workload. */
export interface AlmanacSession {
  /** The served bench page's origin (its proxy is at `<origin>/proxy`). */
  readonly origin: string;
  sync(): Promise<WorkloadFigure>;
  /** A fresh database on the same calendar: the next sync is a first sync again. */
  reset(): Promise<void>;
  /** Stores `objects` per object (as the engine does) and in bulk, in scratch databases. */
  storeExperiment(objects: readonly ExperimentObject[], batch: number): Promise<StoreExperiment>;
  close(): Promise<void>;
}

const repo = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const CHROMIUM = process.env.ALMANAC_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];

async function openPage(browser: Browser, origin: string): Promise<Page> {
  const context = await browser.newContext({ timezoneId: 'Europe/Zurich', locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${origin}/sync-bench.html`);
  await page.waitForFunction(() => window.almanacSyncBench !== undefined);
  return page;
}

export async function startAlmanacSlot(input: AlmanacSlotInput): Promise<AlmanacSession> {
  await build({ configFile: join(repo, 'tests', 'bench', 'sync', 'vite.config.ts') });
  const dist = join(repo, '.tmp', 'sync-bench-dist');
  // scripts/serve.mjs serves only a build with an index.html: the bench page is that build's index too.
  await copyFile(join(dist, 'sync-bench.html'), join(dist, 'index.html'));
  const port = Number(new URL(input.calendarUrl).port);
  const served: ServedApp = await serveApp(dist, loopbackProxyEnv(port));
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
    const page = await openPage(browser, served.origin);
    const cdp = await page.context().newCDPSession(page);
    const heap: HeapSampler = createHeapSampler(cdp);
    await page.evaluate((setup) => window.almanacSyncBench?.setup(setup), {
      calendarUrl: input.calendarUrl,
      username: input.username,
      password: input.password,
      ...(input.multigetBatchSize !== undefined ? { multigetBatchSize: input.multigetBatchSize } : {}),
    });
    const opened = browser;
    return {
      origin: served.origin,
      async sync() {
        const stop = await heap.start();
        const before = input.countRequests();
        const work = () =>
          page.evaluate(() => {
            if (!window.almanacSyncBench) throw new Error('The bench page is not ready.');
            return window.almanacSyncBench.sync();
          });
        const [run, cpu] = input.profile ? await profileWhile(cdp, work) : [await work(), undefined];
        const requests = input.countRequests() - before;
        const peakHeapMb = await stop();
        return { ms: run.ms, requests, peakHeapMb, run, ...(cpu ? { cpu } : {}) };
      },
      async reset() {
        await page.evaluate(() => {
          if (!window.almanacSyncBench) throw new Error('The bench page is not ready.');
          return window.almanacSyncBench.reset();
        });
      },
      storeExperiment: (objects, batch) =>
        page.evaluate(
          ([list, size]) => {
            if (!window.almanacSyncBench) throw new Error('The bench page is not ready.');
            return window.almanacSyncBench.storeExperiment(list, size);
          },
          [objects, batch] as const,
        ),
      async close() {
        await opened.close();
        await served.stop();
      },
    };
  } catch (error) {
    await browser?.close();
    await served.stop();
    throw error;
  }
}
