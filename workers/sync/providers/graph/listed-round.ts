/**
 * What the Graph provider holds, for one run, of a calendar's last delta round, so that fetching
 * what the round listed costs what the request floor costs (issue 11 point 8):
 *
 * - singles the round listed in full: fetching them again would cost a request; each converted to
 *   iCalendar as its page was read, while the next page travelled;
 * - series fetched while the round was still paging (their master and instances queued in shared
 *   `$batch`es as soon as a page named them, converted to iCalendar as soon as they arrived, while
 *   the page mostly waits for the next delta page). A fetch sent mid-round may be older than a later row of
 *   the same series, so one is used only if every row the round gave of the series carries the etag
 *   the fetched instance with that id has; otherwise it is fetched again after the round, as every
 *   series was before (docs/sync-rules.md rules 17, 42: the round's cursor is stored once what it
 *   listed is applied, so nothing older than the round may be applied under it). A listing round
 *   (from no cursor) fetches only their masters and exceptions and rebuilds each series from its
 *   rows when the engine asks for it (listing-series.ts);
 * - the members (which item each listed instance id belongs to, provider-state.ts) as a map kept
 *   up to date in memory: a fetch changes the stored state only when it changed a series' instance
 *   ids, instead of reading and writing the whole map for every batch.
 */
import type { FetchedItem } from '../calendar-provider';
import type { FoldedRow } from './delta-round';
import { GraphEventType, type GraphEvent } from './graph-types';
import type { Members } from './provider-state';
import type { FetchedGraphItems } from './series-assembly';

/** Instance id → the item it belongs to, with the reverse index, changed in place. */
export interface MemberIndex {
  /** A ref with listed instances other than itself: a series. */
  isSeries(ref: string): boolean;
  /** Each fetched item's instance ids replace what was kept for it (membersAfterFetch in place);
   *  true when anything changed. */
  replace(fetched: FetchedGraphItems): boolean;
  toRecord(): Members;
}

export function memberIndex(members: Members): MemberIndex {
  const byId = new Map<string, string>();
  const byRef = new Map<string, Set<string>>();
  const add = (id: string, ref: string) => {
    byId.set(id, ref);
    let ids = byRef.get(ref);
    if (!ids) byRef.set(ref, (ids = new Set()));
    ids.add(id);
  };
  for (const [id, ref] of Object.entries(members)) add(id, ref);

  const setRef = (ref: string, ids: ReadonlySet<string>): boolean => {
    const before = byRef.get(ref) ?? new Set<string>();
    let changed = before.size !== ids.size;
    for (const id of before) {
      if (ids.has(id)) continue;
      changed = true;
      byId.delete(id);
    }
    byRef.delete(ref);
    for (const id of ids) {
      const other = byId.get(id);
      if (other !== undefined && other !== ref) {
        changed = true;
        byRef.get(other)?.delete(id);
      }
      if (!before.has(id)) changed = true;
      add(id, ref);
    }
    return changed;
  };

  return {
    isSeries: (ref) => [...(byRef.get(ref) ?? [])].some((id) => id !== ref),
    replace(fetched) {
      let changed = false;
      for (const ref of fetched.missing) changed = setRef(ref, new Set()) || changed;
      for (const [ref, item] of fetched.found) {
        const ids =
          item.kind === 'single' ? new Set([ref]) : new Set(item.instances.map((instance) => instance.id));
        changed = setRef(ref, ids) || changed;
      }
      return changed;
    },
    toRecord: () => Object.fromEntries(byId),
  };
}

/** Items converted for the engine, and what could not be. */
export interface ConvertedItems {
  readonly found: readonly FetchedItem[];
  readonly warnings: readonly string[];
}

/** A series fetched while the round paged, converted as soon as it arrived. */
export interface EarlySeries {
  readonly fetched: FetchedGraphItems;
  readonly items: ConvertedItems;
}

/** A single converted while the round paged: used only for that very row (a later one replaces it). */
export interface ConvertedSingle {
  readonly event: GraphEvent;
  readonly items: ConvertedItems;
}

export interface ListedRound {
  readonly singles: Map<string, GraphEvent>;
  readonly convertedSingles: Map<string, ConvertedSingle>;
  /** Series fetched while the round paged, by ref, started or rebuilt when taken by the fetch that
   *  uses them. */
  readonly prefetched: Map<string, () => Promise<EarlySeries>>;
  readonly members: MemberIndex;
  /** The fetched series agrees with every row the round gave of it (see above). */
  agrees(ref: string, fetched: FetchedGraphItems): boolean;
}

/** Per series the round named: each row's instance id and etag (null: a row this app could not read). */
function seriesRows(rows: Iterable<FoldedRow>): Map<string, Map<string, string | null>> {
  const bySeries = new Map<string, Map<string, string | null>>();
  const note = (ref: string, id: string, etag: string | null) => {
    let ids = bySeries.get(ref);
    if (!ids) bySeries.set(ref, (ids = new Map<string, string | null>()));
    ids.set(id, etag);
  };
  for (const row of rows) {
    if (row.kind === 'unreadable') {
      if (row.seriesMasterId !== null) note(row.seriesMasterId, row.id, null);
      continue;
    }
    if (row.kind !== 'event') continue;
    const { event } = row;
    const master = event.seriesMasterId ?? null;
    if (master === null || event.type === GraphEventType.singleInstance) continue;
    note(master, event.id, event['@odata.etag'] ?? null);
  }
  return bySeries;
}

export function listedRound(input: {
  readonly rows: Iterable<FoldedRow>;
  readonly singles: Map<string, GraphEvent>;
  readonly convertedSingles?: Map<string, ConvertedSingle>;
  readonly prefetched: Map<string, () => Promise<EarlySeries>>;
  readonly members: Members;
}): ListedRound {
  const rows = seriesRows(input.rows);
  return {
    singles: input.singles,
    convertedSingles: input.convertedSingles ?? new Map<string, ConvertedSingle>(),
    prefetched: input.prefetched,
    members: memberIndex(input.members),
    agrees(ref, fetched) {
      const item = fetched.found.get(ref);
      const listed = rows.get(ref);
      if (item?.kind !== 'series' || !listed) return false;
      const etags = new Map(item.instances.map((instance) => [instance.id, instance['@odata.etag'] ?? null]));
      for (const [id, etag] of listed) {
        if (etag === null || etags.get(id) !== etag) return false;
      }
      return true;
    },
  };
}
