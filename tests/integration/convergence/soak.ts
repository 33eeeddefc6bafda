/**
 * `npm run soak`: the convergence property (convergence.test.ts) for many cases, as a script that
 * reports instead of a test that passes. Same world (Radicale and Xandikos behind fault layers, the
 * real proxy, and the Graph test server with its fault plan), the same scenarios (CalDAV's and
 * Microsoft 365's, the latter with the user's occurrence edits too: a third of the cases), runCase /
 * runGraphCase and oracle; it prints a progress line now and then and a summary: cases run (by
 * server, transport, fault rate), faults injected by kind, rule-5 (docs/sync-rules.md) questions
 * answered, divergences found with the seed and shrunk path that replay each.
 *
 *   npm run soak                          10,000 cases from a random seed
 *   npm run soak -- --cases 2000          or ALMANAC_SOAK_CASES=2000
 *   npm run soak -- --seed 7              or ALMANAC_SOAK_SEED=7 (a fixed start)
 *   npm run soak -- --seed S --path P     replays one divergence (the soak draws CalDAV and Graph cases
 *                                         from one arbitrary, so its paths are not the suite's)
 *
 * A divergence is shrunk (for at most 8 min, as in the suite), its transcript written to a file
 * (--out, ALMANAC_SOAK_OUT; the temp dir by default), and the run goes on from the next seed until the
 * cases are done or --max-divergences (3) were found. Exit status: 0 clean, 1 divergence, 2 a case
 * that did not finish within 10 min or a harness failure, 130/143 interrupted. The servers stop in
 * every case (and cannot outlive the process: tests/servers/server-process.ts).
 */
import './soak-setup';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { ensureServerPackages } from '../../servers/ensure-packages';
import { ALL_FAULTS } from '../../servers/fault-plan';
import { ALL_GRAPH_FAULTS } from '../../servers/graph/index';
import { loadSyncEngine, type CreateSyncEngine } from './engine-port';
import { graphScenarioArbitrary, type GraphScenario } from './graph-operations';
import { scenarioArbitrary, type Scenario } from './operations';
import { runCase, type CaseResult } from './run-case';
import { runGraphCase } from './run-graph-case';
import { startWorld, type World } from './world';

const SHRINK_BUDGET_MS = 8 * 60_000;
const CASE_LIMIT_MS = 10 * 60_000;
const PROGRESS_EVERY_CASES = 100;
const PROGRESS_EVERY_MS = 60_000;

/** Faults by kind: CalDAV's fault layer's kinds, and the Graph test server's as `graph:<kind>`. */
type FaultCounts = Partial<Record<string, number>>;

const FAULT_NAMES: readonly string[] = [...ALL_FAULTS, ...ALL_GRAPH_FAULTS.map((kind) => `graph:${kind}`)];

type AnyScenario = Scenario | GraphScenario;

/** CalDAV on Radicale or Xandikos, or Microsoft 365 on the Graph test server (a third of the cases). */
const anyScenario: fc.Arbitrary<AnyScenario> = fc.oneof(
  { weight: 2, arbitrary: scenarioArbitrary },
  { weight: 1, arbitrary: graphScenarioArbitrary() },
);

/** Every fault the world injected so far, by kind. */
function worldFaults(world: World): FaultCounts {
  const counts: FaultCounts = { ...world.faultsByKind() };
  for (const [kind, count] of Object.entries(world.graphFaultsByKind())) counts[`graph:${kind}`] = count;
  return counts;
}

interface Settings {
  readonly cases: number;
  readonly seed: number;
  readonly path: string | undefined;
  readonly maxDivergences: number;
  readonly outDir: string;
}

interface Divergence {
  readonly seed: number;
  readonly path: string;
  readonly shrinks: number;
  readonly problems: readonly string[];
  readonly scenario: AnyScenario | null;
  readonly transcriptFile: string | null;
}

interface Tally {
  cases: number;
  readonly byServer: Record<AnyScenario['server'], number>;
  viaProxy: number;
  withoutFaults: number;
  neededFaultFree: number;
  asked: number;
  shrinkReplays: number;
  faults: FaultCounts;
  readonly divergences: Divergence[];
}

const out = (line: string) => process.stdout.write(`${line}\n`);

function fail(message: string): never {
  process.stderr.write(`soak: ${message}\n`);
  process.exit(2);
}

function wholeNumber(name: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min)
    fail(`${name} must be a whole number ≥ ${min}, got "${text}" (e.g. --cases 2000)`);
  return value;
}

