import type { CDPSession } from 'playwright-core';

/**
 * Peak JS heap of a page while a workload runs: `Runtime.getHeapUsage` over CDP every few
 * milliseconds (answered by V8's inspector even while the page's script is busy), after a forced GC
 * so each workload starts from what it keeps, not from what the previous one left behind.
 */
export interface HeapSampler {
  /** Collects garbage, then samples until the returned function is called; it gives the peak in MB. */
  start(): Promise<() => Promise<number>>;
}

const INTERVAL_MS = 20;

export function createHeapSampler(cdp: CDPSession): HeapSampler {
  return {
    async start() {
      await cdp.send('HeapProfiler.enable');
      await cdp.send('HeapProfiler.collectGarbage');
      let peak = 0;
      const state = { running: true };
      const loop = (async () => {
        while (state.running) {
          const usage = await cdp.send('Runtime.getHeapUsage');
          peak = Math.max(peak, usage.usedSize);
          await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
        }
      })();
      return async () => {
        state.running = false;
        await loop;
        const last = await cdp.send('Runtime.getHeapUsage');
        return Math.max(peak, last.usedSize) / 1e6;
      };
    },
  };
}
