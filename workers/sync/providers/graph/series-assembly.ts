/**
 * From Graph's instances to the engine's items (docs/sync-rules.md rule 42). A delta round lists
 * instances: singles in full, occurrences and exceptions with only ids, type, times and
 * `seriesMasterId`; never masters. The engine's item is a single event (ref = its id) or a whole
 * series (ref = its master's immutable id), rebuilt from the master (`GET /me/events/{id}`) and its
 * instances in the window (`/me/events/{id}/instances`), both fetched by `$batch`.
 *
 * Removals name only an instance id, and an occurrence id does not name its master. So the provider
 * keeps, per calendar, which item each instance id it has listed belongs to (`members`,
 * provider-state.ts) and decides:
 * - a removed single → the item is removed;
 * - a removed occurrence or exception (a cancellation, or the occurrence left the window) → "this
 *   series changed" while any instance of the series is still listed, "this series is gone" when none
 *   is (a deleted series removes every instance; a series with nothing left in the window is not held);
 * - a removal of an id never listed (changes outside the window, rule 43) → ignored.
 * A series' version in a delta is null: any row of it means something changed and only a fetch can
 * say what. Cancellations Graph does not announce are noticed all the same: cancelling changes the
 * master's etag, which every occurrence carries, so the series' occurrences come again and the
 * series is fetched; its instance list replaces what was kept.
 */
import { AppError, ErrorKind } from '../../../../src/core/errors';
import type { BatchResult } from './batch';
import { createBatchQueue, type BatchQueue, type QueuedRequest } from './batch-queue';
import { isRecord, type GraphClient } from './graph-client';
import type { FoldedRow, SyncWindow } from './delta-round';
import type { SeriesPlan } from './graph-to-ical';
import { GraphEventType, readGraphCollectionPage, readGraphEvent, type GraphEvent } from './graph-types';
import type { Members } from './provider-state';

export interface FoldedChanges {
  /** Item refs changed, with the version to compare (a single's etag; null for a series). */
  readonly changed: Map<string, string | null>;
  readonly removed: Set<string>;
  readonly members: Members;
  /** Singles listed in full by the round, so fetching them costs no request. */
  readonly singles: Map<string, GraphEvent>;
}

/** Applies a round's folded rows to the members known at its start (a listing starts from none). */
export function foldChanges(known: Members, rows: Iterable<FoldedRow>): FoldedChanges {
  const members = new Map(Object.entries(known));
  const changed = new Map<string, string | null>();
  const removed = new Set<string>();
  const singles = new Map<string, GraphEvent>();
  const touchedSeries = new Set<string>();
  for (const row of rows) {
    if (row.kind === 'removed') {
      const { id } = row.removed;
      const ref = members.get(id);
      if (ref === undefined) continue;
      members.delete(id);
      if (ref === id) removed.add(id);
      else touchedSeries.add(ref);
      continue;
    }
    if (row.kind === 'unreadable') {
      const ref = row.seriesMasterId ?? row.id;
      members.set(row.id, ref);
      changed.set(ref, null);
      continue;
    }
    const { event } = row;
    const master = event.seriesMasterId ?? null;
    if (event.type === GraphEventType.singleInstance || master === null) {
      members.set(event.id, event.id);
      // A master never comes in a delta; one that did is fetched like a series.
      changed.set(
        event.id,
        event.type === GraphEventType.singleInstance ? (event['@odata.etag'] ?? null) : null,
      );
      if (event.type === GraphEventType.singleInstance) singles.set(event.id, event);
      continue;
    }
    members.set(event.id, master);
    changed.set(master, null);
  }
  const stillListed = new Set(members.values());
  for (const ref of touchedSeries) {
    if (stillListed.has(ref)) changed.set(ref, null);
    else removed.add(ref);
  }
  // A ref both removed and changed (a single that became a series under the same id) is fetched.
  for (const ref of changed.keys()) removed.delete(ref);
  return { changed, removed, members: Object.fromEntries(members), singles };
}

