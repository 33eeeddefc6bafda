/**
 * Where the bench page meets Almanac: the sync engine (`createSyncEngine`, asking `providerFor` for a
 * provider at each run as the sync worker does) with the Graph provider (`createGraphProvider`) built
 * as the app builds it: the materialised window, its state in IndexedDB's providerState table, a
 * bearer token. The bench's token is the test server's, and the provider reaches the server directly
 * (it sends CORS headers like Graph). workers/sync/providers/provider-for.ts does not build Graph
 * providers yet; once it does, build this one through it so the bench runs exactly the app's path.
 */
import type { AlmanacDb } from '../../../../src/core/db/almanac-db';
import type { CalendarId } from '../../../../src/core/model/ids';
import { getWindow } from '../../../../src/core/occurrences/window';
import { createSyncEngine, type CalendarSyncReport } from '../../../../workers/sync/engine/sync-engine';
import type { CalendarProvider } from '../../../../workers/sync/providers/calendar-provider';
import { createGraphProvider } from '../../../../workers/sync/providers/graph/graph-provider';
import { dexieProviderState } from '../../../../workers/sync/providers/graph/provider-state';

export interface AlmanacGraph {
  /** A provider for setting up (discovering the calendars). */
  readonly provider: CalendarProvider;
  readonly engine: { syncCalendar(calendarId: CalendarId): Promise<CalendarSyncReport> };
  /** Time spent inside the provider's listChanges (the delta rounds) since the last call: the rest of
   *  a sync's wall time is what the engine does after the listing. */
  takeListingMs(): number;
}

export interface AlmanacGraphInput {
  readonly db: AlmanacDb;
  readonly fetch: typeof fetch;
  /** `http://127.0.0.1:<port>/v1.0`: the test server. */
  readonly baseUrl: string;
  readonly token: string;
  readonly viewerZone: string;
  /** The bench's Graph account (its provider state is kept under it). */
  readonly accountId: string;
}

export function openAlmanacGraph(input: AlmanacGraphInput): AlmanacGraph {
  const now = () => Date.now();
  const ctx = { now, viewerZone: input.viewerZone };
  const build = () =>
    createGraphProvider({
      fetch: input.fetch,
      now,
      credentials: { kind: 'bearer', token: () => Promise.resolve(input.token) },
      baseUrl: input.baseUrl,
      window: async () => {
        const window = await getWindow(input.db, ctx);
        return { start: window.from, end: window.to };
      },
      state: dexieProviderState(input.db, input.accountId),
    });
  let listingMs = 0;
  const timed = (): CalendarProvider => {
    const provider = build();
    return {
      ...provider,
      listChanges: async (calendar, cursor) => {
        const started = performance.now();
        try {
          return await provider.listChanges(calendar, cursor);
        } finally {
          listingMs += performance.now() - started;
        }
      },
    };
  };
  const engine = createSyncEngine({
    db: input.db,
    providerFor: () => Promise.resolve(timed()),
    now,
    viewerZone: input.viewerZone,
    random: () => Math.random(),
    log: () => undefined,
  });
  return {
    provider: build(),
    engine,
    takeListingMs: () => {
      const ms = listingMs;
      listingMs = 0;
      return ms;
    },
  };
}
