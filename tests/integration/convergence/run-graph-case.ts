/**
 * One convergence case against Microsoft 365: a fresh calendar on the Graph test server and a fresh
 * local database with a Microsoft 365 account, synced by the real engine through the Graph provider
 * that provider-for.ts builds (reached directly, as in the worker). The scenario's operations are
 * interleaved with sync attempts under the server's fault plan, then the case syncs until settled
 * and is checked by check.ts, as run-case.ts does for CalDAV. Identities and content are compared as
 * graph-server-side.ts explains.
 */
import { getWindow } from '../../../src/core/occurrences/window';
import type { EventRecord } from '../../../src/core/model/event';
import type { EventId } from '../../../src/core/model/ids';
import { calendarUrl } from '../../../workers/sync/providers/graph/calendars';
import { createProviderFor } from '../../../workers/sync/providers/provider-for';
import { ALL_GRAPH_FAULTS, GraphFaultKind } from '../../servers/graph/index';
import type { InjectedEvent } from '../../servers/graph/index';
import { seededRandom } from '../../servers/seeded-random';
import { checkConverged } from './check';
import type { CreateSyncEngine, PortEngine as SyncEngine } from './engine-port';
import {
  caseState,
  identityOf,
  learnIdentities,
  localFields,
  remember,
  unconfirmed,
  writeUnconfirmed,
  type GraphCaseState,
} from './graph-case-state';
import type { GraphOperation, GraphScenario } from './graph-operations';
import { instanceLine, type GraphServerEntry, type Span } from './graph-server-side';
import { createLocalSide, VIEWER_ZONE } from './local-side';
import type { CaseResult } from './run-case';
import { syncOnce, syncUntilSettled, type SettleReport } from './settle';
import type { World } from './world';

const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2030, 0, 7, 8, 0);
const WRITES: ReadonlySet<string> = new Set(['POST', 'PATCH', 'DELETE']);
let caseCounter = 0;

/** The other client deleted `entry` as it saw it (`remove` does it: a delete, or a last cancellation). */
async function serverDelete(
  state: GraphCaseState,
  entry: GraphServerEntry,
  remove: () => void = () => {
    state.server.delete(entry);
  },
): Promise<void> {
  const accidental = await unconfirmed(state, entry.fields);
  const unsure = state.lostWrites.has(entry.fields.uid) || (await writeUnconfirmed(state, entry.fields.uid));
  remove();
  state.oracle.deleted(entry.fields, accidental);
  // As in run-case.ts: a write whose answer was lost, deleted there before this client learnt that it
  // arrived, may come back (rule 4: the edit wins).
  if (unsure) state.oracle.putBack(entry.fields.uid);
}

async function serverOperation(
  state: GraphCaseState,
  op: Extract<GraphOperation, { side: 'server' }>,
): Promise<void> {
  const n = ++state.counter;
  const { server } = state;
  if (op.op === 'create') {
    const created = await server.create(`Server ${n} 会議`, FIRST_DAY + n * DAY, op.recurring);
    remember(state, created, 'server');
    state.oracle.created(created);
    return;
  }
  const entries = await server.list();
  if (op.op === 'clear') {
    for (const each of entries) await serverDelete(state, each);
    return;
  }
  const pool = op.op === 'edit-one' || op.op === 'cancel-one' ? entries.filter((e) => e.recurring) : entries;
  const entry = pool[op.target % Math.max(pool.length, 1)];
  if (!entry) return;
  state.transcript.push(`  on ${entry.fields.uid} (${entry.id})`);
  if (op.op === 'edit' || op.op === 'retime') {
    const after =
      op.op === 'edit'
        ? await server.edit(entry, `Server ${n} 会議`)
        : await server.retime(entry, FIRST_DAY + n * DAY);
    remember(state, after, 'server', entry.fields);
    state.oracle.written(entry.fields, after);
  } else if (op.op === 'delete') {
    await serverDelete(state, entry);
  } else if ('occurrence' in op) {
    const instances = await server.instancesOf(entry);
    const instance = instances[op.occurrence % Math.max(instances.length, 1)];
    if (!instance) return;
    state.transcript.push(`  occurrence ${instance.id}`);
    if (op.op === 'edit-one') {
      server.editOne(instance.id, `Server ${n} 会議 (one)`);
    } else if (instances.length === 1) {
      // Its last occurrence: the series shows nothing to anyone any more, as if deleted by someone
      // who saw it (an edit made here meanwhile still wins, rule 4). But Graph keeps the master: for a
      // delete made here without seeing the cancellations, the 412 and the read that follows show a
      // version edited since (rule 4: the server's kept), while a delta round may show the series
      // gone first. Both end with nothing to see; the master nobody sees may stay here.
      await serverDelete(state, entry, () => {
        server.cancelOne(instance.id);
      });
      state.oracle.putBack(entry.fields.uid);
      return;
    } else {
      server.cancelOne(instance.id);
    }
    const after = (await server.list()).find((each) => each.id === entry.id);
    if (after) state.oracle.written(entry.fields, after.fields);
  }
}

