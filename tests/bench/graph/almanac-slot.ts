/**
 * Almanac on the Graph benchmark's workloads: the real engine with its Graph provider in headless
 * Chromium with real IndexedDB (page/graph-bench-page.ts), reaching the test server directly with the
 * server's bearer token. The page is built by Vite to .tmp/graph-bench-dist and served by `vite
 * preview`. Wall time is the page's own `performance.now()` around the sync of every calendar; peak
 * heap is the page's, sampled over CDP (tests/bench/sync/heap-sampler.ts). Requests are counted at
 * the server by the caller.
 *
 * When the page cannot set up (discovery failed) or a sync fails, every answer says why instead of
 * giving figures.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { profileWhile, type CpuSummary } from '../sync/cpu-profile';
import { createHeapSampler } from '../sync/heap-sampler';
import type { GraphBenchAnswer, GraphBenchRun, GraphBenchSetup } from './page/graph-bench-page';

export interface AlmanacFigure {
  readonly ms: number;
  readonly peakHeapMb: number;
  readonly run: GraphBenchRun;
  /** With `profile`: where the page's CPU time went. */
  readonly cpu?: CpuSummary;
}

export type AlmanacAnswer = GraphBenchAnswer<AlmanacFigure>;

export interface AlmanacSession {
  /** Why Almanac cannot run here, or null when it can. */
  readonly unavailable: string | null;
  sync(): Promise<AlmanacAnswer>;
  /** A fresh database on the same mailbox: the next sync is a first sync again. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

const repo = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const CONFIG = join(repo, 'tests', 'bench', 'graph', 'vite.config.ts');
const CHROMIUM = process.env.ALMANAC_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];

function bench(page: Page) {
  return {
    setup: (input: GraphBenchSetup) =>
      page.evaluate((setup) => {
        if (!window.almanacGraphBench) throw new Error('The bench page is not ready.');
        return window.almanacGraphBench.setup(setup);
      }, input),
    sync: () =>
      page.evaluate(() => {
        if (!window.almanacGraphBench) throw new Error('The bench page is not ready.');
        return window.almanacGraphBench.sync();
      }),
    reset: () =>
      page.evaluate(() => {
        if (!window.almanacGraphBench) throw new Error('The bench page is not ready.');
        return window.almanacGraphBench.reset();
      }),
  };
}

export interface AlmanacSlotInput {
  readonly baseUrl: string;
  readonly token: string;
  /** Takes a CPU profile of every workload (slower; for finding where time goes). */
  readonly profile?: boolean;
}

export async function startAlmanacSlot(input: AlmanacSlotInput): Promise<AlmanacSession> {
  await build({ configFile: CONFIG });
  const server: PreviewServer = await preview({ configFile: CONFIG });
  const origin = server.resolvedUrls?.local[0];
  let browser: Browser | null = null;
  try {
    if (!origin) throw new Error('vite preview gave no local URL');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
    const context = await browser.newContext({ timezoneId: 'Europe/Zurich', locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(new URL('graph-bench.html', origin).href);
    await page.waitForFunction(() => window.almanacGraphBench !== undefined);
    const cdp = await context.newCDPSession(page);
    const heap = createHeapSampler(cdp);
    const api = bench(page);
    const set = await api.setup({ baseUrl: input.baseUrl, token: input.token });
    let unavailable = set.kind === 'unavailable' ? set.reason : null;
    const opened = browser;
    return {
      get unavailable() {
        return unavailable;
      },
      async sync() {
        if (unavailable !== null) return { kind: 'unavailable', reason: unavailable };
        const stop = await heap.start();
        let answer: GraphBenchAnswer<GraphBenchRun>;
        let cpu: CpuSummary | undefined;
        try {
          if (input.profile) [answer, cpu] = await profileWhile(cdp, () => api.sync());
          else answer = await api.sync();
        } catch (error) {
          // The page itself failed (a crash, out of memory): no figures, and the reason is kept.
          answer = { kind: 'unavailable', reason: `the bench page failed: ${String(error)}` };
        }
        const peakHeapMb = await stop().catch(() => 0);
        if (answer.kind === 'unavailable') {
          unavailable = answer.reason;
          return answer;
        }
        return {
          kind: 'ok',
          value: { ms: answer.value.ms, peakHeapMb, run: answer.value, ...(cpu ? { cpu } : {}) },
        };
      },
      async reset() {
        if (unavailable !== null) return;
        const again = await api.reset();
        if (again.kind === 'unavailable') unavailable = again.reason;
      },
      async close() {
        await opened.close();
        await server.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await server.close();
    throw error;
  }
}

/** A slot that could not start (the page did not build, Chromium did not launch): says why. */
export function unavailableSlot(reason: string): AlmanacSession {
  return {
    unavailable: reason,
    sync: () => Promise.resolve({ kind: 'unavailable', reason }),
    reset: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}