function readSettings(): Settings {
  let values: ReturnType<typeof parseOptions>['values'];
  try {
    values = parseOptions().values;
  } catch (error) {
    fail(
      `${error instanceof Error ? error.message : String(error)}\nusage: npm run soak -- [--cases N] [--seed S] [--path P] [--max-divergences N] [--out DIR]`,
    );
  }
  const env = process.env;
  return {
    cases: wholeNumber('--cases', values.cases ?? env.ALMANAC_SOAK_CASES, 10_000, 1),
    seed: wholeNumber('--seed', values.seed ?? env.ALMANAC_SOAK_SEED, Date.now() % 2 ** 31, 0),
    path: values.path,
    maxDivergences: wholeNumber('--max-divergences', values['max-divergences'], 3, 1),
    outDir: values.out ?? env.ALMANAC_SOAK_OUT ?? tmpdir(),
  };
}

function parseOptions() {
  return parseArgs({
    options: {
      cases: { type: 'string' },
      seed: { type: 'string' },
      path: { type: 'string' },
      'max-divergences': { type: 'string' },
      out: { type: 'string' },
    },
    strict: true,
  });
}

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h > 0 ? `${h}h${String(m).padStart(2, '0')}m` : `${m}m${String(s).padStart(2, '0')}s`;
}

function total(counts: FaultCounts): number {
  return Object.values(counts).reduce<number>((sum, count) => sum + (count ?? 0), 0);
}

function difference(after: FaultCounts, before: FaultCounts): FaultCounts {
  const result: FaultCounts = {};
  for (const kind of FAULT_NAMES) result[kind] = (after[kind] ?? 0) - (before[kind] ?? 0);
  return result;
}

function add(into: FaultCounts, more: FaultCounts): FaultCounts {
  for (const kind of FAULT_NAMES) into[kind] = (into[kind] ?? 0) + (more[kind] ?? 0);
  return into;
}

function replayHint(seed: number, path: string): string {
  return (
    `npm run soak -- --seed ${seed} --path ${path}   (the suite's paths differ: it draws CalDAV and ` +
    `Graph cases apart)`
  );
}

