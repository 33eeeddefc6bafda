// `npm run bench:graph`: a Microsoft 365 mailbox on the Graph test server (tests/servers/graph, 40 ms
// per request), synced by three clients measured in the same run, one after the other on each
// workload so all three meet the same load: the floor (floor.ts), the original system's way
// (original-way.ts) and Almanac (almanac-slot.ts: the engine and its Graph provider in headless
// Chromium). Workloads: first sync, no change, 20 changes made on the server by another client
// (server-changes.ts). Prints figures beside the targets and the machine's load; passes nothing.
// ALMANAC_BENCH_EVENTS (5000; 500 for a quick try), ALMANAC_BENCH_SERIES (300, or 6 % of the events),
// ALMANAC_BENCH_LATENCY_MS (40), ALMANAC_BENCH_FIRST_RUNS (3), ALMANAC_BENCH_DELTA_PAGE (the
// floor's `Prefer: odata.maxpagesize`; the Graph provider's DELTA_PAGE_SIZE, 200, by default),
// ALMANAC_BENCH_PROFILE=1 (a CPU profile of each Almanac workload: where the page's time goes),
// ALMANAC_BENCH_ORIGINAL=0 (leaves the original way out: a quicker run while profiling; its column
// then says so).
import { loadavg } from 'node:os';
import { DELTA_PAGE_SIZE } from '../../../workers/sync/providers/graph/delta-round';
import { startAlmanacSlot, unavailableSlot, type AlmanacAnswer, type AlmanacSession } from './almanac-slot';
import type { ClientSetup } from './client-protocol';
import { startBenchMailbox } from './mailbox';
import { startNodeClient, type NodeClient, type NodeSync } from './node-client';
import type { FloorRun } from './floor';
import type { OriginalRun } from './original-way';
import { ORIGINAL_PAGE_SIZE } from './original-way';
import { loadText, printTable, type Measured, type WorkloadRow } from './report';
import { counted } from './server-count';
import { makeServerChanges } from './server-changes';

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a whole number (got ${String(raw)}).`);
  }
  return value;
}

const EVENTS = numberFromEnv('ALMANAC_BENCH_EVENTS', 5_000);
const SERIES = numberFromEnv('ALMANAC_BENCH_SERIES', EVENTS === 5_000 ? 300 : Math.round(EVENTS * 0.06));
const LATENCY_MS = numberFromEnv('ALMANAC_BENCH_LATENCY_MS', 40);
const FIRST_RUNS = Math.max(1, numberFromEnv('ALMANAC_BENCH_FIRST_RUNS', 3));
// The floor pages delta as Almanac does, by the Graph provider's own page size.
const DELTA_PAGE = Math.max(1, numberFromEnv('ALMANAC_BENCH_DELTA_PAGE', DELTA_PAGE_SIZE));
const NO_CHANGE_RUNS = 3;
const CALENDARS = 2;

const out = (line: string) => process.stdout.write(`${line}\n`);
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/**
 * The run with the median wall time, reporting the most requests and the highest peak heap any run
 * had (none is hidden).
 */
function median<F>(
  runs: readonly Measured<F>[],
  ms: (figure: F) => number,
  peak: { get: (figure: F) => number; set: (figure: F, peakHeapMb: number) => F },
): Measured<F> {
  const sorted = [...runs].sort((a, b) => ms(a.figure) - ms(b.figure));
  const middle = sorted[sorted.length >> 1];
  if (!middle) throw new Error('no runs');
  const most = runs.reduce((top, run) => (run.count.requests > top.count.requests ? run : top), middle);
  const highest = Math.max(...runs.map((run) => peak.get(run.figure)));
  return { figure: peak.set(middle.figure, highest), count: most.count };
}

function nodePeak<D>() {
  return {
    get: (figure: NodeSync<D>) => figure.peakHeapMb,
    set: (figure: NodeSync<D>, peakHeapMb: number): NodeSync<D> => ({ ...figure, peakHeapMb }),
  };
}

const almanacPeak = {
  get: (answer: AlmanacAnswer) => (answer.kind === 'ok' ? answer.value.peakHeapMb : 0),
  set: (answer: AlmanacAnswer, peakHeapMb: number): AlmanacAnswer =>
    answer.kind === 'ok' ? { kind: 'ok', value: { ...answer.value, peakHeapMb } } : answer,
};

/** Null when Almanac did not run (page/almanac-graph.ts says why). */
const almanacMs = (answer: AlmanacAnswer) => (answer.kind === 'ok' ? answer.value.ms : null);

interface Clients {
  readonly floor: NodeClient<FloorRun>;
  /** Null when left out (ALMANAC_BENCH_ORIGINAL=0). */
  readonly original: NodeClient<OriginalRun> | null;
  readonly almanac: AlmanacSession;
}

const skipped = (): Promise<NodeSync<OriginalRun>> => Promise.reject(new Error('left out'));

async function main(): Promise<void> {
  out(`${loadText(loadavg())} before seeding (os.loadavg: 1, 5, 15 min; 2 cores shared)`);
  let started = performance.now();
  const mailbox = await startBenchMailbox({
    events: EVENTS,
    series: SERIES,
    latencyMs: LATENCY_MS,
    calendars: CALENDARS,
  });
  const { graph } = mailbox;
  out(
    `seeded ${mailbox.singles} single events and ${mailbox.series} series (two exceptions and a cancelled ` +
      `occurrence each) over ${CALENDARS} calendars in ${s(performance.now() - started)}: ` +
      `${mailbox.instances} instances in the window (one year back, two ahead); ${LATENCY_MS} ms per request`,
  );
  out(
    `floor: calendarView/delta per calendar (Prefer: odata.maxpagesize=${DELTA_PAGE}), then the series ` +
      `masters by $batch of 20, 4 in flight; original: calendarView with $top=${ORIGINAL_PAGE_SIZE}, ` +
      'matched by title + start; almanac: the engine and its Graph provider in headless Chromium',
  );
  const setup: ClientSetup = {
    baseUrl: graph.baseUrl,
    token: graph.token,
    calendarIds: mailbox.calendarIds,
    window: mailbox.window,
    deltaPageSize: DELTA_PAGE,
  };
  const clients: Clients = {
    floor: await startNodeClient('floor', setup),
    original: process.env.ALMANAC_BENCH_ORIGINAL === '0' ? null : await startNodeClient('original', setup),
    // If the page cannot be built or opened, the baselines still run and Almanac's column says why.
    almanac: await startAlmanacSlot({
      baseUrl: graph.baseUrl,
      token: graph.token,
      profile: process.env.ALMANAC_BENCH_PROFILE === '1',
    }).catch((error: unknown) =>
      unavailableSlot(
        `the bench page did not start: ${error instanceof Error ? error.message : String(error)}`,
      ),
    ),
  };
  if (clients.almanac.unavailable !== null) out(`almanac: no figures: ${clients.almanac.unavailable}`);
  try {
    const measure = <F>(work: () => Promise<F>): Promise<Measured<F>> =>
      counted(graph, work).then(([figure, count]) => ({ figure, count }));

    /** One workload, each client once, the floor first. */
    const once = async () => ({
      floor: await measure(() => clients.floor.sync()),
      original: clients.original ? await measure(() => clients.original?.sync() ?? skipped()) : null,
      almanac: await measure(() => clients.almanac.sync()),
    });

    const runs = async (name: string, times: number, before: (run: number) => Promise<void>) => {
      const load = loadavg();
      const all: Awaited<ReturnType<typeof once>>[] = [];
      for (let run = 0; run < times; run += 1) {
        await before(run);
        const one = await once();
        all.push(one);
        // Each run as it ends, so a long run cut short still leaves its figures.
        const almanac = one.almanac.figure;
        out(
          `  ${name} run ${run + 1}: floor ${s(one.floor.figure.ms)} ${one.floor.count.requests} req; ` +
            (one.original
              ? `original ${s(one.original.figure.ms)} ${one.original.count.requests} req; `
              : 'original left out; ') +
            'almanac ' +
            (almanac.kind === 'ok'
              ? `${s(almanac.value.ms)} ${one.almanac.count.requests} req`
              : `no figures: ${almanac.reason}`) +
            ` (${loadText(loadavg())})`,
        );
      }
      if (times > 1) {
        const list = (pick: (one: (typeof all)[number]) => number | null) =>
          all
            .map((one) => {
              const ms = pick(one);
              return ms === null ? 'n/a' : s(ms);
            })
            .join(' / ');
        out(
          `${name}, ${times} runs each (median below): floor ${list((one) => one.floor.figure.ms)}; ` +
            `original ${list((one) => one.original?.figure.ms ?? null)}; almanac ${list((one) => almanacMs(one.almanac.figure))}`,
        );
      }
      const row: WorkloadRow = {
        name,
        load,
        floor: median(
          all.map((one) => one.floor),
          (figure) => figure.ms,
          nodePeak<FloorRun>(),
        ),
        original: clients.original
          ? median(
              all.flatMap((one) => (one.original ? [one.original] : [])),
              (figure) => figure.ms,
              nodePeak<OriginalRun>(),
            )
          : null,
        almanac: median(
          all.map((one) => one.almanac),
          (answer) => almanacMs(answer) ?? 0,
          almanacPeak,
        ),
      };
      return row;
    };

    const first = await runs('first sync', FIRST_RUNS, async (run) => {
      if (run === 0) return;
      await clients.floor.reset();
      await clients.original?.reset();
      await clients.almanac.reset();
    });
    const noChange = await runs('no change', NO_CHANGE_RUNS, () => Promise.resolve());
    started = performance.now();
    const changes = makeServerChanges(graph, mailbox.calendarIds, Date.now());
    out(
      `another client made ${changes.singles + changes.inSeries} changes in ${s(performance.now() - started)}: ` +
        Object.entries(changes.kinds)
          .map(([kind, n]) => `${n} ${kind}`)
          .join(', '),
    );
    const changed = await runs('20 changes', 1, () => Promise.resolve());
    out('');
    printTable(out, { first, noChange, changes: changed }, CALENDARS);
    out(`${loadText(loadavg())} at the end`);
  } finally {
    clients.floor.close();
    clients.original?.close();
    await clients.almanac.close();
    await graph.stop();
  }
}

await main();
