/**
 * The sync benchmark's page: Almanac's real engine (workers/sync/engine) with real IndexedDB and the
 * real proxied fetch, on the page's own origin where scripts/serve.mjs mounts the CORS proxy. Exposes
 * `window.almanacSyncBench` for tests/bench/sync/almanac-slot.ts; prints nothing.
 *
 * The engine runs on this page's main thread rather than in the sync worker: the same code and the
 * same IndexedDB, with the page's heap the one sampled over CDP.
 */
import { saveCalDavAccount } from '../../../../src/core/accounts/account-repo';
import { createAlmanacDb } from '../../../../src/core/db/almanac-db';
import { CalDavProvider } from '../../../../src/core/model/account';
import type { CalendarId } from '../../../../src/core/model/ids';
import { createSyncEngine, type CalendarSyncReport } from '../../../../workers/sync/engine/sync-engine';
import { createProxiedFetch } from '../../../../workers/sync/proxied-fetch';
import { createProviderFor } from '../../../../workers/sync/providers/provider-for';
import { runStoreExperiment, type ExperimentObject, type StoreExperiment } from './store-experiment';

export interface SyncBenchSetup {
  readonly calendarUrl: string;
  readonly username: string;
  readonly password: string;
  readonly multigetBatchSize?: number;
}

/** Time spent waiting for answers (request sent → headers; the proxy buffers whole bodies first). */
export interface NetworkFigure {
  readonly requests: number;
  readonly ms: number;
  readonly bytes: number;
  readonly byMethod: Record<string, { count: number; ms: number }>;
}

export interface SyncBenchRun {
  readonly ms: number;
  readonly network: NetworkFigure;
  readonly report: CalendarSyncReport;
  readonly events: number;
  readonly occurrences: number;
}

interface SyncBenchApi {
  setup(input: SyncBenchSetup): Promise<void>;
  sync(): Promise<SyncBenchRun>;
  /** Deletes the database and sets up again: the next sync is a first sync once more. */
  reset(): Promise<void>;
  /** Per-object vs bulk storing of the same objects (store-experiment.ts). */
  storeExperiment(objects: readonly ExperimentObject[], batch: number): Promise<StoreExperiment>;
}

declare global {
  interface Window {
    almanacSyncBench?: SyncBenchApi;
  }
}

const db = createAlmanacDb();
const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
let network = emptyNetwork();

function emptyNetwork(): {
  requests: number;
  ms: number;
  bytes: number;
  byMethod: NetworkFigure['byMethod'];
} {
  return { requests: 0, ms: 0, bytes: 0, byMethod: {} };
}

/** The page's fetch, timed: the benchmark tells the time on the wire from the engine's own work. */
const timedFetch: typeof fetch = async (target, init) => {
  const started = performance.now();
  const response = await fetch(target, init);
  const ms = performance.now() - started;
  const method = init?.method ?? 'GET';
  const entry = (network.byMethod[method] ??= { count: 0, ms: 0 });
  entry.count += 1;
  entry.ms += ms;
  network.requests += 1;
  network.ms += ms;
  network.bytes += Number(response.headers.get('Content-Length') ?? 0);
  return response;
};

let session: { engine: ReturnType<typeof createSyncEngine>; calendarId: CalendarId } | null = null;
let lastSetup: SyncBenchSetup | null = null;

window.almanacSyncBench = {
  async setup(input) {
    lastSetup = input;
    const now = () => Date.now();
    const accountId = await saveCalDavAccount(
      db,
      {
        name: 'Bench',
        provider: CalDavProvider.other,
        serverUrl: input.calendarUrl,
        username: input.username,
        password: input.password,
        calendars: [
          {
            url: input.calendarUrl,
            name: 'bench',
            color: null,
            readOnly: false,
            supportsSyncCollection: true,
          },
        ],
      },
      { ctx: { now, viewerZone }, subtle: crypto.subtle },
    );
    const calendar = await db.calendars.where('accountId').equals(accountId).first();
    if (!calendar) throw new Error('The bench calendar was not stored.');
    const engine = createSyncEngine({
      db,
      providerFor: createProviderFor({
        fetch: createProxiedFetch(new URL('/proxy', location.href).href, timedFetch),
        now,
        // The stored password is encrypted like the app's; the bench hands the provider the plain one.
        login: () => Promise.resolve({ username: input.username, password: input.password }),
        ...(input.multigetBatchSize !== undefined ? { multigetBatchSize: input.multigetBatchSize } : {}),
      }),
      now,
      viewerZone,
      random: () => Math.random(),
      log: () => undefined,
    });
    session = { engine, calendarId: calendar.id };
  },

  async sync() {
    if (!session) throw new Error('setup() first');
    network = emptyNetwork();
    const started = performance.now();
    const report = await session.engine.syncCalendar(session.calendarId);
    const ms = performance.now() - started;
    return {
      ms,
      network,
      report,
      events: await db.events.count(),
      occurrences: await db.occurrences.count(),
    };
  },

  async reset() {
    if (!lastSetup || !window.almanacSyncBench) throw new Error('setup() first');
    session = null;
    await db.delete();
    await db.open();
    await window.almanacSyncBench.setup(lastSetup);
  },

  storeExperiment: (objects, batch) =>
    runStoreExperiment(objects, { now: () => Date.now(), viewerZone }, batch),
};
