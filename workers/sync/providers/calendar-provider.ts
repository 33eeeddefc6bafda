/**
 * The seam between the sync engine and a kind of server (issue 11, docs/sync-rules.md rule 8 and on).
 * The engine (workers/sync/engine/) decides: push the outbox, pull, apply by identity, three-way merge,
 * conflict copies, tombstones, the empty-calendar guard, set-aside objects, progress and status. A
 * provider only talks to its server and answers in the words below; it knows nothing of IndexedDB,
 * the outbox or the engine's decisions. One folder per provider: `caldav/`, `graph/`.
 *
 * Words:
 * - an **item** is one iCalendar object (a master and its overrides, one UID), given and taken as the
 *   whole VCALENDAR text; a provider whose server does not speak iCalendar (Graph) converts both ways
 *   and keeps every property the server gives.
 * - an item's **ref** is its identity on the server (a CalDAV href, a Graph immutable id); it is what
 *   the event's `href` field stores. Its **version** (an ETag, a Graph changeKey) changes with every
 *   change; null when the server gave none.
 * - a calendar's **cursor** (a sync token, a delta link) names a point in its change history; its
 *   **stamp** (a ctag) is a version of the whole calendar for servers without a cursor.
 * All failures that are the server's or the network's are thrown as AppError (src/core/errors.ts):
 * auth (401), server with retryAfterMs (429 / 503), network; the outcomes below are the answers the
 * engine decides on.
 */
import type { Account } from '../../../src/core/model/account';
import type { DiscoveredCalendar } from '../../../src/core/sync/sync-api';

/** The identity of an item on its server. */
export type ItemRef = string;

/** Which calendar a call is about: the provider's own address for it (a collection URL, a calendar id). */
export interface RemoteCalendarRef {
  /** `Calendar.remoteUrl` as stored. */
  readonly remoteUrl: string;
}

/** What the engine asks of a calendar's state, so a provider asks its server only for that. */
export type CalendarStateScope =
  /** First sync or an interrupted one: what the calendar can do (cursor support), no versions. */
  | 'capabilities'
  /** Synced by cursor before: the current cursor. */
  | 'cursor'
  /** Synced by stamp before: the stamp (and the cursor if there is one). */
  | 'versions';

export interface RemoteCalendarState {
  /** The current cursor, where the server keeps one and it could be read cheaply; else null. */
  readonly cursor: string | null;
  readonly stamp: string | null;
  /** The server offers changes since a cursor (CalDAV sync-collection, Graph delta). */
  readonly supportsCursor: boolean;
  /** Null when the server did not say. */
  readonly readOnly: boolean | null;
}

/** Refs with their versions: a listing, or the changed part of a delta. */
export type ItemVersions = Map<ItemRef, string | null>;

export type ChangesSince =
  | {
      readonly kind: 'changes';
      /** Items added or changed since the cursor (all items when asked from no cursor). */
      readonly changed: ItemVersions;
      /** Items removed since the cursor, named explicitly by the server. */
      readonly removed: Set<ItemRef>;
      /** The cursor to store once this round is applied. */
      readonly cursor: string;
    }
  /** The server no longer knows the cursor (CalDAV valid-sync-token, Graph 410 / syncStateNotFound):
   *  the engine reconciles with a complete listing. */
  | { readonly kind: 'cursor-refused' };

export interface FetchedItem {
  readonly ref: ItemRef;
  readonly version: string | null;
  readonly ics: string;
}

export interface FetchedItems {
  readonly found: FetchedItem[];
  /** Asked for and not on the server. */
  readonly missing: ItemRef[];
  /** Oddities worth a line in the sync log (duplicates, unsolicited items), in English. */
  readonly warnings: string[];
}

export type ItemRead = { readonly kind: 'found'; readonly item: FetchedItem } | { readonly kind: 'gone' };

/** The answer to a conditional write. */
/** A part of a written change the server would not take; the rest was written without it. */
export type RefusedPart =
  /** Outlook keeps an occurrence between its neighbours' days: this one (by its original start, epoch
   *  ms) kept the server's time. */
  { readonly kind: 'occurrence-placement'; readonly originalStart: number };

export type WriteOutcome =
  | {
      readonly kind: 'written';
      readonly ref: ItemRef;
      readonly version: string | null;
      /** What was left out (never silently: the engine keeps the user's version as a copy). */
      readonly refused?: readonly RefusedPart[];
    }
  /** The condition failed: the item changed on the server (update, delete) or already exists (create). */
  | { readonly kind: 'conflict' }
  /** Not at that ref any more (deleted, or moved). */
  | { readonly kind: 'gone' }
  /** The server refuses writes to this calendar (read-only); `reason` may quote the server. */
  | { readonly kind: 'forbidden'; readonly reason: string };

