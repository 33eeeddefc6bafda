/**
 * The Microsoft 365 provider: CalendarProvider (../calendar-provider.ts) over Microsoft Graph, talked
 * to directly (Graph sends CORS headers; never through the CalDAV proxy). Items are single events
 * (ref = the event's immutable id) or whole series (ref = the master's immutable id): see
 * series-assembly.ts for how instances become items and delta-round.ts for the cursor.
 *
 * - readState costs nothing: the cursor is the state, and only a delta round can tell whether it is
 *   still current (one request when nothing changed).
 * - listChanges runs one delta round over the materialised window; a stored cursor for another window
 *   is refused, so the engine's reconciling listing re-anchors the calendar.
 * - fetchItems: singles the round listed in full cost nothing; the rest by `$batch`.
 * - Writes: graph-writes.ts.
 */
import { AppError, ErrorKind } from '../../../../src/core/errors';
import type { DiscoveredCalendar } from '../../../../src/core/sync/sync-api';
import type {
  CalendarProvider,
  ChangesSince,
  FetchedItem,
  FetchedItems,
  ItemRead,
  ItemVersions,
  ProviderDeps,
  RemoteCalendarRef,
  RemoteCalendarState,
} from '../calendar-provider';
import { calendarIdOf, discoverCalendars } from './calendars';
import {
  decodeCursor,
  DELTA_PAGE_SIZE,
  DeltaEndpoint,
  deltaPath,
  runDeltaRound,
  sameWindow,
  type SyncWindow,
} from './delta-round';
import { createGraphClient, isRecord, type GraphClient } from './graph-client';
import { seriesToIcal, singleToIcal } from './graph-to-ical';
import type { GraphEvent } from './graph-types';
import { createGraphWrites, type SeriesWrite } from './graph-writes';
import { changedFields, icalToGraph } from './ical-to-graph';
import {
  afterRound,
  calendarStates,
  membersAt,
  withLatestMembers,
  type GraphCalendarState,
  type Members,
  type ProviderStateStore,
} from './provider-state';
import { fetchGraphItems, foldChanges, membersAfterFetch, type GraphItem } from './series-assembly';

