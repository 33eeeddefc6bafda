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
import { underAppUids, type AppUids } from './app-uids';
import { calendarIdOf, discoverCalendars } from './calendars';
import {
  decodeCursor,
  DELTA_PAGE_SIZE,
  DeltaEndpoint,
  deltaPath,
  type FoldedRow,
  runDeltaRound,
  sameWindow,
  type SyncWindow,
} from './delta-round';
import { createGraphClient, isRecord, type GraphClient } from './graph-client';
import { seriesToIcal, singleToIcal } from './graph-to-ical';
import { GraphEventType, type GraphEvent } from './graph-types';
import { createGraphWrites } from './graph-writes';
import { madeOfSent, seriesWriteOf } from './holds-sent';
import { changedFields } from './ical-to-graph';
import {
  afterRound,
  calendarStates,
  membersAt,
  withLatestMembers,
  type GraphCalendarState,
  type Members,
  type ProviderStateStore,
} from './provider-state';
import { createBatchQueue } from './batch-queue';
import {
  listedRound,
  type ConvertedItems,
  type ConvertedSingle,
  type EarlySeries,
  type ListedRound,
} from './listed-round';
import { listingSeries } from './listing-series';
import {
  foldChanges,
  membersAfterFetch,
  startFetch,
  type FetchedGraphItems,
  type GraphItem,
} from './series-assembly';

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

/**
 * Items per fetchItems call, which is also how many the engine applies in one transaction: the batch
 * queue splits what must be requested into `$batch`es of 20 (docs/sync-rules.md rule 47), and most
 * items of a first sync cost no request at all (singles listed in full, series fetched while the
 * round paged). At 20 a 5,000-event first sync took 250 transactions, each with its own bookkeeping.
 */
export const GRAPH_BATCH_SIZE = 200;

/** Starts `work` now; a failure waits, handled, until the caller awaits it. */
function ahead<T>(work: Promise<T>): Promise<T> {
  work.catch(() => undefined);
  return work;
}

const defaultSleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

function latestMembers(state: GraphCalendarState): Members {
  return state.snapshots[state.snapshots.length - 1]?.members ?? {};
}

/** Fetched Graph items as the engine's items; one that cannot be converted is a warning. */
function converted(fetched: FetchedGraphItems, window: SyncWindow): ConvertedItems {
  const found: FetchedItem[] = [];
  const warnings: string[] = [];
  for (const [ref, item] of fetched.found) {
    try {
      found.push(toIcs(ref, item, window));
    } catch (error) {
      warnings.push(`Event ${ref} could not be converted and was skipped: ${String(error)}`);
    }
  }
  return { found, warnings };
}

function fetchedSingle(ref: string, event: GraphEvent): FetchedGraphItems {
  return { found: new Map([[ref, { kind: 'single', event }]]), missing: [], warnings: [] };
}

