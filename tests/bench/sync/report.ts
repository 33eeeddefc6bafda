/**
 * The benchmark's table: floor (curl), vdirsyncer and Almanac per workload, Almanac as ratios to
 * both, and the issue's targets, each marked met or missed. Prints; decides nothing.
 */
import type { WorkloadFigure } from './almanac-slot';
import type { FloorFigure } from './curl-floor';

export interface ClientFigure {
  readonly ms: number;
  readonly requests: number;
}

export interface WorkloadRow {
  readonly name: string;
  readonly floor: FloorFigure;
  readonly vdirsyncer: ClientFigure;
  readonly almanac: WorkloadFigure | null;
}

export interface BenchTable {
  readonly first: WorkloadRow;
  readonly noChange: WorkloadRow;
  readonly changes: WorkloadRow;
}

const HEAP_LIMIT_MB = 150;
const NO_CHANGE_NOTE = '5 runs each for the floor and Almanac, the most requests any run made';

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const x = (ratio: number) => `${ratio.toFixed(2)}×`;
const mark = (ok: boolean) => (ok ? 'met   ' : 'MISSED');

function row(out: (line: string) => void, r: WorkloadRow): void {
  const a = r.almanac;
  const almanac = a
    ? `almanac ${s(a.ms).padStart(8)} ${String(a.requests).padStart(4)} req ${a.peakHeapMb.toFixed(0).padStart(4)} MB` +
      `  (${x(a.ms / r.floor.ms)} floor, ${x(r.vdirsyncer.ms / a.ms)} faster than vdirsyncer)`
    : 'almanac n/a';
  out(
    `${r.name.padEnd(26)} floor ${s(r.floor.ms).padStart(8)} ${String(r.floor.requests).padStart(3)} req | ` +
      `vdirsyncer ${s(r.vdirsyncer.ms).padStart(8)} ${String(r.vdirsyncer.requests).padStart(5)} req | ${almanac}`,
  );
}

/** The targets of the issue (point 9), with the figure each was judged on. */
function targets(t: BenchTable): string[] {
  const first = t.first.almanac;
  const none = t.noChange.almanac;
  const changes = t.changes.almanac;
  if (!first || !none || !changes) return ['targets: Almanac did not run'];
  const peak = Math.max(first.peakHeapMb, none.peakHeapMb, changes.peakHeapMb);
  const lines: [boolean, string][] = [
    [none.requests === 1, `no change: one request per calendar (${none.requests})`],
    [
      none.ms <= 1.5 * t.noChange.floor.ms,
      `no change: within 1.5× of floor (${x(none.ms / t.noChange.floor.ms)})`,
    ],
    [changes.requests <= 3, `10 changed + 10 deleted: at most 3 requests (${changes.requests})`],
    [
      first.ms * 3 <= t.first.vdirsyncer.ms,
      `first sync: at least 3× faster than vdirsyncer (${x(t.first.vdirsyncer.ms / first.ms)})`,
    ],
    [first.ms <= 4 * t.first.floor.ms, `first sync: within 4× of floor (${x(first.ms / t.first.floor.ms)})`],
    [peak < HEAP_LIMIT_MB, `peak JS heap under ${HEAP_LIMIT_MB} MB (${peak.toFixed(0)} MB)`],
  ];
  return lines.map(([ok, text]) => `  ${mark(ok)} ${text}`);
}

export function printTable(out: (line: string) => void, count: number, t: BenchTable): void {
  out(
    `Radicale ${count} events — floor = curl, one process per request, direct (first sync listed by ` +
      `sync-collection); vdirsyncer and Almanac ` +
      `(headless Chromium, real IndexedDB, through the proxy) counted at the counting layer`,
  );
  row(out, t.first);
  out('  (first sync: the median of its runs for each client, interleaved; peak heap: the highest run)');
  row(out, t.noChange);
  out(`  (no change: median of ${NO_CHANGE_NOTE})`);
  row(out, t.changes);
  for (const [name, figure] of [
    ['first', t.first.almanac],
    ['no change', t.noChange.almanac],
    ['changes', t.changes.almanac],
  ] as const) {
    if (!figure) continue;
    const { network, report, events, occurrences } = figure.run;
    out(
      `  almanac ${name}: waiting on the network ${s(network.ms)} of ${s(figure.ms)} ` +
        `(${network.requests} req, ${(network.bytes / 1e6).toFixed(1)} MB; ` +
        `${Object.entries(network.byMethod)
          .map(([method, m]) => `${method} ${m.count}× ${s(m.ms)}`)
          .join(', ')}); ${JSON.stringify(report)}; ${events} events, ${occurrences} occurrences`,
    );
    if (figure.cpu) {
      const cpu = figure.cpu;
      const list = (rows: readonly (readonly [string, number])[]) =>
        rows.map(([what, ms]) => `      ${s(ms).padStart(8)}  ${what}`);
      out(`    CPU on the page: busy ${s(cpu.busyMs)}, idle ${s(cpu.idleMs)}; by module (self time):`);
      for (const line of list(cpu.byModule)) out(line);
      out('    charged to our own module deepest on the stack:');
      for (const line of list(cpu.byOwnCaller)) out(line);
      out('    by function (self time):');
      for (const line of list(cpu.byFunction)) out(line);
    }
  }
  out('targets:');
  for (const line of targets(t)) out(line);
}
