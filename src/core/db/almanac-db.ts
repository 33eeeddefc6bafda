import { Dexie, type EntityTable } from 'dexie';
import type { Account } from '../model/account';
import type { Calendar } from '../model/calendar';
import type { EventRecord } from '../model/event';
import type { OccurrenceRecord } from '../model/occurrence';
import type { OutboxEntry } from '../model/outbox';
import type { CalendarSyncState } from '../model/sync-state';
import type { ConflictCopy } from '../model/conflict-copy';
import type { SetAsideObject } from '../model/set-aside-object';
import type { SyncLogLine } from '../model/sync-log-line';
import { applyMigrations } from './migrations';

/** Small key/value facts about the database itself (materialised window, viewer zone, settings). */
export interface MetaRecord {
  readonly key: string;
  value: unknown;
}

export type AlmanacDb = Dexie & {
  accounts: EntityTable<Account, 'id'>;
  calendars: EntityTable<Calendar, 'id'>;
  events: EntityTable<EventRecord, 'id'>;
  occurrences: EntityTable<OccurrenceRecord, 'id'>;
  syncState: EntityTable<CalendarSyncState, 'calendarId'>;
  outbox: EntityTable<OutboxEntry, 'seq'>;
  meta: EntityTable<MetaRecord, 'key'>;
  conflicts: EntityTable<ConflictCopy, 'id'>;
  setAside: EntityTable<SetAsideObject, 'id'>;
  secrets: EntityTable<SecretRecord, 'id'>;
  syncLog: EntityTable<SyncLogLine, 'seq'>;
  providerState: EntityTable<ProviderStateRecord, 'key'>;
};

/** What a sync provider keeps for one calendar between runs (its own shape, validated when read). */
export interface ProviderStateRecord {
  readonly key: string;
  readonly accountId: string;
  value: unknown;
}

/** A secret kept in IndexedDB: a CryptoKey (structured-cloned, non-extractable) or other opaque value. */
export interface SecretRecord {
  readonly id: string;
  value: unknown;
}

export const DEFAULT_DB_NAME = 'almanac';

export interface OpenDbOptions {
  /** Injected IndexedDB (fake-indexeddb in Node tests); the global one otherwise. */
  readonly indexedDB?: IDBFactory;
  readonly IDBKeyRange?: typeof IDBKeyRange;
}

export function createAlmanacDb(name: string = DEFAULT_DB_NAME, options: OpenDbOptions = {}): AlmanacDb {
  const db = new Dexie(name, {
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  }) as AlmanacDb;
  applyMigrations(db);
  return db;
}