async function localOperation(
  state: GraphCaseState,
  op: Extract<GraphOperation, { side: 'local' }>,
): Promise<void> {
  const n = ++state.counter;
  const { local } = state;
  if (op.op === 'create') {
    const created = await local.create(`Local ${n} Ünïcødé`, FIRST_DAY + n * DAY, op.recurring);
    state.identities.set(created.eventId, created.uid);
    remember(state, created, 'local');
    state.oracle.created(created);
    return;
  }
  const events = await learnIdentities(state);
  const pool = op.op === 'edit-one' || op.op === 'delete-one' ? events.filter((e) => e.recurring) : events;
  const event = pool[op.target % Math.max(pool.length, 1)];
  if (!event) return;
  const before = await localFields(state, event);
  state.transcript.push(`  on ${before.uid} (${event.href ?? 'not yet sent'})`);
  if (op.op === 'delete') {
    await local.delete(event);
    state.oracle.deleted(before, new Set());
    return;
  }
  if (op.op === 'edit-one' || op.op === 'delete-one') {
    const occurrences = (await local.occurrences(event)).filter((o) => o.recurrenceId !== null);
    const occurrence = occurrences[op.occurrence % Math.max(occurrences.length, 1)];
    if (!occurrence?.recurrenceId) return;
    state.transcript.push(`  occurrence ${occurrence.recurrenceId}`);
    if (op.op === 'edit-one') await local.editOne(event, occurrence.recurrenceId, `Local ${n} Ünïcødé (one)`);
    else await local.deleteOne(event, occurrence.recurrenceId);
    // The series' last occurrence deleted: the app deletes the event (deleteOccurrence), as the user saw it.
    if ((await local.db.events.get(event.id)) === undefined) {
      state.oracle.deleted(before, new Set());
      return;
    }
    const changed = await localFields(state, event);
    remember(state, changed, 'local', before);
    state.oracle.written(before, changed);
    return;
  }
  if (op.op === 'edit') await local.edit(event, `Local ${n} Ünïcødé`);
  else await local.retime(event, FIRST_DAY + n * DAY);
  const after = await localFields(state, event);
  remember(state, after, 'local', before);
  state.oracle.written(before, after);
}

/** The rule-5 question (docs/sync-rules.md) answered by the case's seed, as run-case.ts does. */
async function answerEmptyQuestion(state: GraphCaseState, engine: SyncEngine, seed: number): Promise<void> {
  const answer = seed % 2 === 0 ? 'put-back' : 'empty-here';
  state.asked += 1;
  state.transcript.push(`  asked: the calendar is empty on the server → ${answer}`);
  if (answer === 'put-back')
    for (const event of await learnIdentities(state)) state.oracle.putBack(identityOf(state, event));
  await engine.answerEmptyOnServer(state.local.calendarId, answer);
}

/** Notes the events whose applied write lost its answer (CaseState.lostWrites of run-case.ts). */
function noteLostWrites(state: GraphCaseState, fresh: readonly InjectedEvent[]): void {
  for (const event of fresh) {
    const applied = event.applied !== null && event.applied < 300;
    if (event.fault !== GraphFaultKind.dropResponse || !applied || !WRITES.has(event.method)) continue;
    const uid = state.server.identityAt(event.path);
    if (uid !== undefined) state.lostWrites.add(uid);
  }
}

/** What a user sees of each local event: its instances in the window (graph-server-side.ts). */
async function localProjections(state: GraphCaseState, events: readonly EventRecord[]) {
  const span = await state.window();
  const projections = new Map<EventId, string>();
  for (const event of events) {
    const lines = (await state.local.occurrences(event))
      .filter((o) => o.start < span.to && o.end > span.from)
      .map((o) => instanceLine(o.start, o.end, o.summary, o.location));
    projections.set(event.id, lines.sort().join('\n'));
  }
  return projections;
}

async function check(state: GraphCaseState): Promise<string[]> {
  const { local } = state;
  const events = await learnIdentities(state);
  const projections = await localProjections(state, events);
  const names = new Set(events.map((event) => identityOf(state, event)));
  // A series with every occurrence cancelled before this device saw it shows nothing: not missing here.
  const server = (await state.server.list()).filter(
    (entry) => entry.fields.projection !== '' || names.has(entry.fields.uid),
  );
  const conflicts = await local.db.conflicts.where('calendarId').equals(local.calendarId).toArray();
  return checkConverged({
    server,
    local: events.map((event) => ({ ...event, uid: identityOf(state, event) })),
    conflicts: conflicts.map((copy) => ({ ...copy, uid: state.identities.get(copy.eventId) ?? copy.uid })),
    expectations: state.oracle.expectations(),
    outboxLeft: await local.db.outbox.where('calendarId').equals(local.calendarId).count(),
    projectLocal: (event) => projections.get(event.id) ?? '',
  });
}

