/**
 * The benchmark's mailbox: the Graph test server (tests/servers/graph) with a fixed latency per
 * request, two calendars and the generated events (series with two exceptions and one cancelled
 * occurrence each) over the window every client syncs: one year back, two ahead, as the app
 * materialises it (src/core/occurrences/window.ts).
 */
import { YEAR_MS } from '../../../src/core/occurrences/time-range';
import { generateMailbox, startGraphServer, type GraphServer } from '../../servers/graph/index';

export interface BenchMailbox {
  readonly graph: GraphServer;
  /** The calendars' Graph ids, the default calendar first. */
  readonly calendarIds: readonly string[];
  /** The window the floor and the original way ask for (Almanac computes its own the same way). */
  readonly window: { readonly from: number; readonly to: number };
  readonly singles: number;
  readonly series: number;
  /** Instances the window holds over all calendars (what a first sync lists). */
  readonly instances: number;
}

export interface MailboxInput {
  readonly events: number;
  readonly series: number;
  readonly latencyMs: number;
  readonly calendars: number;
}

export async function startBenchMailbox(input: MailboxInput): Promise<BenchMailbox> {
  // Seeding is no client's request: the latency applies from the first client on. Three clients with
  // several first syncs each hand out far more delta states than the server's default memory (500)
  // keeps, and a forgotten state would turn a client's next round into a full resync.
  const graph = await startGraphServer({ seed: 11, deltaMemory: 100_000 });
  const now = Date.now();
  const window = { from: now - YEAR_MS, to: now + 2 * YEAR_MS };
  const calendarIds = [graph.store.defaultCalendar().id];
  for (let n = 1; n < input.calendars; n += 1) {
    calendarIds.push(graph.seed.calendar({ name: `Team ${n}`, color: 'lightGreen' }).id);
  }
  const made = generateMailbox(graph.seed, {
    events: input.events,
    series: input.series,
    fromMs: window.from,
    toMs: window.to,
    calendarIds,
  });
  const instances = calendarIds.reduce(
    (sum, id) => sum + graph.store.instancesInWindow(id, window.from, window.to).length,
    0,
  );
  graph.faults.latencyMs = input.latencyMs;
  graph.resetStats();
  return { graph, calendarIds, window, ...made, instances };
}
