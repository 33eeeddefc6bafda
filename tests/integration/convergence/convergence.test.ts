// Randomised convergence of the sync engine with faults: against real Radicale and Xandikos (issue 3,
// point 7), through the real engine (engine-port.ts), directly or through the real CORS proxy; and
// against Microsoft 365 through the Graph provider on the Graph test server (issue 11, point 7:
// run-graph-case.ts, the server's fault plan tests/servers/graph/control/fault-plan.ts).
// Properties (check.ts): local equals server after settling, no UID twice, no lost edit (a conflict
// copy counts as kept), no deleted event back. A rule-5 question (docs/sync-rules.md) is answered as its user would
// (run-case.ts). Engine bugs it found have their own tests in tests/integration/sync: moves,
// lost-answers, empty-on-server.
//
// ≥ 200 cases per run (ALMANAC_FC_RUNS overrides): about 45 s on 2 idle cores, a few minutes when
// busy (135 s at load 10). A failure prints the seed and the shrunk path; replay with
//   ALMANAC_FC_SEED=<seed> [ALMANAC_FC_PATH=<path>] npx vitest run tests/integration/convergence
// A path without ":" (a failure not shrunk) starts the run at that case: add ALMANAC_FC_RUNS=1 (or
// ALMANAC_FC_GRAPH_RUNS=1) to run that one case alone (path 133 is case 134, conv-graph-134-…).
// Alone it may pass where the run failed: the servers' ids and change keys come from one seeded
// source for the whole run, and which request of a case meets which fault follows the order its
// concurrent requests arrive in; the transcript the failure prints is the evidence.
// `npm run soak` (soak.ts) runs the same property for 10,000 cases and reports what it met.
//
// Microsoft 365 (in npm test; ALMANAC_FC_GRAPH=0 leaves it out): ≥ 200 cases
// (ALMANAC_FC_GRAPH_RUNS), about 25 s on 2 idle cores, 2 to 5 min at load 12 to 14 (the server is
// in-process, no latency). The oracle is the same; events are named across Graph's own iCalUIds by
// the create's transactionId, and "local equals server" compares every instance in the window (start, end, title,
// place), since Graph and iCalendar are two shapes of one event (graph-server-side.ts). Engine and
// provider bugs it found have tests: graph-engine.test.ts (an exception Outlook will not place; two
// conflict copies in one sync; a recreated item read back under the app's UID), three-way-merge.test.ts
// (a series placed anew against occurrence edits and cancellations), graph-lost-answers.test.ts (a
// create retried after lost answers is answered, by its transactionId, with the event as it is now:
// a retime and title made here meanwhile were lost; seed 42 case 134, which failed in some runs
// only, as timing decides which requests meet the faults: see above). Once its cases drew the
// user's occurrence edits and the other client's deletes too (every kind now, graph-operations.ts),
// it found three more: gone-when-fetched.test.ts (a series the other client deleted after it
// was reshaped here stayed here: its removed occurrences folded into "changed" and the engine ignored
// its master's 404; now deleted, rule 13), graph-put-back.test.ts (the rule-5 "put my events back"
// created an event again that the asking sync had recreated itself: one event twice; now looked up
// by UID first), graph-delete-after-lost-create.test.ts (a create or recreate whose answers were all
// lost, then deleted here, came back under Graph's iCalUId, which the delete's tombstone never met;
// now read under the app's UID by its transactionId, seed 2026). A delete here after a lost edit or
// a series written part way is graph-lost-answers.test.ts (holdsSent). It then found, under load
// only (seed 42, case seed 2118822650, "deleted event came back"), a series created here with an
// occurrence edit and never read back (its pull failed), then deleted here: Graph's copy gives the
// location an id derived from its name, and the delete's comparison (holds-sent.ts) took that for
// another's edit and kept the event; holds-sent.test.ts. Replayed alone beside other work it failed
// 6 times in 40 before, 0 in 60 after.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureServerPackages } from '../../servers/ensure-packages';
import { loadSyncEngine, type CreateSyncEngine } from './engine-port';
import { graphScenarioArbitrary } from './graph-operations';
import { scenarioArbitrary } from './operations';
import { runCase, type CaseResult } from './run-case';
import { runGraphCase } from './run-graph-case';
import { startWorld, type World } from './world';

const RUNS = Number(process.env.ALMANAC_FC_RUNS ?? 200);
const GRAPH_RUNS = Number(process.env.ALMANAC_FC_GRAPH_RUNS ?? 200);
// The suite runs a fixed seed, so a red run is a regression, not a new random case; explore other
// cases with ALMANAC_FC_SEED=<n> or ALMANAC_FC_SEED=random (seeds 45 and 265628460, once open
// findings of the CalDAV part, pass on both parts: held-since-token.test.ts has the latter's cause).
const SEED_SETTING = process.env.ALMANAC_FC_SEED ?? '42';
const SEED = SEED_SETTING === 'random' ? Date.now() % 2 ** 31 : Number(SEED_SETTING);
const PATH = process.env.ALMANAC_FC_PATH;
// ALMANAC_FC_SHRINK_MS shortens it when exploring many seeds.
const SHRINK_BUDGET_MS = Number(process.env.ALMANAC_FC_SHRINK_MS ?? 8 * 60_000);

