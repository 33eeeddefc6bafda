/** What one calendar's sync carries through push and pull: the injected world and the counters. */
import type { CoreContext } from '../../../src/core/context';
import type { AlmanacDb } from '../../../src/core/db/almanac-db';
import type { Calendar } from '../../../src/core/model/calendar';
import type { AccountId, CalendarId } from '../../../src/core/model/ids';
import type { SyncLogCode, SyncLogParams } from '../../../src/core/model/sync-log-line';
import type { DavTransport } from '../caldav/transport';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
/** What a line is about, for the sync log's words in the reader's language (src/core/model/sync-log-line.ts). */
export interface SyncLogTag {
  readonly code: SyncLogCode;
  readonly params?: SyncLogParams;
}
export type SyncLog = (
  entry: { level: LogLevel; message: string; calendarId?: CalendarId } & Partial<SyncLogTag>,
) => void;

export interface SyncEngineDeps {
  readonly db: AlmanacDb;
  /** Reaches servers (proxied in the app; direct or via the proxy in tests). */
  readonly fetch: typeof fetch;
  readonly now: () => number;
  readonly viewerZone: string;
  readonly random: () => number;
  readonly credentials: (accountId: AccountId) => Promise<{ username: string; password: string }>;
  readonly log: SyncLog;
  /** Objects per calendar-multiget request (default DEFAULT_MULTIGET_BATCH). */
  readonly multigetBatchSize?: number;
}

export interface CalendarSyncReport {
  skipped: boolean;
  pushed: number;
  pulled: number;
  deletedLocally: number;
  conflicts: number;
  setAside: number;
  requests: number;
  /** Waits for the user's answer to the rule-5 question (docs/sync-rules.md): nothing sent or deleted. */
  awaitingDecision: boolean;
}

export interface SyncRun {
  readonly db: AlmanacDb;
  readonly transport: DavTransport;
  readonly calendar: Calendar;
  /** The collection URL, normalised, with its trailing slash. */
  readonly collectionUrl: string;
  readonly core: CoreContext;
  readonly report: CalendarSyncReport;
  readonly batchSize: number;
  /** Hrefs this run created on the server (a listing showing only these is still empty, rule 5). */
  readonly createdHrefs: Set<string>;
  readonly log: (level: LogLevel, message: string, tag?: SyncLogTag) => void;
  readonly progress: (done: number, total: number | null) => Promise<void>;
}

export function emptyReport(): CalendarSyncReport {
  return {
    skipped: false,
    pushed: 0,
    pulled: 0,
    deletedLocally: 0,
    conflicts: 0,
    setAside: 0,
    requests: 0,
    awaitingDecision: false,
  };
}