async function main(): Promise<number> {
  const settings = readSettings();
  const started = performance.now();
  const tally: Tally = {
    cases: 0,
    byServer: { radicale: 0, xandikos: 0, graph: 0 },
    viaProxy: 0,
    withoutFaults: 0,
    neededFaultFree: 0,
    asked: 0,
    shrinkReplays: 0,
    faults: {},
    divergences: [],
  };
  // Set once the servers run; read by the progress line, the summary and an abort. `chunk`: the
  // fast-check run in flight (its faults are added to the tally only when it ends, so a summary
  // printed while it runs, on an interrupt, counts them from here).
  const live: { world: World | null; stopping: boolean; chunk: ChunkFaults | null } = {
    world: null,
    stopping: false,
    chunk: null,
  };
  /** Faults of the cases run (shrinking replays aside), finished chunks and the one in flight. */
  const casesFaults = (): FaultCounts => {
    const counts = add({}, tally.faults);
    const { chunk, world } = live;
    if (chunk && world) add(counts, difference(chunk.atFailure ?? worldFaults(world), chunk.before));
    return counts;
  };
  let lastProgress = { cases: 0, at: performance.now() };

  const progress = (force = false) => {
    const now = performance.now();
    if (
      !force &&
      tally.cases - lastProgress.cases < PROGRESS_EVERY_CASES &&
      now - lastProgress.at < PROGRESS_EVERY_MS
    )
      return;
    lastProgress = { cases: tally.cases, at: now };
    const rss = Math.round(process.memoryUsage().rss / 2 ** 20);
    out(
      `soak: ${tally.cases}/${settings.cases} cases · ${duration(now - started)} · ` +
        `faults ${live.world ? total(worldFaults(live.world)) : 0} · rule-5 questions ${tally.asked} · ` +
        `divergences ${tally.divergences.length} · restarts ${live.world?.restarts() ?? 0} · rss ${rss} MB`,
    );
  };

  const summary = (outcome: string) => {
    const wall = performance.now() - started;
    const all = live.world ? worldFaults(live.world) : {};
    const cases = casesFaults();
    out('');
    out(`soak summary (${outcome})`);
    out(
      settings.path === undefined
        ? `  cases run          ${tally.cases} of ${settings.cases}, first seed ${settings.seed}`
        : `  cases run          ${tally.cases}, replaying seed ${settings.seed} from path ${settings.path}`,
    );
    out(
      `    by server        radicale ${tally.byServer.radicale}, xandikos ${tally.byServer.xandikos}, ` +
        `graph ${tally.byServer.graph}; ` +
        `via the proxy ${tally.viaProxy}, direct ${tally.cases - tally.viaProxy}`,
    );
    out(
      `    fault rate 0     ${tally.withoutFaults} (the others ran with faults on; ` +
        `${tally.neededFaultFree} settled only in the fault-free attempts)`,
    );
    out(
      `  wall time          ${duration(wall)} (${(wall / Math.max(tally.cases, 1) / 1000).toFixed(2)} s a case)`,
    );
    out(`  faults injected    ${total(cases)} in the cases run`);
    for (const kind of FAULT_NAMES) out(`    ${kind.padEnd(28)} ${cases[kind] ?? 0}`);
    if (tally.shrinkReplays > 0)
      out(`    (${total(all) - total(cases)} more while shrinking, in ${tally.shrinkReplays} replays)`);
    out(`  rule-5 questions   ${tally.asked} asked and answered`);
    out(`  server restarts    ${live.world?.restarts() ?? 0}`);
    out(`  divergences        ${tally.divergences.length}`);
    for (const [i, each] of tally.divergences.entries()) {
      out(`    ${i + 1}. seed ${each.seed} path ${each.path} (${each.shrinks} shrinks)`);
      for (const problem of each.problems) out(`       ${problem.split('\n').join('\n       ')}`);
      if (each.scenario) out(`       scenario ${JSON.stringify(each.scenario)}`);
      if (each.transcriptFile) out(`       transcript ${each.transcriptFile}`);
      out(`       replay: ${replayHint(each.seed, each.path)}`);
    }
  };

  const abort = (status: number, message: string) => {
    if (live.stopping) return;
    live.stopping = true;
    process.stderr.write(`soak: ${message}\n`);
    summary(message);
    const forced = setTimeout(() => process.exit(status), 15_000);
    void (live.world?.stop() ?? Promise.resolve())
      .catch(() => undefined)
      .finally(() => {
        clearTimeout(forced);
        process.exit(status);
      });
  };
  process.once('SIGINT', () => {
    abort(130, 'interrupted');
  });
  process.once('SIGTERM', () => {
    abort(143, 'terminated');
  });

  await ensureServerPackages();
  const createEngine: CreateSyncEngine = await loadSyncEngine();
  const world = await startWorld();
  live.world = world;
  out(
    `soak: ${settings.path === undefined ? `${settings.cases} cases from seed ${settings.seed}` : `replaying seed ${settings.seed} path ${settings.path}`}, ` +
      `Radicale, Xandikos and the Graph test server, faults on; transcripts of divergences go to ${settings.outDir}`,
  );

  let seed = settings.seed;
  try {
    while (tally.cases < settings.cases && tally.divergences.length < settings.maxDivergences) {
      const divergence = await runChunk(world, createEngine, tally, live, {
        seed,
        // A path replays its case (fast-check would otherwise carry on from it for `runs` cases).
        runs: settings.path === undefined ? settings.cases - tally.cases : 1,
        path: settings.path,
        outDir: settings.outDir,
        progress,
        abort,
        stopping: () => live.stopping,
      });
      if (divergence) {
        tally.divergences.push(divergence);
        out(
          `soak: DIVERGENCE seed ${divergence.seed} path ${divergence.path}: ${divergence.problems[0] ?? ''}`,
        );
      }
      // A replay runs its one case; after a divergence the run goes on from the next seed.
      if (settings.path !== undefined || !divergence) break;
      seed = (seed + 1) % 2 ** 31;
    }
  } finally {
    if (!live.stopping) {
      progress(true);
      summary(tally.divergences.length > 0 ? 'DIVERGED' : 'converged');
      await world.stop();
    }
  }
  return tally.divergences.length > 0 ? 1 : 0;
}

/**
 * One fast-check run from `seed`: counts each case, stops at the first divergence and shrinks it
 * (within SHRINK_BUDGET_MS; past it every candidate passes, which keeps the smallest failure found).
 */
/** The faults of the fast-check run in flight: the world's counts when it began and at its failure. */
interface ChunkFaults {
  readonly before: FaultCounts;
  atFailure: FaultCounts | null;
}

