/**
 * CalDAV behind the provider seam (calendar-provider.ts): the modules of this folder, each one kind
 * of request, answering in the engine's words. A ref is a normalised absolute href (href.ts), a
 * version an ETag, a cursor a sync token (RFC 6578), a stamp a ctag. Every request of one provider
 * goes through one transport (Basic auth, the request count, retries of idempotent requests only).
 */
import { AppError, ErrorKind } from '../../../../src/core/errors';
import type { CalDavAccount } from '../../../../src/core/model/account';
import { contentHash, sameContent } from '../../engine/normalise';
import type {
  CalendarProvider,
  CalendarStateScope,
  ChangesSince,
  FetchedItems,
  ItemRead,
  ItemRef,
  ProviderDeps,
  RemoteCalendarRef,
  WriteCondition,
  WriteOutcome,
} from '../calendar-provider';
import { readCollectionState, type CollectionStateScope } from './collection-state';
import { discoverCalDav } from './discovery';
import { collectionKey, normaliseHref, objectHrefFor } from './href';
import { listMembers } from './member-listing';
import { DEFAULT_MULTIGET_BATCH, multigetBatch } from './multiget';
import {
  deleteObject,
  getObject,
  putObject,
  type WriteCondition as DavCondition,
  type WriteOutcome as DavOutcome,
} from './object-writes';
import { syncCollection } from './sync-collection';
import { createTransport } from './transport';
import { findObjectsByUid } from './uid-query';

export interface CalDavProviderDeps extends ProviderDeps {
  /** Objects per calendar-multiget request (default DEFAULT_MULTIGET_BATCH, docs/sync-rules.md rule 13). */
  readonly multigetBatchSize?: number;
}

const SCOPES: Record<CalendarStateScope, CollectionStateScope> = {
  capabilities: 'capabilities',
  cursor: 'token',
  versions: 'versions',
};

function davCondition(condition: WriteCondition): DavCondition {
  return condition.kind === 'absent' ? { ifNoneMatch: '*' } : { ifMatch: condition.version };
}

function written(href: string, outcome: DavOutcome): WriteOutcome {
  switch (outcome.kind) {
    case 'ok':
      return { kind: 'written', ref: href, version: outcome.etag };
    case 'precondition-failed':
      return { kind: 'conflict' };
    case 'gone':
      return { kind: 'gone' };
    case 'forbidden':
      return { kind: 'forbidden', reason: outcome.reason };
  }
}

/** Same href once both are normalised (percent-encoding, `@` and `%40`, no fragment: href.ts). */
export function sameHref(a: ItemRef, b: ItemRef): boolean {
  if (a === b) return true;
  try {
    return normaliseHref(a, a) === normaliseHref(b, b);
  } catch {
    return false; // not absolute: refs of this provider always are
  }
}

/** The provider of one CalDAV account; `account.serverUrl` is where its calendars are discovered. */
export function createCalDavProvider(
  account: Pick<CalDavAccount, 'serverUrl'>,
  deps: CalDavProviderDeps,
): CalendarProvider {
  const { credentials } = deps;
  if (credentials.kind !== 'basic') {
    throw new AppError({
      kind: ErrorKind.invalidInput,
      message: 'A CalDAV account signs in with a user name and password.',
      retryable: false,
    });
  }
  const transport = createTransport({
    fetch: deps.fetch,
    now: deps.now,
    username: credentials.username,
    password: credentials.password,
  });
  const keys = new Map<string, string>();
  /** The collection URL, normalised, with its trailing slash (computed once per calendar). */
  const collection = (calendar: RemoteCalendarRef): string => {
    let key = keys.get(calendar.remoteUrl);
    if (key === undefined) {
      key = collectionKey(calendar.remoteUrl);
      keys.set(calendar.remoteUrl, key);
    }
    return key;
  };
  const hrefOf = (calendar: RemoteCalendarRef, ref: ItemRef) => normaliseHref(ref, collection(calendar));

  return {
    async discoverCalendars() {
      const login = {
        serverUrl: account.serverUrl,
        username: credentials.username,
        password: credentials.password,
      };
      return (await discoverCalDav(login, { fetch: deps.fetch })).calendars;
    },

    async readState(calendar, scope) {
      const state = await readCollectionState(transport, collection(calendar), SCOPES[scope]);
      return {
        cursor: state.syncToken,
        stamp: state.ctag,
        supportsCursor: state.supportsSyncCollection,
        readOnly: state.readOnly,
      };
    },

    async listChanges(calendar, cursor): Promise<ChangesSince> {
      const delta = await syncCollection(transport, collection(calendar), cursor);
      if (delta.kind === 'invalid-token') return { kind: 'cursor-refused' };
      return { kind: 'changes', changed: delta.changed, removed: delta.removed, cursor: delta.token };
    },

    listItems: (calendar) => listMembers(transport, collection(calendar)),

    async fetchItems(calendar, refs): Promise<FetchedItems> {
      const result = await multigetBatch(transport, collection(calendar), refs);
      return {
        found: result.found.map((object) => ({ ref: object.href, version: object.etag, ics: object.ics })),
        missing: result.missing,
        warnings: result.warnings,
      };
    },

    async readItem(calendar, ref): Promise<ItemRead> {
      const href = hrefOf(calendar, ref);
      const read = await getObject(transport, href);
      if (read.kind === 'gone') return read;
      return { kind: 'found', item: { ref: href, version: read.etag, ics: read.ics } };
    },

    refForNewItem: (calendar, uid) => objectHrefFor(collection(calendar), uid, contentHash),

    async create(calendar, item) {
      // The href derived from the UID is the attempt's key: a retry meets If-None-Match and 412.
      const href =
        item.ref === null
          ? objectHrefFor(collection(calendar), item.uid, contentHash)
          : hrefOf(calendar, item.ref);
      return written(href, await putObject(transport, href, item.ics, { ifNoneMatch: '*' }));
    },

    async update(calendar, item) {
      const href = hrefOf(calendar, item.ref);
      return written(href, await putObject(transport, href, item.ics, davCondition(item.condition)));
    },

    async remove(calendar, ref, condition) {
      if (condition.kind !== 'version') {
        throw new AppError({
          kind: ErrorKind.invalidInput,
          message: 'A delete is sent only against the version it deletes.',
          retryable: false,
        });
      }
      const href = hrefOf(calendar, ref);
      return written(href, await deleteObject(transport, href, condition.version));
    },

    async findByUid(calendar, uid) {
      const found = await findObjectsByUid(transport, collection(calendar), uid);
      // A server that does not answer the query: nothing found (the caller recreates, rule 7).
      return (found ?? []).map((object) => object.href);
    },

    sameRef: sameHref,
    holdsSent: (sent, server) => sent.some((text) => sameContent(text, server)),
    batchSize: deps.multigetBatchSize ?? DEFAULT_MULTIGET_BATCH,
    requestCount: () => transport.requestCount(),
  };
}