let world: World | undefined;
let createEngine: CreateSyncEngine | undefined;

beforeAll(async () => {
  await ensureServerPackages();
  createEngine = await loadSyncEngine();
  world = await startWorld();
}, 10 * 60_000);

afterAll(async () => {
  await world?.stop();
});

describe('CalDAV sync convergence under faults', () => {
  it(
    `converges in ${RUNS} random cases (seed ${SEED})`,
    async () => {
      process.stderr.write(`convergence: fast-check seed ${SEED}${PATH ? ` path ${PATH}` : ''}\n`);
      const started = performance.now();
      let cases = 0;
      let faultFree = 0;
      let asked = 0;
      let last: CaseResult | undefined;
      // Shrinking replays cases against real servers: once it has run SHRINK_BUDGET_MS, every further
      // candidate passes, so the smallest failure found so far is the one reported. The run itself has
      // no time limit: a loaded machine makes it slower, never red.
      let shrinkingSince: number | null = null;
      await fc.assert(
        fc.asyncProperty(scenarioArbitrary, async (scenario) => {
          if (shrinkingSince !== null && performance.now() - shrinkingSince > SHRINK_BUDGET_MS) return;
          if (!world || !createEngine) throw new Error('the convergence world did not start');
          cases += 1;
          last = await runCase(world, scenario, createEngine);
          if (last.settle?.neededFaultFree) faultFree += 1;
          asked += last.asked;
          if (last.problems.length > 0) {
            shrinkingSince ??= performance.now();
            throw new Error(`${last.problems.join('\n')}\n--- transcript ---\n${last.transcript.join('\n')}`);
          }
        }),
        {
          numRuns: RUNS,
          seed: SEED,
          ...(PATH !== undefined ? { path: PATH } : {}),
        },
      );
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stderr.write(
        `convergence: ${cases} cases in ${seconds} s, ${faultFree} needed the fault-free attempts, ` +
          `${asked} rule-5 questions answered, ` +
          `${world?.faultsInjected() ?? 0} faults injected, ${world?.restarts() ?? 0} server restarts\n`,
      );
      // A replayed path runs just that case.
      expect(cases).toBeGreaterThanOrEqual(PATH !== undefined ? 1 : RUNS);
    },
    // A guard against a hang, not a speed limit (at load 15–20 on 2 cores, 140 cases took 8 min).
    60 * 60_000,
  );
});

// In `npm test`; ALMANAC_FC_GRAPH=0 leaves it out (e.g. to run the CalDAV part alone).
const GRAPH_ON = process.env.ALMANAC_FC_GRAPH !== '0';

describe.skipIf(!GRAPH_ON)('Microsoft 365 (Graph) sync convergence under faults', () => {
  it(
    `converges in ${GRAPH_RUNS} random cases (seed ${SEED})`,
    async () => {
      process.stderr.write(`convergence (graph): fast-check seed ${SEED}${PATH ? ` path ${PATH}` : ''}\n`);
      const started = performance.now();
      let cases = 0;
      let faultFree = 0;
      let asked = 0;
      let shrinkingSince: number | null = null;
      await fc.assert(
        fc.asyncProperty(graphScenarioArbitrary(), async (scenario) => {
          if (shrinkingSince !== null && performance.now() - shrinkingSince > SHRINK_BUDGET_MS) return;
          if (!world || !createEngine) throw new Error('the convergence world did not start');
          cases += 1;
          const result = await runGraphCase(world, scenario, createEngine);
          if (result.settle?.neededFaultFree) faultFree += 1;
          asked += result.asked;
          if (result.problems.length > 0) {
            shrinkingSince ??= performance.now();
            throw new Error(
              `${result.problems.join('\n')}\n--- transcript ---\n${result.transcript.join('\n')}`,
            );
          }
        }),
        { numRuns: GRAPH_RUNS, seed: SEED, ...(PATH !== undefined ? { path: PATH } : {}) },
      );
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const faults = Object.entries(world?.graphFaultsByKind() ?? {})
        .map(([kind, count]) => `${kind} ${count}`)
        .join(', ');
      process.stderr.write(
        `convergence (graph): ${cases} cases in ${seconds} s, ${faultFree} needed the fault-free attempts, ` +
          `${asked} rule-5 questions answered, faults injected: ${faults || 'none'}\n`,
      );
      expect(cases).toBeGreaterThanOrEqual(PATH !== undefined ? 1 : GRAPH_RUNS);
    },
    60 * 60_000,
  );
});
