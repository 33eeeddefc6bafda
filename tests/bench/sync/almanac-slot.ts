/**
 * ALMANAC'S ENGINE RUN — THE SLOT FOR THE LEAD TO WIRE.
 *
 * The issue wants the same three workloads run by Almanac's sync engine in headless Chromium with
 * real IndexedDB, through the CORS proxy, reporting wall time, HTTP requests and peak JS heap. The
 * engine (workers/sync/engine/sync-engine.ts) did not exist when this benchmark was written, so this
 * slot only reports that it awaits it. To wire it: build a bench page that creates the engine with
 * the proxied fetch pointed at `calendarUrl` (the counting layer's URL, so requests are counted by
 * `countRequests`), drive it from Playwright like tests/bench/run-bench.mjs does, and return figures.
 */
import { access } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export interface WorkloadFigure {
  readonly ms: number;
  readonly requests: number;
  readonly peakHeapMb?: number;
}

export interface AlmanacFigures {
  readonly label: string;
  readonly first: WorkloadFigure;
  readonly noChange: WorkloadFigure;
  readonly twentyChanges: WorkloadFigure;
}

export interface AlmanacSlotInput {
  readonly calendarUrl: string;
  readonly username: string;
  readonly password: string;
  /** Requests the counting layer has seen so far (take a difference around each workload). */
  readonly countRequests: () => number;
  /** Applies the 10 changes + 10 deletions on the server (call between the 2nd and 3rd workload). */
  readonly changeServer: () => Promise<void>;
}

const ENGINE = fileURLToPath(new URL('../../../workers/sync/engine/sync-engine.ts', import.meta.url));

export async function runAlmanacSlot(_input: AlmanacSlotInput): Promise<AlmanacFigures | string> {
  const present = await access(ENGINE).then(
    () => true,
    () => false,
  );
  return present
    ? 'engine present but not wired: see tests/bench/sync/almanac-slot.ts'
    : 'awaiting the sync engine (workers/sync/engine/sync-engine.ts): slot in tests/bench/sync/almanac-slot.ts';
}
