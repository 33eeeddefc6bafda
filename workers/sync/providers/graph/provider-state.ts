/**
 * What the Graph provider keeps between runs, per calendar, outside the events (nothing of it goes
 * into the event text): which series or single each instance id it has listed belongs to, so that a
 * removal naming only an occurrence id (Graph's occurrence ids do not name their master) becomes
 * "this series changed" or "this series is gone" (series-assembly.ts).
 *
 * The map is kept per cursor: `at` is the cursor it is true at. A round computes the next map from
 * the one at the cursor it started from and keeps both, because the engine stores a new cursor only
 * once the round is applied: a round that failed is asked again from the old cursor, and must find
 * the old map (a removal already folded into the new one would otherwise be forgotten).
 *
 * Stored in the `providerState` table (src/core/db/migrations.ts v4) by account and calendar, and read
 * back through a validator: anything unreadable is as if nothing were kept (the next round is then a
 * reconciling listing).
 */
import type { AlmanacDb } from '../../../../src/core/db/almanac-db';

/** Instance id (an occurrence, an exception, or a single event) → its item's ref (master id, or itself). */
export type Members = Readonly<Record<string, string>>;

export interface MembersAt {
  /** The cursor (as returned by listChanges) this map is true at. */
  readonly at: string;
  readonly members: Members;
}

export interface GraphCalendarState {
  /** At most two: the cursor a round started from and the one it returned. */
  readonly snapshots: readonly MembersAt[];
  /** The app's UID → ref of the items this provider created (Graph gives each its own iCalUId), so
   *  findByUid finds them under the UID the app knows. */
  readonly created?: Readonly<Record<string, string>>;
  /** The `transactionId` of each create this provider sent → the app's UID, kept before the POST:
   *  a create whose answers were all lost is recognised by it when read (app-uids.ts). */
  readonly sent?: Readonly<Record<string, string>>;
}

export interface ProviderStateStore {
  read(calendarKey: string): Promise<unknown>;
  write(calendarKey: string, value: unknown): Promise<void>;
}

export const EMPTY_STATE: GraphCalendarState = { snapshots: [] };

function isMembers(value: unknown): value is Members {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((ref) => typeof ref === 'string');
}

/** The stored value as a state, or the empty state when it is not one. */
export function readGraphCalendarState(value: unknown): GraphCalendarState {
  if (typeof value !== 'object' || value === null) return EMPTY_STATE;
  const snapshots = (value as { snapshots?: unknown }).snapshots;
  if (!Array.isArray(snapshots)) return EMPTY_STATE;
  const { created, sent } = value as { created?: unknown; sent?: unknown };
  const valid: MembersAt[] = [];
  for (const snapshot of snapshots as unknown[]) {
    if (typeof snapshot !== 'object' || snapshot === null) return EMPTY_STATE;
    const { at, members } = snapshot as { at?: unknown; members?: unknown };
    if (typeof at !== 'string' || !isMembers(members)) return EMPTY_STATE;
    valid.push({ at, members });
  }
  return {
    snapshots: valid,
    ...(isMembers(created) ? { created } : {}),
    ...(isMembers(sent) ? { sent } : {}),
  };
}

/** The members true at `cursor`, or null when nothing is kept for it. */
export function membersAt(state: GraphCalendarState, cursor: string): Members | null {
  return state.snapshots.find((snapshot) => snapshot.at === cursor)?.members ?? null;
}

/** The state after a round from `from` (null: a listing) that ended at `to` with `members`. */
export function afterRound(
  state: GraphCalendarState,
  from: string | null,
  to: string,
  members: Members,
): GraphCalendarState {
  const kept = from === null ? [] : state.snapshots.filter((snapshot) => snapshot.at === from);
  return { ...state, snapshots: [...kept.filter((snapshot) => snapshot.at !== to), { at: to, members }] };
}

/** The latest snapshot's members changed (fetched series instances): the same cursor, a new map. */
export function withLatestMembers(state: GraphCalendarState, members: Members): GraphCalendarState {
  const latest = state.snapshots[state.snapshots.length - 1];
  if (!latest) return state;
  return { ...state, snapshots: [...state.snapshots.slice(0, -1), { at: latest.at, members }] };
}

/** One calendar's state, read (validated) and changed through the store, keyed by its Graph id. */
export interface CalendarStates {
  read(calendar: { readonly remoteUrl: string }): Promise<GraphCalendarState>;
  /** Reads, changes and writes the state, one change at a time per calendar (a round and a fetch
   *  finishing together do not overwrite each other's maps). */
  update(
    calendar: { readonly remoteUrl: string },
    change: (state: GraphCalendarState) => GraphCalendarState,
  ): Promise<void>;
}

export function calendarStates(
  store: ProviderStateStore,
  keyOf: (remoteUrl: string) => string,
): CalendarStates {
  const queues = new Map<string, Promise<void>>();
  const read = async (key: string) => readGraphCalendarState(await store.read(key));
  return {
    read: (calendar) => read(keyOf(calendar.remoteUrl)),
    update: (calendar, change) => {
      const key = keyOf(calendar.remoteUrl);
      const run = (queues.get(key) ?? Promise.resolve()).then(async () => {
        await store.write(key, change(await read(key)));
      });
      // The queue goes on after a failed write; the failure is the caller's.
      queues.set(
        key,
        run.catch(() => undefined),
      );
      return run;
    },
  };
}

/** The `providerState` table, scoped to one account. */
export function dexieProviderState(db: AlmanacDb, accountId: string): ProviderStateStore {
  const key = (calendarKey: string) => `${accountId}\u0000${calendarKey}`;
  return {
    read: async (calendarKey) => (await db.providerState.get(key(calendarKey)))?.value,
    write: async (calendarKey, value) => {
      await db.providerState.put({ key: key(calendarKey), accountId, value });
    },
  };
}

/** In memory (tests, and a provider used once without persistence). */
export function memoryProviderState(): ProviderStateStore {
  const values = new Map<string, unknown>();
  return {
    read: (calendarKey) => Promise.resolve(structuredClone(values.get(calendarKey))),
    write: (calendarKey, value) => {
      values.set(calendarKey, structuredClone(value));
      return Promise.resolve();
    },
  };
}