async function runChunk(
  world: World,
  createEngine: CreateSyncEngine,
  tally: Tally,
  live: { chunk: ChunkFaults | null },
  options: {
    readonly seed: number;
    readonly runs: number;
    readonly path: string | undefined;
    readonly outDir: string;
    readonly progress: () => void;
    readonly abort: (status: number, message: string) => void;
    /** True once the run is being stopped: its servers go, so a case in flight proves nothing. */
    readonly stopping: () => boolean;
  },
): Promise<Divergence | null> {
  // The fault counts when the run began and at its first failure (the cases' share), shared with
  // the summary while the run is in flight.
  const chunk: ChunkFaults = { before: worldFaults(world), atFailure: null };
  live.chunk = chunk;
  // Written by the property as fast-check calls it: the run index before the first failure, when
  // shrinking started, and the last failing case (after shrinking: the smallest one).
  const seen: {
    index: number;
    shrinkStarted: number | null;
    failing: { result: CaseResult; scenario: AnyScenario } | null;
  } = { index: -1, shrinkStarted: null, failing: null };

  const property = fc.asyncProperty(anyScenario, async (scenario) => {
    if (options.stopping()) return true;
    if (seen.shrinkStarted !== null && performance.now() - seen.shrinkStarted > SHRINK_BUDGET_MS) return true;
    if (seen.shrinkStarted === null) seen.index += 1;
    const where = `seed ${options.seed} path ${options.path ?? String(seen.index)}`;
    const watchdog = setTimeout(() => {
      options.abort(
        2,
        `a case did not finish within ${duration(CASE_LIMIT_MS)} (${where}): ${JSON.stringify(scenario)}`,
      );
    }, CASE_LIMIT_MS);
    let result: CaseResult;
    try {
      result =
        scenario.server === 'graph'
          ? await runGraphCase(world, scenario, createEngine)
          : await runCase(world, scenario, createEngine);
    } finally {
      clearTimeout(watchdog);
    }
    if (options.stopping()) return true;
    if (seen.shrinkStarted === null) {
      tally.cases += 1;
      tally.byServer[scenario.server] += 1;
      if (scenario.transport === 'proxy') tally.viaProxy += 1;
      if (scenario.faultRate === 0) tally.withoutFaults += 1;
      if (result.settle?.neededFaultFree) tally.neededFaultFree += 1;
      tally.asked += result.asked;
      options.progress();
    } else {
      tally.shrinkReplays += 1;
    }
    if (result.problems.length === 0) return true;
    if (seen.shrinkStarted === null) {
      seen.shrinkStarted = performance.now();
      chunk.atFailure = worldFaults(world);
      process.stdout.write(`soak: case ${where} diverged; shrinking (up to ${duration(SHRINK_BUDGET_MS)})\n`);
    }
    seen.failing = { result, scenario };
    return false;
  });

  const details = await fc.check(property, {
    numRuns: options.runs,
    seed: options.seed,
    ...(options.path !== undefined ? { path: options.path } : {}),
  });
  add(tally.faults, difference(chunk.atFailure ?? worldFaults(world), chunk.before));
  live.chunk = null;
  if (!details.failed) return null;

  const path = details.counterexamplePath ?? options.path ?? String(seen.index);
  const found = seen.failing;
  const problems = found ? found.result.problems : [`the property threw: ${String(details.errorInstance)}`];
  let transcriptFile: string | null = null;
  if (found) {
    transcriptFile = join(options.outDir, `almanac-soak-${options.seed}-${path.replace(/:/g, '-')}.txt`);
    const text = [
      `seed ${options.seed} path ${path}`,
      `replay: ${replayHint(options.seed, path)}`,
      `scenario: ${JSON.stringify(found.scenario)}`,
      '--- problems ---',
      ...found.result.problems,
      '--- transcript ---',
      ...found.result.transcript,
      '',
    ].join('\n');
    try {
      await mkdir(options.outDir, { recursive: true });
      await writeFile(transcriptFile, text, 'utf8');
    } catch (error) {
      // The divergence matters more than the file: print it rather than lose it.
      process.stdout.write(
        `soak: could not write ${transcriptFile} (${String(error)}); here it is:\n${text}`,
      );
      transcriptFile = null;
    }
  }
  return {
    seed: options.seed,
    path,
    shrinks: details.numShrinks,
    problems,
    scenario: found?.scenario ?? null,
    transcriptFile,
  };
}

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    process.stderr.write(
      `soak: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(2);
  },
);
