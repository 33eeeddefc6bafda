/**
 * The Graph benchmark's table: per workload, the floor, the original system's way and Almanac (wall
 * time, requests counted at the server, peak JS heap), then the issue's targets, each marked met or
 * missed with the figure it was judged on. Prints; decides nothing.
 */
import type { CpuSummary } from '../sync/cpu-profile';
import type { AlmanacAnswer } from './almanac-slot';
import type { FloorRun } from './floor';
import type { NodeSync } from './node-client';
import type { OriginalRun } from './original-way';
import type { ServerCount } from './server-count';

export interface Measured<F> {
  readonly figure: F;
  readonly count: ServerCount;
}

export interface WorkloadRow {
  readonly name: string;
  /** os.loadavg() (1, 5, 15 min) when the workload started. */
  readonly load: readonly number[];
  readonly floor: Measured<NodeSync<FloorRun>>;
  /** Null when left out (ALMANAC_BENCH_ORIGINAL=0). */
  readonly original: Measured<NodeSync<OriginalRun>> | null;
  readonly almanac: Measured<AlmanacAnswer>;
}

export interface GraphBenchTable {
  readonly first: WorkloadRow;
  readonly noChange: WorkloadRow;
  readonly changes: WorkloadRow;
}

export const HEAP_LIMIT_MB = 150;
export const CHANGES_REQUEST_LIMIT = 4;
export const FIRST_SYNC_FLOOR_RATIO = 1.5;

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const x = (ratio: number) => `${ratio.toFixed(2)}×`;
const mb = (value: number) => `${value.toFixed(0)} MB`;
const mark = (ok: boolean) => (ok ? 'met   ' : 'MISSED');
export const loadText = (load: readonly number[]) => `load ${load.map((n) => n.toFixed(2)).join(' ')}`;

function requestsText(count: ServerCount): string {
  const kinds = Object.entries(count.byKind)
    .filter(([kind]) => kind !== 'preflight')
    .map(([kind, n]) => `${kind} ${n}`)
    .join(' ');
  const extra = [
    kinds,
    count.batchItems > 0 ? `${count.batchItems} in $batch` : '',
    count.preflights > 0 ? `+${count.preflights} preflight` : '',
    Object.keys(count.failures).length > 0 ? `non-2xx ${JSON.stringify(count.failures)}` : '',
  ].filter(Boolean);
  return `${String(count.requests).padStart(5)} req${extra.length > 0 ? ` (${extra.join(', ')})` : ''}`;
}

function cell(name: string, ms: number, peakHeapMb: number, count: ServerCount): string {
  return `  ${name.padEnd(9)} ${s(ms).padStart(9)}  ${mb(peakHeapMb).padStart(7)}  ${requestsText(count)}`;
}

function row(out: (line: string) => void, r: WorkloadRow): void {
  out(`${r.name} (${loadText(r.load)})`);
  const { floor, original, almanac } = r;
  const f = floor.figure.detail;
  out(
    `${cell('floor', floor.figure.ms, floor.figure.peakHeapMb, floor.count)}  ` +
      `[${f.deltaPages} delta pages, ${f.deltaRows} rows, ${f.mastersFetched} masters in ${f.batches} $batch]`,
  );
  if (original) {
    const o = original.figure.detail;
    out(
      `${cell('original', original.figure.ms, original.figure.peakHeapMb, original.count)}  ` +
        `[${o.pages} pages, ${o.listed} listed, ${o.stored} stored: ${o.missedUpdates} missed updates ` +
        `(${o.duplicates} of them duplicates), ${o.merged} merged]`,
    );
  } else out('  original  left out (ALMANAC_BENCH_ORIGINAL=0)');
  if (almanac.figure.kind === 'unavailable') {
    out(`  almanac   no figures: ${almanac.figure.reason}`);
    return;
  }
  const a = almanac.figure.value;
  const pulled = a.run.reports.reduce((sum, report) => sum + report.pulled, 0);
  const deleted = a.run.reports.reduce((sum, report) => sum + report.deletedLocally, 0);
  out(
    `${cell('almanac', a.ms, a.peakHeapMb, almanac.count)}  ` +
      `[${x(a.ms / floor.figure.ms)} floor` +
      `${original ? `, ${x(original.figure.ms / a.ms)} faster than original` : ''}; ` +
      `waiting on the network ${s(a.run.network.ms)}; in the delta rounds ${s(a.run.listingMs)}, ` +
      `after them ${s(a.ms - a.run.listingMs)}; ${pulled} pulled, ${deleted} deleted; ` +
      `${a.run.events} events, ${a.run.occurrences} occurrences]`,
  );
  if (a.cpu) cpuLines(out, a.cpu);
}