export async function runGraphCase(
  world: World,
  scenario: GraphScenario,
  createEngine: CreateSyncEngine,
): Promise<CaseResult> {
  const graph = await world.graph();
  const plan = graph.faults.plan;
  plan.setPlan({ mode: 'none' });
  plan.reseed(scenario.seed);
  const name = `conv-graph-${++caseCounter}-${scenario.seed}`;
  const graphCalendar = graph.seed.calendar({ name });
  let clock = Date.UTC(2029, 11, 1, 9, 0);
  const ctx = { now: () => clock, viewerZone: VIEWER_ZONE };
  const local = await createLocalSide({
    name: `almanac-${name}`,
    account: { kind: 'graph', graphBaseUrl: graph.baseUrl, homeAccountId: `convergence.${name}` },
    calendarUrl: calendarUrl(graph.baseUrl, graphCalendar.id),
    ctx,
  });
  const window = async (): Promise<Span> => {
    const range = await getWindow(local.db, ctx);
    return { from: range.from, to: range.to };
  };
  const state = caseState(graph, graphCalendar.id, local, window);
  state.transcript.push(`case ${name} on graph, fault rate ${scenario.faultRate}`);
  let traced = plan.stats().recorded;
  const freshRequests = (): InjectedEvent[] => {
    const stats = plan.stats();
    const count = Math.min(stats.recorded - traced, stats.recent.length);
    const fresh = count > 0 ? stats.recent.slice(-count) : [];
    traced = stats.recorded;
    state.transcript.push(
      ...fresh.map(
        (event) => `  ${event.method} ${event.path} ${event.fault ?? '-'} → ${event.status ?? 'dropped'}`,
      ),
    );
    return fresh;
  };
  let waited = 0;
  const engine = createEngine({
    db: local.db,
    providerFor: createProviderFor({
      // A Microsoft account never uses the CalDAV path: it fails loudly if it did.
      fetch: () => Promise.reject(new Error('CalDAV fetch used for a Microsoft account')),
      now: ctx.now,
      login: () => Promise.reject(new Error('a Microsoft account has no login')),
      graph: {
        fetch: (input, init) => fetch(input, init),
        tokenFor: () => () => Promise.resolve(graph.token),
        db: local.db,
        ctx,
        // Retry-After and backoff move the case's clock instead of waiting.
        sleep: (ms) => {
          clock += ms;
          waited += ms;
          return Promise.resolve();
        },
        random: seededRandom(scenario.seed ^ 0x2545f491),
      },
    }),
    now: ctx.now,
    viewerZone: VIEWER_ZONE,
    random: seededRandom(scenario.seed ^ 0x5bd1e995),
    log: (entry) => {
      freshRequests();
      state.transcript.push(`  ${entry.level} ${entry.message}`);
    },
  });
  const delaysBefore = plan.stats().faults[GraphFaultKind.processingDelay] ?? 0;
  let settle: SettleReport | null = null;
  try {
    for (const recurring of scenario.initial)
      await serverOperation(state, { side: 'server', op: 'create', recurring });
    plan.setPlan({
      mode: 'random',
      rates: Object.fromEntries(ALL_GRAPH_FAULTS.map((kind) => [kind, scenario.faultRate])),
    });
    for (const op of scenario.operations) {
      freshRequests();
      state.transcript.push(JSON.stringify(op));
      clock += 60_000;
      if (op.side === 'server') await serverOperation(state, op);
      else if (op.side === 'local') await localOperation(state, op);
      else {
        clock += 3 * 3_600_000;
        const outcome = await syncOnce(engine, local.db, local.calendarId);
        const fresh = freshRequests();
        state.transcript.push(`  → ${outcome.ok ? 'ok' : `${outcome.error.kind}: ${outcome.error.message}`}`);
        if (outcome.ok) state.lostWrites.clear();
        noteLostWrites(state, fresh);
      }
    }
    settle = await syncUntilSettled({
      engine,
      db: local.db,
      calendarId: local.calendarId,
      advanceClock: (ms) => {
        clock += ms;
      },
      faultsOff: () => {
        plan.setPlan({ mode: 'none' });
      },
      answer: () => answerEmptyQuestion(state, engine, scenario.seed),
    });
    plan.setPlan({ mode: 'none' });
    // Graph's processing delay: a round may have shown none of the latest changes; "retry the
    // deltaLink after some time" (tests/servers/graph/README.md). Only then does one more sync run,
    // so a case without a delay is checked right after it settled.
    if ((plan.stats().faults[GraphFaultKind.processingDelay] ?? 0) > delaysBefore) {
      clock += 3_600_000;
      const caughtUp = await syncOnce(engine, local.db, local.calendarId);
      state.transcript.push(`  after the processing delay → ${caughtUp.ok ? 'ok' : caughtUp.error.message}`);
    }
    freshRequests();
    state.transcript.push(
      `  (Retry-After and backoff waited ${Math.round(waited / 1000)} s of the case's clock)`,
    );
    return { problems: await check(state), transcript: state.transcript, settle, asked: state.asked };
  } catch (error) {
    freshRequests();
    const message = error instanceof Error ? error.message : String(error);
    return { problems: [message], transcript: state.transcript, settle, asked: state.asked };
  } finally {
    plan.setPlan({ mode: 'none' });
    await local.dispose();
    graph.store.removeCalendar(graphCalendar.id);
  }
}