export type GraphItem =
  | { readonly kind: 'single'; readonly event: GraphEvent }
  | {
      readonly kind: 'series';
      readonly master: GraphEvent;
      readonly instances: readonly GraphEvent[];
      /** graph-to-ical.ts planSeries of the master, when made ahead. */
      readonly plan?: SeriesPlan;
    };

export interface FetchedGraphItems {
  readonly found: Map<string, GraphItem>;
  readonly missing: string[];
  readonly warnings: string[];
}

function instancesUrl(masterId: string, window: SyncWindow): string {
  const start = encodeURIComponent(new Date(window.start).toISOString());
  const end = encodeURIComponent(new Date(window.end).toISOString());
  return `/me/events/${encodeURIComponent(masterId)}/instances?startDateTime=${start}&endDateTime=${end}`;
}

export const eventUrl = (id: string) => `/me/events/${encodeURIComponent(id)}`;

/** Instances per page: a weekly series over the three-year window is one page, not sixteen of ten. */
export const INSTANCES_PAGE_SIZE = 500;
const PAGE_PREFERENCE = `odata.maxpagesize=${INSTANCES_PAGE_SIZE}`;

function unreadable(what: string, cause: unknown): AppError {
  return new AppError(
    {
      kind: ErrorKind.server,
      message: `Microsoft 365 answered ${what} with something this app cannot read.`,
      retryable: true,
      detail: cause instanceof Error ? cause.message : String(cause),
    },
    { cause },
  );
}

/**
 * What a series keeps of an occurrence: its ids, etag, type and times (graph-to-ical.ts knows it by its
 * start, listed-round.ts compares its etag); the rest of Graph's full event is the master's. Not
 * holding it for every occurrence of every series a first sync fetches keeps the heap down (5,000
 * events with 300 series: about 40 MB). Exceptions keep everything: they carry their own fields.
 */
export function keptOf(event: GraphEvent): GraphEvent {
  if (event.type !== GraphEventType.occurrence) return event;
  const etag = event['@odata.etag'];
  return {
    id: event.id,
    type: event.type,
    start: event.start,
    end: event.end,
    ...(etag !== undefined ? { '@odata.etag': etag } : {}),
    ...(event.seriesMasterId !== undefined ? { seriesMasterId: event.seriesMasterId } : {}),
    ...(event.isAllDay !== undefined ? { isAllDay: event.isAllDay } : {}),
  };
}

/** Every instance of a series in the window: the batch's first page, then its nextLinks. */
async function readInstances(client: GraphClient, first: BatchResult): Promise<GraphEvent[]> {
  const instances: GraphEvent[] = [];
  let body: unknown = first.body;
  for (;;) {
    let next: string | undefined;
    try {
      const page = readGraphCollectionPage(body);
      for (const raw of page.value) instances.push(keptOf(readGraphEvent(raw)));
      next = page['@odata.nextLink'];
    } catch (cause) {
      throw unreadable('the instances of a series', cause);
    }
    if (next === undefined) return instances;
    const answer = await client.send({ path: next, prefer: [PAGE_PREFERENCE] });
    if (answer.status !== 200) {
      throw new AppError({
        kind: ErrorKind.server,
        message: `Microsoft 365 answered ${answer.status} to a page of a series' instances.`,
        retryable: answer.status >= 500,
      });
    }
    body = answer.body;
  }
}

function failed(result: BatchResult | undefined, what: string): AppError {
  const error = isRecord(result?.body) && isRecord(result.body['error']) ? result.body['error'] : null;
  const code = error && typeof error['code'] === 'string' ? ` (${error['code']})` : '';
  const status = result?.status ?? 0;
  return new AppError({
    kind: status === 401 ? ErrorKind.auth : ErrorKind.server,
    message: `Microsoft 365 answered ${status} to ${what}${code}.`,
    retryable: status !== 401,
  });
}

/** Starts `work` now; a failure waits, handled, until the caller awaits it. */
function ahead<T>(work: Promise<T>): Promise<T> {
  work.catch(() => undefined);
  return work;
}

/**
 * Fetches items through `queue`: known singles by GET, known series by GET of the master and its
 * instances side by side; a ref of unknown kind is read first and, if it is a master, its instances
 * are asked for after. The first requests are queued before this returns; the caller flushes the
 * queue (or lets it fill up with others' requests first).
 */