/** Where the page's CPU went (ALMANAC_BENCH_PROFILE=1): by module, by our own caller, by function. */
function cpuLines(out: (line: string) => void, cpu: CpuSummary): void {
  const list = (rows: readonly (readonly [string, number])[]) =>
    rows.map(([what, ms]) => `      ${s(ms).padStart(8)}  ${what}`);
  out(`    CPU on the page: busy ${s(cpu.busyMs)}, idle ${s(cpu.idleMs)}; by module (self time):`);
  for (const line of list(cpu.byModule)) out(line);
  out('    charged to our own module deepest on the stack:');
  for (const line of list(cpu.byOwnCaller)) out(line);
  out('    by function (self time):');
  for (const line of list(cpu.byFunction)) out(line);
}

function targets(t: GraphBenchTable, calendars: number): string[] {
  const first = t.first.almanac.figure;
  const none = t.noChange.almanac.figure;
  const changes = t.changes.almanac.figure;
  if (first.kind !== 'ok' || none.kind !== 'ok' || changes.kind !== 'ok') {
    return ['  (not judged: Almanac did not run)'];
  }
  const noneReq = t.noChange.almanac.count;
  const changesReq = t.changes.almanac.count;
  const peak = Math.max(first.value.peakHeapMb, none.value.peakHeapMb, changes.value.peakHeapMb);
  const ratio = first.value.ms / t.first.floor.figure.ms;
  const lines: [boolean, string][] = [
    [
      noneReq.requests <= calendars,
      `no change: one request per calendar (${noneReq.requests} for ${calendars} calendars` +
        `${noneReq.preflights > 0 ? `, plus ${noneReq.preflights} CORS preflights` : ''})`,
    ],
    [
      changesReq.requests <= CHANGES_REQUEST_LIMIT,
      `20 changes: at most ${CHANGES_REQUEST_LIMIT} requests (${changesReq.requests}` +
        `${changesReq.preflights > 0 ? `, plus ${changesReq.preflights} CORS preflights` : ''})`,
    ],
    [
      ratio <= FIRST_SYNC_FLOOR_RATIO,
      `first sync: within ${FIRST_SYNC_FLOOR_RATIO}× of the floor (${x(ratio)})`,
    ],
    [peak < HEAP_LIMIT_MB, `peak JS heap under ${HEAP_LIMIT_MB} MB (${mb(peak)})`],
  ];
  return lines.map(([ok, text]) => `  ${mark(ok)} ${text}`);
}

export function printTable(out: (line: string) => void, t: GraphBenchTable, calendars: number): void {
  out('workload / client   wall time  peak heap  requests at the server');
  out('  (several runs: the median wall time, the highest peak heap and the most requests of any run)');
  row(out, t.first);
  row(out, t.noChange);
  row(out, t.changes);
  out('targets (Almanac):');
  for (const line of targets(t, calendars)) out(line);
  out(
    `  (the floor on the same request targets: no change ${t.noChange.floor.count.requests} for ` +
      `${calendars} calendars, 20 changes ${t.changes.floor.count.requests})`,
  );
}
