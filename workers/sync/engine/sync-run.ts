/** What one calendar's sync carries through push and pull: the injected world and the counters. */
import type { CoreContext } from '../../../src/core/context';
import type { AlmanacDb } from '../../../src/core/db/almanac-db';
import type { Calendar } from '../../../src/core/model/calendar';
import type { CalendarId } from '../../../src/core/model/ids';
import type { SyncLogCode, SyncLogParams } from '../../../src/core/model/sync-log-line';
import type { CalendarProvider, ProviderFor, RemoteCalendarRef } from '../providers/calendar-provider';

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
  /** The provider of a calendar's account (workers/sync/providers/provider-for.ts), asked once per run. */
  readonly providerFor: ProviderFor;
  readonly now: () => number;
  readonly viewerZone: string;
  readonly random: () => number;
  readonly log: SyncLog;
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
  /** Talks to the calendar's server; the run knows nothing else of it. */
  readonly provider: CalendarProvider;
  readonly calendar: Calendar;
  /** The calendar on its server, as the provider names it. */
  readonly remote: RemoteCalendarRef;
  readonly core: CoreContext;
  readonly report: CalendarSyncReport;
  /** Items per fetchItems call (the provider's batch size). */
  readonly batchSize: number;
  /** Refs this run created on the server (a listing showing only these is still empty, rule 5). */
  readonly createdRefs: Set<string>;
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