export function startFetch(
  queue: BatchQueue,
  client: GraphClient,
  refs: readonly string[],
  isSeries: (ref: string) => boolean,
  window: SyncWindow,
): Promise<FetchedGraphItems> {
  const asked = refs.map((ref) => ({
    ref,
    master: ahead(queue.enqueue({ method: 'GET', url: eventUrl(ref) })),
    instances: isSeries(ref) ? ahead(queue.enqueue(instancesRequest(ref, window))) : null,
  }));
  return assemble(queue, client, asked, window);
}

function instancesRequest(ref: string, window: SyncWindow): QueuedRequest {
  return { method: 'GET', url: instancesUrl(ref, window), headers: { Prefer: PAGE_PREFERENCE } };
}

interface Asked {
  readonly ref: string;
  readonly master: Promise<BatchResult>;
  readonly instances: Promise<BatchResult> | null;
}

async function assemble(
  queue: BatchQueue,
  client: GraphClient,
  asked: readonly Asked[],
  window: SyncWindow,
): Promise<FetchedGraphItems> {
  const found = new Map<string, GraphItem>();
  const missing: string[] = [];
  const warnings: string[] = [];
  const masters: { ref: string; master: GraphEvent; instances: Promise<BatchResult> }[] = [];
  let unlisted = false;
  for (const { ref, master: answer, instances } of asked) {
    const result = await answer;
    if (result.status === 404) {
      missing.push(ref);
      continue;
    }
    if (result.status !== 200) throw failed(result, 'reading an event');
    let event: GraphEvent;
    try {
      event = readGraphEvent(result.body);
    } catch (cause) {
      warnings.push(`Event ${ref} could not be read and was skipped: ${String(cause)}`);
      continue;
    }
    if (event.type === GraphEventType.singleInstance) found.set(ref, { kind: 'single', event });
    else if (event.type === GraphEventType.seriesMaster) {
      unlisted ||= instances === null;
      masters.push({
        ref,
        master: event,
        instances: instances ?? ahead(queue.enqueue(instancesRequest(ref, window))),
      });
    } else {
      warnings.push(
        `Event ${ref} is an instance of ${event.seriesMasterId ?? 'a series'}, not an item; skipped.`,
      );
    }
  }
  // Masters whose kind was not known: their instances were asked for just now.
  if (unlisted) queue.flush();
  // Series with more instances than a page follow their nextLinks side by side (the client keeps
  // them within the mailbox's 4 slots).
  const assembled = await Promise.all(
    masters.map(async ({ ref, master, instances }) => {
      const result = await instances;
      if (result.status === 404) return { ref, item: null };
      if (result.status !== 200) throw failed(result, "listing a series' instances");
      const item: GraphItem = { kind: 'series', master, instances: await readInstances(client, result) };
      return { ref, item };
    }),
  );
  for (const { ref, item } of assembled) {
    if (item) found.set(ref, item);
    else missing.push(ref);
  }
  return { found, missing, warnings };
}

/** fetchItems' requests by `$batch` (startFetch with a queue of its own, flushed at once). */
export function fetchGraphItems(
  client: GraphClient,
  refs: readonly string[],
  isSeries: (ref: string) => boolean,
  window: SyncWindow,
): Promise<FetchedGraphItems> {
  const queue = createBatchQueue(client);
  const fetched = startFetch(queue, client, refs, isSeries, window);
  queue.flush();
  return fetched;
}

/** The members after fetching: each fetched series' instance ids replace what was kept for it. */
export function membersAfterFetch(known: Members, fetched: FetchedGraphItems): Members {
  const members: Record<string, string> = {};
  const replaced = new Set([...fetched.found.keys(), ...fetched.missing]);
  for (const [id, ref] of Object.entries(known)) if (!replaced.has(ref)) members[id] = ref;
  for (const [ref, item] of fetched.found) {
    if (item.kind === 'single') members[ref] = ref;
    else for (const instance of item.instances) members[instance.id] = ref;
  }
  return members;
}