export interface GraphProviderDeps extends ProviderDeps {
  /** `https://graph.microsoft.com/v1.0` (configuration), no trailing slash. */
  readonly baseUrl: string;
  /** The materialised window (src/core/occurrences/window.ts), read at each round. */
  readonly window: () => Promise<SyncWindow>;
  /** What the provider keeps between runs (provider-state.ts `dexieProviderState(db, accountId)`). */
  readonly state: ProviderStateStore;
  /** docs/sync-rules.md rule 40's switch; per calendar by default. */
  readonly deltaEndpoint?: DeltaEndpoint;
  readonly deltaPageSize?: number;
  /** Waits between retries (default: setTimeout); tests record them instead. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

/** Items per fetchItems call: a `$batch` holds 20 requests (docs/sync-rules.md rule 47). */
export const GRAPH_BATCH_SIZE = 20;

const defaultSleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

/** The text as Graph writes it: an exception sends only what it sets over its master, never a rule. */
function seriesWriteOf(ics: string): SeriesWrite {
  const graph = icalToGraph(ics);
  return {
    event: graph.event,
    exceptions: graph.overrides.map((override) => {
      const { recurrence: _recurrence, ...fields } = changedFields(graph.event, override.event);
      return { originalStart: override.originalStart, event: fields };
    }),
    cancelled: graph.cancelled,
  };
}

function latestMembers(state: GraphCalendarState): Members {
  return state.snapshots[state.snapshots.length - 1]?.members ?? {};
}

function toIcs(ref: string, item: GraphItem, window: SyncWindow): FetchedItem {
  if (item.kind === 'single') {
    return { ref, version: item.event['@odata.etag'] ?? null, ics: singleToIcal(item.event) };
  }
  const ics = seriesToIcal({
    master: item.master,
    instances: item.instances,
    window: { from: window.start, to: window.end },
  });
  return { ref, version: item.master['@odata.etag'] ?? null, ics };
}

export function createGraphProvider(deps: GraphProviderDeps): CalendarProvider {
  const { credentials } = deps;
  if (credentials.kind !== 'bearer') {
    throw new AppError({
      kind: ErrorKind.invalidInput,
      message: 'A Microsoft 365 account signs in with Microsoft, not with a password.',
      retryable: false,
    });
  }
  const client: GraphClient = createGraphClient({
    fetch: deps.fetch,
    baseUrl: deps.baseUrl,
    token: credentials.token,
    sleep: deps.sleep ?? defaultSleep,
    now: deps.now,
    random: deps.random ?? Math.random,
  });
  const states = calendarStates(deps.state, calendarIdOf);
  // Singles the last round listed in full, by calendar: fetching them again would cost a request.
  const listedSingles = new Map<string, Map<string, GraphEvent>>();
  let defaultCalendarId: Promise<string> | null = null;

  const isPrimary = async (calendarId: string): Promise<boolean> => {
    if ((deps.deltaEndpoint ?? DeltaEndpoint.perCalendar) !== DeltaEndpoint.primary) return false;
    defaultCalendarId ??= client.send({ path: '/me/calendar' }).then((answer) => {
      const id = isRecord(answer.body) ? answer.body['id'] : undefined;
      return answer.status === 200 && typeof id === 'string' ? id : '';
    });
    return (await defaultCalendarId) === calendarId;
  };

  async function listChanges(calendar: RemoteCalendarRef, cursor: string | null): Promise<ChangesSince> {
    const window = await deps.window();
    const calendarId = calendarIdOf(calendar.remoteUrl);
    const state = await states.read(calendar);
    let known: Members = {};
    let start = deltaPath(calendarId, await isPrimary(calendarId), window);
    if (cursor !== null) {
      const decoded = decodeCursor(cursor);
      const members = membersAt(state, cursor);
      // Another window (re-anchor), or nothing kept for this cursor: the engine re-lists.
      if (!decoded || !sameWindow(decoded.window, window) || !members) return { kind: 'cursor-refused' };
      known = members;
      start = decoded.deltaLink;
    }
    const round = await runDeltaRound(client, start, window, deps.deltaPageSize ?? DELTA_PAGE_SIZE);
    if (round.kind === 'cursor-refused') return round;
    const folded = foldChanges(known, round.rows.values());
    await states.update(calendar, (current) => afterRound(current, cursor, round.cursor, folded.members));
    listedSingles.set(calendar.remoteUrl, folded.singles);
    return { kind: 'changes', changed: folded.changed, removed: folded.removed, cursor: round.cursor };
  }

  async function fetchItems(
    calendar: RemoteCalendarRef,
    refs: readonly string[],
    useListed = true,
  ): Promise<FetchedItems> {
    const window = await deps.window();
    const found: FetchedItem[] = [];
    const warnings: string[] = [];
    const listed = useListed ? listedSingles.get(calendar.remoteUrl) : undefined;
    const toFetch: string[] = [];
    for (const ref of refs) {
      const event = listed?.get(ref);
      if (event) {
        listed?.delete(ref);
        try {
          found.push(toIcs(ref, { kind: 'single', event }, window));
        } catch (error) {
          warnings.push(`Event ${ref} could not be converted and was skipped: ${String(error)}`);
        }
      } else toFetch.push(ref);
    }
    if (toFetch.length === 0) return { found, missing: [], warnings };
    const state = await states.read(calendar);
    const members = latestMembers(state);
    const series = new Set(Object.entries(members).flatMap(([id, ref]) => (id === ref ? [] : [ref])));
    const fetched = await fetchGraphItems(client, toFetch, (ref) => series.has(ref), window);
    warnings.push(...fetched.warnings);
    for (const [ref, item] of fetched.found) {
      try {
        found.push(toIcs(ref, item, window));
      } catch (error) {
        warnings.push(`Event ${ref} could not be converted and was skipped: ${String(error)}`);
      }
    }
    await states.update(calendar, (current) =>
      current.snapshots.length === 0
        ? current
        : withLatestMembers(current, membersAfterFetch(latestMembers(current), fetched)),
    );
    return { found, missing: fetched.missing, warnings };
  }

  const writes = createGraphWrites({
    client,
    window: deps.window,
    states,
    toGraph: seriesWriteOf,
    changedFields,
  });

  return {
    discoverCalendars: (): Promise<readonly DiscoveredCalendar[]> => discoverCalendars(client),
    readState: (): Promise<RemoteCalendarState> =>
      Promise.resolve({ cursor: null, stamp: null, supportsCursor: true, readOnly: null }),
    listChanges,
    listItems: (): Promise<ItemVersions> =>
      Promise.reject(
        new AppError({
          kind: ErrorKind.unknown,
          message:
            'Microsoft 365 calendars are listed by delta (listChanges from no cursor), not by listItems.',
          retryable: false,
        }),
      ),
    fetchItems: (calendar, refs) => fetchItems(calendar, refs),
    readItem: async (calendar, ref): Promise<ItemRead> => {
      const result = await fetchItems(calendar, [ref], false);
      const item = result.found[0];
      if (item) return { kind: 'found', item };
      if (result.missing.length > 0) return { kind: 'gone' };
      throw new AppError({
        kind: ErrorKind.server,
        message: `Microsoft 365 sent event ${ref} in a form this app cannot read.`,
        retryable: false,
        detail: result.warnings.join('\n'),
      });
    },
    refForNewItem: () => null,
    create: (calendar, item) => {
      listedSingles.get(calendar.remoteUrl)?.clear();
      return writes.create(calendar, item);
    },
    update: (calendar, item) => {
      listedSingles.get(calendar.remoteUrl)?.delete(item.ref);
      return writes.update(calendar, item);
    },
    remove: (calendar, ref, condition) => {
      listedSingles.get(calendar.remoteUrl)?.delete(ref);
      return writes.remove(calendar, ref, condition);
    },
    findByUid: (calendar, uid) => writes.findByUid(calendar, uid),
    sameRef: (a, b) => a === b,
    batchSize: GRAPH_BATCH_SIZE,
    requestCount: () => client.requestCount(),
  };
}
