/**
 * Peak JS heap of this Node process while a workload runs: V8's used heap sampled every few
 * milliseconds after a forced collection (the process runs with --expose-gc), the same measure the
 * Almanac slot reads from Chromium over CDP (tests/bench/sync/heap-sampler.ts).
 */
import { getHeapStatistics } from 'node:v8';

const INTERVAL_MS = 10;

export async function withPeakHeap<T>(work: () => Promise<T>): Promise<[T, number]> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('Run the client with node --expose-gc: its heap figure needs a collection first.');
  gc();
  let peak = getHeapStatistics().used_heap_size;
  const timer = setInterval(() => {
    peak = Math.max(peak, getHeapStatistics().used_heap_size);
  }, INTERVAL_MS);
  try {
    const value = await work();
    return [value, Math.max(peak, getHeapStatistics().used_heap_size) / 1e6];
  } finally {
    clearInterval(timer);
  }
}
