/**
 * Where the bench page meets Almanac's engine and its Graph provider (issue 11 points 1 and 4, built
 * in parallel with this benchmark): `createSyncEngine({ db, providerFor, … })` and
 * `createGraphProvider(…)` in workers/sync/providers/graph/graph-provider.ts.
 *
 * Both are reached through `import.meta.glob`, typed by the shapes planned for them below, so this
 * page builds whether or not they have landed. When the provider file is missing, or exports no
 * factory, or the engine refuses a Graph account, `openAlmanacGraph` says so and the benchmark prints
 * "not available yet" with that reason: it never prints figures Almanac did not make. Once both have
 * landed, replace the two globs with static imports so the type checker checks the calls.
 */
import type { AlmanacDb } from '../../../../src/core/db/almanac-db';
import { getWindow } from '../../../../src/core/occurrences/window';
import type { CalendarId } from '../../../../src/core/model/ids';
import type { CalendarSyncReport, SyncLog } from '../../../../workers/sync/engine/sync-run';
import type {
  CalendarProvider,
  ProviderCredentials,
  ProviderFor,
} from '../../../../workers/sync/providers/calendar-provider';
import {
  dexieProviderState,
  type ProviderStateStore,
} from '../../../../workers/sync/providers/graph/provider-state';

/** What the Graph provider is built from (`GraphProviderDeps` in graph-provider.ts, as written). */
export interface GraphProviderBenchDeps {
  readonly fetch: typeof fetch;
  readonly now: () => number;
  readonly random: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly credentials: ProviderCredentials;
  /** `http://127.0.0.1:<port>/v1.0`: the test server, reached directly (it sends CORS headers). */
  readonly baseUrl: string;
  /** The materialised window the delta rounds cover. */
  readonly window: () => Promise<{ start: number; end: number }>;
  readonly state: ProviderStateStore;
}

interface GraphProviderModule {
  readonly createGraphProvider?: (deps: GraphProviderBenchDeps) => CalendarProvider;
}

interface EngineModule {
  readonly createSyncEngine: (deps: {
    readonly db: AlmanacDb;
    readonly providerFor: ProviderFor;
    readonly now: () => number;
    readonly viewerZone: string;
    readonly random: () => number;
    readonly log: SyncLog;
  }) => { syncCalendar(calendarId: CalendarId): Promise<CalendarSyncReport> };
}

const providerModules = import.meta.glob<GraphProviderModule>(
  '../../../../workers/sync/providers/graph/graph-provider.ts',
);
const engineModules = import.meta.glob<EngineModule>('../../../../workers/sync/engine/sync-engine.ts');

export type AlmanacGraph =
  | {
      readonly available: true;
      readonly provider: CalendarProvider;
      readonly engine: ReturnType<EngineModule['createSyncEngine']>;
    }
  | { readonly available: false; readonly reason: string };

export interface AlmanacGraphInput {
  readonly db: AlmanacDb;
  readonly fetch: typeof fetch;
  readonly baseUrl: string;
  readonly token: string;
  readonly viewerZone: string;
  /** The bench's Graph account (its provider state is kept under it). */
  readonly accountId: string;
}

export async function openAlmanacGraph(input: AlmanacGraphInput): Promise<AlmanacGraph> {
  const loadProvider = Object.values(providerModules)[0];
  const loadEngine = Object.values(engineModules)[0];
  if (!loadProvider) {
    return { available: false, reason: 'workers/sync/providers/graph/graph-provider.ts has not landed' };
  }
  if (!loadEngine) return { available: false, reason: 'workers/sync/engine/sync-engine.ts is missing' };
  const [providerModule, engineModule] = await Promise.all([loadProvider(), loadEngine()]);
  const createGraphProvider = providerModule.createGraphProvider;
  if (typeof createGraphProvider !== 'function') {
    return { available: false, reason: 'graph-provider.ts exports no createGraphProvider yet' };
  }
  const now = () => Date.now();
  const ctx = { now, viewerZone: input.viewerZone };
  const provider = createGraphProvider({
    fetch: input.fetch,
    now,
    random: () => Math.random(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    credentials: { kind: 'bearer', token: () => Promise.resolve(input.token) },
    baseUrl: input.baseUrl,
    window: async () => {
      const window = await getWindow(input.db, ctx);
      return { start: window.from, end: window.to };
    },
    state: dexieProviderState(input.db, input.accountId),
  });
  const engine = engineModule.createSyncEngine({
    db: input.db,
    providerFor: () => Promise.resolve(provider),
    now,
    viewerZone: input.viewerZone,
    random: () => Math.random(),
    log: () => undefined,
  });
  return { available: true, provider, engine };
}
