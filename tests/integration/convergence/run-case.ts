/**
 * One convergence case: a fresh calendar on the chosen server and a fresh local database, the
 * scenario's operations interleaved with faulty sync attempts, then sync until settled and the
 * checks of check.ts. Returns the violations and a transcript for the failure report.
 */
import { createProxiedFetch } from '../../../workers/sync/proxied-fetch';
import { createProviderFor } from '../../../workers/sync/providers/provider-for';
import type { FaultStats } from '../../servers/fault-layer';
import { ALL_FAULTS, FaultKind } from '../../servers/fault-plan';
import { seededRandom } from '../../servers/seeded-random';
import { checkConverged } from './check';
import { textsMayHaveArrived } from '../../../workers/sync/engine/tracked-write';
import type { CreateSyncEngine, PortEngine as SyncEngine } from './engine-port';
import { fieldValue, fieldsOf, TrackedField, type ObjectFields } from './ics-fields';
import { createLocalSide, VIEWER_ZONE, type LocalSide } from './local-side';
import type { Operation, Scenario } from './operations';
import { Oracle, type Side } from './oracle';
import { serverSide, type ServerEntry, type ServerSide } from './server-side';
import { syncOnce, syncUntilSettled, type SettleReport } from './settle';
import type { World } from './world';

export interface CaseResult {
  readonly problems: readonly string[];
  readonly transcript: readonly string[];
  readonly settle: SettleReport | null;
  /** Rule-5 questions (docs/sync-rules.md) the engine asked and the case answered. */
  readonly asked: number;
}

const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2030, 0, 7, 8, 0);
let caseCounter = 0;

interface CaseState {
  readonly oracle: Oracle;
  readonly origin: Map<string, Side>;
  readonly server: ServerSide;
  readonly local: LocalSide;
  readonly transcript: string[];
  counter: number;
  asked: number;
  /**
   * UIDs the server holds a write of this client's for whose answer the client never got (a dropped
   * or cut-off response to an applied PUT), since its last sync that succeeded: the client cannot
   * have learnt that write arrived. Merged uploads included (the engine does not list those).
   */
  readonly lostWrites: Set<string>;
}

/** Records which side first wrote each value (a rewrite keeps the origin of the values it leaves as they were). */
function remember(state: CaseState, fields: ObjectFields, side: Side, before?: ObjectFields): void {
  if (before?.summary !== fields.summary) state.origin.set(fields.summary, side);
  if (before?.start !== fields.start) state.origin.set(fields.start, side);
}

/** Values the server holds that came from this client but whose upload it never saw confirmed. */
async function unconfirmed(state: CaseState, fields: ObjectFields): Promise<Set<string>> {
  const event = await state.local.db.events
    .where('[calendarId+uid]')
    .equals([state.local.calendarId, fields.uid])
    .first();
  const synced = event?.syncedIcs ? fieldsOf(event.syncedIcs) : null;
  const result = new Set<string>();
  for (const field of [TrackedField.summary, TrackedField.start]) {
    const value = fieldValue(fields, field);
    const confirmed = synced !== null && fieldValue(synced, field) === value;
    if (state.origin.get(value) === 'local' && !confirmed) result.add(value);
  }
  return result;
}

/**
 * The client holds this UID with a write it never saw confirmed: a create with no href yet, or a
 * pending write whose answer was lost (the server may hold its text, or not).
 */
async function writeUnconfirmed(state: CaseState, uid: string): Promise<boolean> {
  const event = await state.local.db.events
    .where('[calendarId+uid]')
    .equals([state.local.calendarId, uid])
    .first();
  if (event === undefined) return false;
  if (event.href === null) return true;
  const entries = await state.local.db.outbox.where('eventId').equals(event.id).toArray();
  return entries.some((entry) => entry.op !== 'delete' && textsMayHaveArrived(entry).length > 0);
}

async function serverDelete(state: CaseState, entry: ServerEntry): Promise<void> {
  const accidental = await unconfirmed(state, entry.fields);
  const unsure = state.lostWrites.has(entry.fields.uid) || (await writeUnconfirmed(state, entry.fields.uid));
  await state.server.delete(entry);
  state.oracle.deleted(entry.fields, accidental);
  // A write whose answer was lost, deleted there before this client learnt it had arrived: the client
  // cannot tell a delete that saw it from one that did not (Xandikos does not even list an object
  // created and deleted since the token), so its retry may bring it back (rule 4: the edit wins).
  // Known limit, workers/sync/engine/README.md.
  if (unsure) state.oracle.putBack(entry.fields.uid);
}