export type WriteCondition =
  /** Only if nothing is at the ref (a create). */
  | { readonly kind: 'absent' }
  /** Only if the item is still at this version. */
  | { readonly kind: 'version'; readonly version: string };

export interface CreateItem {
  /** Where to create it when the client chooses refs (CalDAV: a recreate at the ref the item had);
   *  null: the provider's choice (refForNewItem, or the server's on create). */
  readonly ref: ItemRef | null;
  readonly uid: string;
  readonly ics: string;
  /** The same for every attempt of one outbox entry, so a retried create is recognised (CalDAV: the
   *  href derived from the UID; Graph: `transactionId`). */
  readonly attemptKey: string;
}

export interface UpdateItem {
  readonly ref: ItemRef;
  readonly ics: string;
  /** The last text both sides agreed on, so a provider that sends only changed fields (Graph's PATCH)
   *  knows which changed; null when there is none. */
  readonly base: string | null;
  readonly condition: WriteCondition;
}

export interface CalendarProvider {
  /** The calendars of the account, with names, colours and what the user may do. */
  discoverCalendars(): Promise<readonly DiscoveredCalendar[]>;
  /** The calendar's state (one cheap request). */
  readState(calendar: RemoteCalendarRef, scope: CalendarStateScope): Promise<RemoteCalendarState>;
  /** Changes since `cursor`, or every item from no cursor (only when `supportsCursor`). */
  listChanges(calendar: RemoteCalendarRef, cursor: string | null): Promise<ChangesSince>;
  /** Every item's ref and version, for servers without a cursor. */
  listItems(calendar: RemoteCalendarRef): Promise<ItemVersions>;
  /** The items at `refs` (at most `batchSize` per call; the engine batches). */
  fetchItems(calendar: RemoteCalendarRef, refs: readonly ItemRef[]): Promise<FetchedItems>;
  readItem(calendar: RemoteCalendarRef, ref: ItemRef): Promise<ItemRead>;
  /** The server's address for a new item, when it is chosen by the client (CalDAV); null when the
   *  server chooses it on create (Graph). */
  refForNewItem(calendar: RemoteCalendarRef, uid: string): ItemRef | null;
  create(calendar: RemoteCalendarRef, item: CreateItem): Promise<WriteOutcome>;
  update(calendar: RemoteCalendarRef, item: UpdateItem): Promise<WriteOutcome>;
  remove(calendar: RemoteCalendarRef, ref: ItemRef, condition: WriteCondition): Promise<WriteOutcome>;
  /** Refs of the items carrying this UID (a create whose answer was lost, an edited item moved). */
  findByUid(calendar: RemoteCalendarRef, uid: string): Promise<ItemRef[]>;
  /** Same ref? (CalDAV compares normalised hrefs.) */
  sameRef(a: ItemRef, b: ItemRef): boolean;
  /**
   * Is the server's text `server` made only of what the app sent (`sent`: the last agreed text and the
   * texts of writes that may have arrived)? CalDAV stores a text as sent: one of them, the same once
   * normalised (rule 2). Graph stores fields, gives its own text back, and writes a series in several
   * requests that may stop part way: each part (the master's fields, each occurrence) as one of them
   * gave it. Decides whether what the server holds is a version the user deleted
   * (engine/delete-base.ts) or an edit made since by someone else, which wins (rule 4).
   */
  holdsSent(sent: readonly string[], server: string): boolean;
  /** Items per fetchItems call that suit this server. */
  readonly batchSize: number;
  /** Requests sent so far, retries included. */
  requestCount(): number;
}

/** How a provider proves who the user is: a login (CalDAV) or a bearer token asked of the page (Graph). */
export type ProviderCredentials =
  | { readonly kind: 'basic'; readonly username: string; readonly password: string }
  | {
      readonly kind: 'bearer';
      /** A fresh access token; throws AppError kind auth when the page cannot get one without the
       *  user (sign in again). `refused` is the token the server just refused (401), to get another. */
      readonly token: (refused?: string) => Promise<string>;
    };

/** What every provider is built from. */
export interface ProviderDeps {
  readonly fetch: typeof fetch;
  readonly now: () => number;
  readonly credentials: ProviderCredentials;
}

/** The engine asks for an account's provider (workers/sync/providers/provider-for.ts builds it). */
export type ProviderFor = (account: Exclude<Account, { kind: 'local' }>) => Promise<CalendarProvider>;
