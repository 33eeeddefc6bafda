/**
 * The Graph benchmark's page: Almanac's real engine with its Graph provider (almanac-graph.ts) on
 * real IndexedDB, reaching the Graph test server directly as the app reaches Graph (CORS, a bearer
 * token). Exposes `window.almanacGraphBench` for tests/bench/graph/almanac-slot.ts; prints nothing.
 * The engine runs on the page's main thread rather than in the sync worker: the same code and the
 * same IndexedDB, with the page's heap the one sampled over CDP.
 */
import { createAlmanacDb } from '../../../../src/core/db/almanac-db';
import type { Calendar } from '../../../../src/core/model/calendar';
import { CALENDAR_PALETTE } from '../../../../src/core/model/calendar';
import { newAccountId, newCalendarId, type CalendarId } from '../../../../src/core/model/ids';
import type { CalendarSyncReport } from '../../../../workers/sync/engine/sync-run';
import { openAlmanacGraph } from './almanac-graph';

export interface GraphBenchSetup {
  readonly baseUrl: string;
  readonly token: string;
}

export interface GraphBenchRun {
  readonly ms: number;
  /** Requests the page sent and the time spent waiting for their answers (sent → headers). */
  readonly network: { readonly requests: number; readonly ms: number };
  /** Wall time inside the provider's listChanges (the delta rounds, and what the engine applied
   *  meanwhile), summed over the calendars. */
  readonly listingMs: number;
  readonly reports: readonly CalendarSyncReport[];
  readonly events: number;
  readonly occurrences: number;
}

export type GraphBenchAnswer<T> =
  { readonly kind: 'ok'; readonly value: T } | { readonly kind: 'unavailable'; readonly reason: string };

interface GraphBenchApi {
  setup(input: GraphBenchSetup): Promise<GraphBenchAnswer<{ calendars: number }>>;
  sync(): Promise<GraphBenchAnswer<GraphBenchRun>>;
  /** Deletes the database and sets up again: the next sync is a first sync once more. */
  reset(): Promise<GraphBenchAnswer<{ calendars: number }>>;
}

declare global {
  interface Window {
    almanacGraphBench?: GraphBenchApi;
  }
}

const db = createAlmanacDb();
const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
let network = { requests: 0, ms: 0 };

const timedFetch: typeof fetch = async (target, init) => {
  const started = performance.now();
  const response = await fetch(target, init);
  network = { requests: network.requests + 1, ms: network.ms + performance.now() - started };
  return response;
};

let session: {
  engine: { syncCalendar(calendarId: CalendarId): Promise<CalendarSyncReport> };
  takeListingMs(): number;
  calendarIds: CalendarId[];
} | null = null;
let lastSetup: GraphBenchSetup | null = null;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function setup(input: GraphBenchSetup): Promise<GraphBenchAnswer<{ calendars: number }>> {
  lastSetup = input;
  const accountId = newAccountId();
  const almanac = openAlmanacGraph({ db, fetch: timedFetch, ...input, viewerZone, accountId });
  // The account and the calendars the user would pick in Settings (all of them), as rows.
  const discovered = await almanac.provider.discoverCalendars();
  const createdAt = Date.now();
  const calendars: Calendar[] = discovered.map((found, order) => ({
    id: newCalendarId(),
    accountId,
    name: found.name,
    color: found.color ?? CALENDAR_PALETTE[order % CALENDAR_PALETTE.length] ?? '#1f6feb',
    visible: 1,
    order,
    readOnly: found.readOnly,
    remoteUrl: found.url,
    createdAt,
  }));
  // Every field a Graph account has or is getting (the model grows with the sign-in work): the row is
  // a variable, so it fits the account type before and after.
  const account = {
    id: accountId,
    kind: 'graph' as const,
    name: 'Bench',
    homeAccountId: 'bench',
    username: 'bench@example.test',
    graphBaseUrl: input.baseUrl,
    syncIntervalMinutes: 60,
    needsSignIn: false,
    createdAt,
  };
  await db.transaction('rw', db.accounts, db.calendars, async () => {
    await db.accounts.add(account);
    await db.calendars.bulkAdd(calendars);
  });
  session = {
    engine: almanac.engine,
    takeListingMs: () => almanac.takeListingMs(),
    calendarIds: calendars.map((calendar) => calendar.id),
  };
  return { kind: 'ok', value: { calendars: calendars.length } };
}

window.almanacGraphBench = {
  setup: (input) => setup(input).catch((error: unknown) => ({ kind: 'unavailable', reason: message(error) })),

  async sync() {
    if (!session) throw new Error('setup() first');
    network = { requests: 0, ms: 0 };
    session.takeListingMs();
    const started = performance.now();
    const reports: CalendarSyncReport[] = [];
    try {
      // One calendar after the other, as the scheduler runs an account's calendars.
      for (const calendarId of session.calendarIds)
        reports.push(await session.engine.syncCalendar(calendarId));
    } catch (error) {
      return { kind: 'unavailable', reason: `the sync failed: ${message(error)}` };
    }
    const ms = performance.now() - started;
    return {
      kind: 'ok',
      value: {
        ms,
        network,
        listingMs: session.takeListingMs(),
        reports,
        events: await db.events.count(),
        occurrences: await db.occurrences.count(),
      },
    };
  },

  async reset() {
    if (!lastSetup) throw new Error('setup() first');
    session = null;
    await db.delete();
    await db.open();
    return setup(lastSetup);
  },
};