async function serverOperation(state: CaseState, op: Extract<Operation, { side: 'server' }>): Promise<void> {
  const n = ++state.counter;
  if (op.op === 'create') {
    const created = await state.server.create(
      `server-${n}@other`,
      `Server ${n} 会議`,
      FIRST_DAY + n * DAY,
      op.recurring,
    );
    remember(state, created, 'server');
    state.oracle.created(created);
    return;
  }
  const entries = await state.server.list();
  if (op.op === 'clear') {
    // The other client empties the calendar (its last events deleted: a delta lists them, rule 5).
    for (const each of entries) await serverDelete(state, each);
    return;
  }
  const entry = entries[op.target % Math.max(entries.length, 1)];
  if (!entry) return;
  state.transcript.push(`  on ${entry.fields.uid} (${entry.href})`);
  if (op.op === 'edit' || op.op === 'retime') {
    const after =
      op.op === 'edit'
        ? await state.server.edit(entry, `Server ${n} 会議`)
        : await state.server.retime(entry, FIRST_DAY + n * DAY);
    remember(state, after, 'server', entry.fields);
    state.oracle.written(entry.fields, after);
  } else if (op.op === 'delete') {
    await serverDelete(state, entry);
  } else {
    await state.server.renameHref(entry, `renamed-${n}`);
  }
}

async function localOperation(state: CaseState, op: Extract<Operation, { side: 'local' }>): Promise<void> {
  const n = ++state.counter;
  if (op.op === 'create') {
    const created = await state.local.create(`Local ${n} Ünïcødé`, FIRST_DAY + n * DAY, op.recurring);
    remember(state, created, 'local');
    state.oracle.created(created);
    return;
  }
  const events = await state.local.events();
  const event = events[op.target % Math.max(events.length, 1)];
  if (!event) return;
  const before = fieldsOf(event.ics);
  state.transcript.push(`  on ${event.uid}`);
  if (op.op === 'delete') {
    await state.local.delete(event);
    state.oracle.deleted(before, new Set());
    return;
  }
  const after =
    op.op === 'edit'
      ? await state.local.edit(event, `Local ${n} Ünïcødé`)
      : await state.local.retime(event, FIRST_DAY + n * DAY);
  remember(state, after, 'local', before);
  state.oracle.written(before, after);
}

/**
 * The user asked (rule 5) answers by the case's seed: "empty it here too" (the server-side user did
 * delete everything) or "put my events back" (then this device's copies may exist again).
 */
async function answerEmptyQuestion(state: CaseState, engine: SyncEngine, seed: number): Promise<void> {
  const { local } = state;
  const answer = seed % 2 === 0 ? 'put-back' : 'empty-here';
  state.asked += 1;
  state.transcript.push(`  asked: the calendar is empty on the server → ${answer}`);
  if (answer === 'put-back') for (const event of await local.events()) state.oracle.putBack(event.uid);
  await engine.answerEmptyOnServer(local.calendarId, answer);
}

