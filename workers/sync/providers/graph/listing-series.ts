/**
 * The series of a listing round (a round from no cursor: the first sync, or a resync), rebuilt from
 * what the round lists rather than from each series' instance list (docs/sync-rules.md rule 42;
 * issue 11 point 8: a first sync of 300 series fetched some 21,000 full occurrences that way).
 *
 * A listing round lists every occurrence and exception of a series in the window with its id, etag,
 * type and times; an occurrence carries nothing else of its own (its fields are the master's), and
 * an occurrence the round does not list is cancelled, exactly as from the instance list. So only the
 * master and each exception (its own fields and `originalStart`) are fetched, queued in the shared
 * `$batch`es as soon as a page names them, and the occurrences are taken as listed. The rule's
 * occurrences (an expansion, graph-to-ical.ts planSeries) are worked out as soon as the master
 * arrives, while the round still pages; only what needs every row waits for the round's end.
 *
 * A fetch sent mid-round may be newer than a row read before it (or older than one read after), so
 * a series is rebuilt this way only when every occurrence row carries the fetched master's etag (an
 * occurrence's etag is its master's, as Graph's "List instances" sample shows) and every exception
 * row its fetched exception's. Otherwise (a fetch failed, a row could not be read, the etags differ)
 * the answer is null and the provider fetches the series in full after the round, master and
 * instances, as it fetches every series a round from a cursor names: such a round lists only what
 * changed, never the whole series.
 */
import type { BatchResult } from './batch';
import type { BatchQueue } from './batch-queue';
import type { FoldedRow, SyncWindow } from './delta-round';
import { planSeries, type SeriesPlan } from './graph-to-ical';
import { GraphEventType, readGraphEvent, type GraphEvent } from './graph-types';
import { eventUrl, keptOf, type FetchedGraphItems } from './series-assembly';

export interface ListingSeries {
  /** A row of the round, as its page is read: a series' first row queues its master, an exception
   *  row its own GET. */
  note(row: FoldedRow): void;
  /** After the round, from its folded rows: each series a page named, rebuilt as above; null where
   *  it must be fetched in full. */
  assembled(rows: Iterable<FoldedRow>): Map<string, () => Promise<FetchedGraphItems | null>>;
}

/** Starts `work` now; a failure waits, handled, until the caller awaits it. */
function ahead<T>(work: Promise<T>): Promise<T> {
  work.catch(() => undefined);
  return work;
}

/** The event a GET answered, or null (not found, refused, unreadable, or the batch failed). */
async function readAnswer(answer: Promise<BatchResult> | undefined): Promise<GraphEvent | null> {
  const result = await answer?.catch(() => null);
  if (result?.status !== 200) return null;
  try {
    return readGraphEvent(result.body);
  } catch {
    return null;
  }
}

/** The series' rows in the round's order: its events, or null when one of them could not be read. */
function rowsBySeries(rows: Iterable<FoldedRow>): Map<string, GraphEvent[] | null> {
  const bySeries = new Map<string, GraphEvent[] | null>();
  for (const row of rows) {
    if (row.kind === 'unreadable') {
      if (row.seriesMasterId !== null) bySeries.set(row.seriesMasterId, null);
      continue;
    }
    if (row.kind !== 'event') continue;
    const ref = row.event.seriesMasterId ?? null;
    if (ref === null || row.event.type === GraphEventType.singleInstance) continue;
    const events = bySeries.get(ref);
    if (events === undefined) bySeries.set(ref, [row.event]);
    else events?.push(row.event);
  }
  return bySeries;
}

interface PlannedMaster {
  readonly master: GraphEvent | null;
  /** Null when the master cannot be planned: seriesToIcal then says why, as for any series. */
  readonly plan: SeriesPlan | null;
}

function planned(master: GraphEvent | null, window: SyncWindow): PlannedMaster {
  if (master?.type !== GraphEventType.seriesMaster) return { master, plan: null };
  try {
    return { master, plan: planSeries(master, { from: window.start, to: window.end }) };
  } catch {
    return { master, plan: null };
  }
}

export function listingSeries(queue: BatchQueue, window: SyncWindow): ListingSeries {
  const masters = new Map<string, Promise<PlannedMaster>>();
  const exceptions = new Map<string, Promise<BatchResult>>();
  const get = (id: string) => ahead(queue.enqueue({ method: 'GET', url: eventUrl(id) }));

  async function rebuild(ref: string, rows: readonly GraphEvent[]): Promise<FetchedGraphItems | null> {
    const { master, plan } = (await masters.get(ref)) ?? { master: null, plan: null };
    const etag = master?.['@odata.etag'];
    if (master?.type !== GraphEventType.seriesMaster || etag === undefined) return null;
    const instances: GraphEvent[] = [];
    for (const row of rows) {
      if (row.type === GraphEventType.occurrence) {
        if (row['@odata.etag'] !== etag) return null;
        instances.push(keptOf(row));
        continue;
      }
      if (row.type !== GraphEventType.exception) return null;
      const exception = await readAnswer(exceptions.get(row.id));
      if (
        exception?.type !== GraphEventType.exception ||
        exception.seriesMasterId !== ref ||
        exception['@odata.etag'] === undefined ||
        exception['@odata.etag'] !== row['@odata.etag']
      ) {
        return null;
      }
      instances.push(exception);
    }
    const item = { kind: 'series', master, instances, ...(plan ? { plan } : {}) } as const;
    return { found: new Map([[ref, item]]), missing: [], warnings: [] };
  }

  return {
    note(row) {
      if (row.kind !== 'event') return;
      const { event } = row;
      const ref = event.seriesMasterId ?? null;
      if (ref === null || event.type === GraphEventType.singleInstance) return;
      if (!masters.has(ref))
        masters.set(
          ref,
          readAnswer(get(ref)).then((master) => planned(master, window)),
        );
      if (event.type === GraphEventType.exception && !exceptions.has(event.id)) {
        exceptions.set(event.id, get(event.id));
      }
    },
    assembled(rows) {
      const series = new Map<string, () => Promise<FetchedGraphItems | null>>();
      for (const [ref, events] of rowsBySeries(rows)) {
        if (!masters.has(ref)) continue;
        series.set(ref, () => (events === null ? Promise.resolve(null) : rebuild(ref, events)));
      }
      return series;
    },
  };
}