function toIcs(ref: string, item: GraphItem, window: SyncWindow): FetchedItem {
  if (item.kind === 'single') {
    return { ref, version: item.event['@odata.etag'] ?? null, ics: singleToIcal(item.event) };
  }
  const ics = seriesToIcal(
    { master: item.master, instances: item.instances, window: { from: window.start, to: window.end } },
    item.plan,
  );
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
  // Series fetches of every calendar share one queue, so their $batches go out full.
  const queue = createBatchQueue(client);
  // What the last round of each calendar listed (listed-round.ts), by remote URL.
  const rounds = new Map<string, ListedRound>();
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
    rounds.delete(calendar.remoteUrl);
    // Each series a page names is fetched while the next pages travel, in shared $batches of 20
    // (from a cursor: its master and instances, whichever page names it first; a listing: its master
    // and exceptions, listing-series.ts); listed-round.ts decides whether the answer can be used once
    // the round is complete. Singles are converted as their page is read, while the next one travels.
    const prefetched = new Map<string, () => Promise<EarlySeries>>();
    const convertedSingles = new Map<string, ConvertedSingle>();
    const listing = cursor === null ? listingSeries(queue, window) : null;
    const onRow = (row: FoldedRow) => {
      if (row.kind !== 'event') return;
      const { event } = row;
      if (event.type === GraphEventType.singleInstance) {
        convertedSingles.set(event.id, { event, items: converted(fetchedSingle(event.id, event), window) });
        return;
      }
      if (listing) {
        listing.note(row);
        return;
      }
      const ref = event.seriesMasterId ?? null;
      if (ref === null || prefetched.has(ref)) return;
      // Converted as soon as it arrives: the page mostly waits for the next delta page then.
      const series = ahead(
        startFetch(queue, client, [ref], () => true, window).then((fetched) => ({
          fetched,
          items: converted(fetched, window),
        })),
      );
      prefetched.set(ref, () => series);
    };
    const round = await runDeltaRound(client, start, window, deps.deltaPageSize ?? DELTA_PAGE_SIZE, onRow);
    queue.flush();
    if (round.kind === 'cursor-refused') return round;
    for (const [ref, rebuild] of listing?.assembled(round.rows.values()) ?? []) {
      prefetched.set(ref, () =>
        rebuild().then((fetched) => {
          if (!fetched) throw new Error(`Series ${ref} is fetched in full after its listing.`);
          return { fetched, items: converted(fetched, window) };
        }),
      );
    }
    const folded = foldChanges(known, round.rows.values());
    await states.update(calendar, (current) => afterRound(current, cursor, round.cursor, folded.members));
    rounds.set(
      calendar.remoteUrl,
      listedRound({
        rows: round.rows.values(),
        singles: folded.singles,
        convertedSingles,
        prefetched,
        members: folded.members,
      }),
    );
    return { kind: 'changes', changed: folded.changed, removed: folded.removed, cursor: round.cursor };
  }

  /** The stored members' view when no round of this run listed the calendar (a read on its own). */
  async function storedSeries(calendar: RemoteCalendarRef): Promise<(ref: string) => boolean> {
    const members = latestMembers(await states.read(calendar));
    const series = new Set(Object.entries(members).flatMap(([id, ref]) => (id === ref ? [] : [ref])));
    return (ref) => series.has(ref);
  }

  /** Fetches `refs` now, through the shared queue. */
  function fetchNow(refs: readonly string[], isSeries: (ref: string) => boolean, window: SyncWindow) {
    if (refs.length === 0) return null;
    const fetched = ahead(startFetch(queue, client, refs, isSeries, window));
    queue.flush();
    return fetched;
  }

  // What this app created in each calendar (app-uids.ts), read once per run rather than with the whole
  // state (every listed instance id) for each fetch of 200 items; a write forgets it.
  const created = new Map<string, Promise<AppUids>>();
  /** A write's own result, the UIDs forgotten before and after it (it may add one). */
  const writing = async <T>(calendar: RemoteCalendarRef, write: () => Promise<T>): Promise<T> => {
    created.delete(calendar.remoteUrl);
    try {
      return await write();
    } finally {
      created.delete(calendar.remoteUrl);
    }
  };
  const createdUids = (calendar: RemoteCalendarRef) => {
    let uids = created.get(calendar.remoteUrl);
    if (!uids) {
      uids = states.read(calendar).then((state) => ({ created: state.created, sent: state.sent }));
      created.set(calendar.remoteUrl, uids);
      uids.catch(() => created.delete(calendar.remoteUrl));
    }
    return uids;
  };

  /** Items fetched (or listed in full), those created here under the app's UID (app-uids.ts). */
  async function fetchItems(
    calendar: RemoteCalendarRef,
    refs: readonly string[],
    useListed = true,
  ): Promise<FetchedItems> {
    const { keys, ...result } = await fetchGraphItems(calendar, refs, useListed);
    if (result.found.length === 0) return result;
    return { ...result, found: underAppUids(result.found, await createdUids(calendar), keys) };
  }

  async function fetchGraphItems(
    calendar: RemoteCalendarRef,
    refs: readonly string[],
    useListed: boolean,
  ): Promise<FetchedItems & { readonly keys: ReadonlyMap<string, string> }> {
    const window = await deps.window();
    const found: FetchedItem[] = [];
    const warnings: string[] = [];
    const missing: string[] = [];
    // Ref → the transactionId of an item an app created with one (app-uids.ts).
    const keys = new Map<string, string>();
    const keep = (ref: string, event: GraphEvent) => {
      if (typeof event.transactionId === 'string') keys.set(ref, event.transactionId);
    };
    const keepAll = (fetched: FetchedGraphItems) => {
      for (const [ref, item] of fetched.found) keep(ref, item.kind === 'single' ? item.event : item.master);
    };
    const round = useListed ? rounds.get(calendar.remoteUrl) : undefined;
    const toFetch: string[] = [];
    const early: { ref: string; series: Promise<EarlySeries> }[] = [];
    for (const ref of refs) {
      const event = round?.singles.get(ref);
      const prefetched = round?.prefetched.get(ref);
      if (event) {
        keep(ref, event);
        round?.singles.delete(ref);
        const ready = round?.convertedSingles.get(ref);
        round?.convertedSingles.delete(ref);
        const single = ready?.event === event ? ready.items : converted(fetchedSingle(ref, event), window);
        found.push(...single.found);
        warnings.push(...single.warnings);
      } else if (prefetched) {
        round?.prefetched.delete(ref);
        early.push({ ref, series: prefetched() });
      } else toFetch.push(ref);
    }
    if (toFetch.length === 0 && early.length === 0) return { found, missing, warnings, keys };
    const isSeries = round ? (ref: string) => round.members.isSeries(ref) : await storedSeries(calendar);
    const fresh = fetchNow(toFetch, isSeries, window);
    const results: FetchedGraphItems[] = [];
    const again: string[] = [];
    for (const { ref, series } of early) {
      // A failed or outdated early fetch is simply made again now.
      const result = await series.catch(() => null);
      if (result && round?.agrees(ref, result.fetched)) {
        keepAll(result.fetched);
        results.push(result.fetched);
        missing.push(...result.fetched.missing);
        found.push(...result.items.found);
        warnings.push(...result.fetched.warnings, ...result.items.warnings);
      } else again.push(ref);
    }
    const late = fetchNow(again, () => true, window);
    for (const answer of [fresh, late]) {
      if (!answer) continue;
      const fetched = await answer;
      keepAll(fetched);
      results.push(fetched);
      missing.push(...fetched.missing);
      const items = converted(fetched, window);
      found.push(...items.found);
      warnings.push(...fetched.warnings, ...items.warnings);
    }
    await keepMembers(calendar, round, results);
    return { found, missing, warnings, keys };
  }

  /** The latest snapshot's members after a fetch: written only when a series' instances changed. */
  async function keepMembers(
    calendar: RemoteCalendarRef,
    round: ListedRound | undefined,
    results: readonly FetchedGraphItems[],
  ): Promise<void> {
    if (round) {
      let changed = false;
      for (const fetched of results) changed = round.members.replace(fetched) || changed;
      if (!changed) return;
      const members = round.members.toRecord();
      await states.update(calendar, (current) =>
        current.snapshots.length === 0 ? current : withLatestMembers(current, members),
      );
      return;
    }
    await states.update(calendar, (current) =>
      current.snapshots.length === 0
        ? current
        : withLatestMembers(
            current,
            results.reduce((members, fetched) => membersAfterFetch(members, fetched), latestMembers(current)),
          ),
    );
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
      // What the round listed may no longer be what the server holds: fetched again if asked for.
      rounds.get(calendar.remoteUrl)?.singles.clear();
      rounds.get(calendar.remoteUrl)?.convertedSingles.clear();
      rounds.get(calendar.remoteUrl)?.prefetched.clear();
      return writing(calendar, () => writes.create(calendar, item));
    },
    update: (calendar, item) => {
      rounds.get(calendar.remoteUrl)?.singles.delete(item.ref);
      rounds.get(calendar.remoteUrl)?.prefetched.delete(item.ref);
      return writing(calendar, () => writes.update(calendar, item));
    },
    remove: (calendar, ref, condition) => {
      rounds.get(calendar.remoteUrl)?.singles.delete(ref);
      rounds.get(calendar.remoteUrl)?.prefetched.delete(ref);
      return writing(calendar, () => writes.remove(calendar, ref, condition));
    },
    findByUid: (calendar, uid) => writing(calendar, () => writes.findByUid(calendar, uid)),
    sameRef: (a, b) => a === b,
    holdsSent: madeOfSent,
    batchSize: GRAPH_BATCH_SIZE,
    requestCount: () => client.requestCount(),
  };
}