export async function runCase(
  world: World,
  scenario: Scenario,
  createEngine: CreateSyncEngine,
): Promise<CaseResult> {
  const station = await world.station(scenario.server);
  const { server, faults } = station;
  faults.setPlan({ mode: 'none' });
  station.reseed(scenario.seed);
  const name = `conv-${++caseCounter}-${scenario.seed}`;
  const calendarUrl = await server.createCalendar(name);
  const path = new URL(calendarUrl).pathname;
  let clock = Date.UTC(2029, 11, 1, 9, 0);
  const ctx = { now: () => clock, viewerZone: VIEWER_ZONE };
  const local = await createLocalSide({
    name: `almanac-${name}`,
    account: {
      kind: 'caldav',
      serverUrl: `${faults.url}${path.replace(/[^/]+\/$/, '')}`,
      username: server.username,
    },
    calendarUrl: `${faults.url}${path}`,
    ctx,
  });
  const state: CaseState = {
    oracle: new Oracle(),
    origin: new Map(),
    server: serverSide(server, calendarUrl),
    local,
    transcript: [
      `case ${name} on ${scenario.server} via ${scenario.transport}, fault rate ${scenario.faultRate}`,
    ],
    counter: 0,
    asked: 0,
    lostWrites: new Set(),
  };
  // One transcript in order: each operation, the requests it made (faults marked) and the engine's log.
  let traced = faults.stats().recorded;
  const traceRequests = () => {
    const stats = faults.stats();
    const fresh = Math.min(stats.recorded - traced, stats.recent.length);
    traced = stats.recorded;
    if (fresh > 0) state.transcript.push(...faultLines(stats.recent.slice(-fresh)));
  };
  const engine = createEngine({
    db: local.db,
    providerFor: createProviderFor({
      fetch: scenario.transport === 'proxy' ? createProxiedFetch(world.proxyBase, fetch) : fetch,
      now: ctx.now,
      login: () => Promise.resolve({ username: server.username, password: server.password }),
    }),
    now: ctx.now,
    viewerZone: VIEWER_ZONE,
    random: seededRandom(scenario.seed ^ 0x5bd1e995),
    log: (entry) => {
      traceRequests();
      state.transcript.push(`  ${entry.level} ${entry.message}`);
    },
  });
  const faultPlan = {
    mode: 'random',
    rates: Object.fromEntries(ALL_FAULTS.map((kind) => [kind, scenario.faultRate])),
  } as const;
  let settle: SettleReport | null = null;
  try {
    for (const recurring of scenario.initial)
      await serverOperation(state, { side: 'server', op: 'create', recurring });
    faults.setPlan(faultPlan);
    for (const op of scenario.operations) {
      traceRequests();
      state.transcript.push(JSON.stringify(op));
      clock += 60_000;
      if (op.side === 'server') await serverOperation(state, op);
      else if (op.side === 'local') await localOperation(state, op);
      else {
        clock += 3 * 3_600_000;
        const before = faults.stats().recorded;
        const outcome = await syncOnce(engine, local.db, local.calendarId);
        state.transcript.push(`  → ${outcome.ok ? 'ok' : `${outcome.error.kind}: ${outcome.error.message}`}`);
        if (outcome.ok) state.lostWrites.clear();
        await noteLostWrites(state, faults.stats(), before);
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
        faults.setPlan({ mode: 'none' });
      },
      answer: () => answerEmptyQuestion(state, engine, scenario.seed),
    });
    faults.setPlan({ mode: 'none' });
    traceRequests();
    const problems = checkConverged({
      server: await state.server.list(),
      local: await local.events(),
      conflicts: await local.db.conflicts.where('calendarId').equals(local.calendarId).toArray(),
      expectations: state.oracle.expectations(),
      outboxLeft: await local.db.outbox.where('calendarId').equals(local.calendarId).count(),
    });
    return { problems, transcript: state.transcript, settle, asked: state.asked };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    traceRequests();
    return { problems: [message], transcript: state.transcript, settle, asked: state.asked };
  } finally {
    faults.setPlan({ mode: 'none' });
    await local.dispose();
    await state.server.dav.request('DELETE', calendarUrl).catch(() => undefined);
  }
}

const ANSWER_LOST: ReadonlySet<string> = new Set([FaultKind.dropResponse, FaultKind.truncatedBody]);

/** Records the UIDs of PUTs the server applied since `before` whose answer the client lost (CaseState.lostWrites). */
async function noteLostWrites(state: CaseState, stats: FaultStats, before: number): Promise<void> {
  // slice(-0) would be every recent request, not none.
  const count = Math.min(stats.recorded - before, stats.recent.length);
  const fresh = count > 0 ? stats.recent.slice(-count) : [];
  const lost = fresh.filter(
    (event) =>
      event.method === 'PUT' &&
      event.fault !== null &&
      ANSWER_LOST.has(event.fault) &&
      (event.status === null || event.status < 300),
  );
  if (lost.length === 0) return;
  const byPath = new Map(
    (await state.server.list()).map((entry) => [
      decodeURIComponent(new URL(entry.href, 'http://x').pathname),
      entry,
    ]),
  );
  for (const event of lost) {
    const entry = byPath.get(decodeURIComponent(event.path));
    if (entry) state.lostWrites.add(entry.fields.uid);
  }
}

function faultLines(
  recent: readonly { method: string; path: string; fault: string | null; status: number | null }[],
) {
  return recent.map(
    (event) => `  ${event.method} ${event.path} ${event.fault ?? '-'} → ${event.status ?? 'dropped'}`,
  );
}
