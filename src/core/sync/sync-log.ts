/**
 * The sync log: the one place its lines are written. Platform-free: the sync worker and the service
 * worker's background sync each inject one writer, on their own database handle, as the sync
 * service's `log` (workers/sync/sync-service.ts). Lines are bounded per calendar (or account) and in
 * total, the oldest dropped in the transaction that adds a line; each is checked here, whatever wrote
 * it: only allowed params, text redacted (log-redaction.ts), `debug` lines not kept.
 */
import { Dexie } from 'dexie';
import type { AlmanacDb } from '../db/almanac-db';
import type { AccountId, CalendarId } from '../model/ids';
import type { SyncLogCode, SyncLogLevel, SyncLogLine, SyncLogParams } from '../model/sync-log-line';
import { redactLogText } from './log-redaction';

/** What the engine, the scheduler and the service hand to the log. */
export interface SyncLogInput {
  readonly level: SyncLogLevel;
  readonly code: SyncLogCode;
  /** English words a support person understands; never a body, a credential or calendar data. */
  readonly message: string;
  readonly calendarId?: CalendarId | null;
  /** Found from the calendar when not given. */
  readonly accountId?: AccountId | null;
  readonly params?: SyncLogParams;
}

export type SyncLogWrite = (line: SyncLogInput) => void;

export interface SyncLogLimits {
  /** Lines kept per calendar (lines with no calendar: per account, and for the worker as a whole). */
  readonly perBucket: number;
  /** Lines kept in all. */
  readonly total: number;
  readonly messageChars: number;
}

export const SYNC_LOG_LIMITS: SyncLogLimits = { perBucket: 200, total: 2_000, messageChars: 400 };

/**
 * The params a line may carry: counts, the error kind, the user's answer. Decided here, not by the
 * caller: a key that is not listed is dropped with its value.
 */
export const SYNC_LOG_PARAM_KEYS: ReadonlySet<string> = new Set([
  'pushed',
  'pulled',
  'deletedLocally',
  'conflicts',
  'setAside',
  'requests',
  'count',
  'deleted',
  'queued',
  'kind',
  'status',
  'retryable',
  'answer',
]);

const PARAM_CHARS = 60;

function cleanParams(params: SyncLogParams | undefined): SyncLogParams {
  const kept: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(params ?? {})) {
    if (!SYNC_LOG_PARAM_KEYS.has(key)) continue;
    if (typeof value === 'number') {
      if (Number.isFinite(value)) kept[key] = value;
    } else if (typeof value === 'boolean') kept[key] = value;
    else if (typeof value === 'string') kept[key] = redactLogText(value, PARAM_CHARS);
  }
  return kept;
}

/** The line as stored, or null for a `debug` line (not kept). */
export function toSyncLogLine(
  input: SyncLogInput,
  at: number,
  accountId: AccountId | null,
  limits: SyncLogLimits = SYNC_LOG_LIMITS,
): SyncLogLine | null {
  if (input.level === 'debug') return null;
  const calendarId = input.calendarId ?? null;
  return {
    at,
    level: input.level,
    code: input.code,
    accountId,
    calendarId,
    bucket: calendarId ?? accountId ?? '',
    message: redactLogText(input.message, limits.messageChars),
    params: cleanParams(input.params),
  };
}

/** Adds one line and drops the oldest beyond the limits, in one transaction. */
export async function appendSyncLogLine(
  db: AlmanacDb,
  input: SyncLogInput,
  at: number,
  limits: SyncLogLimits = SYNC_LOG_LIMITS,
): Promise<void> {
  if (input.level === 'debug') return;
  await db.transaction('rw', db.syncLog, db.calendars, async () => {
    const calendarId = input.calendarId ?? null;
    const accountId =
      input.accountId ??
      (calendarId === null ? null : ((await db.calendars.get(calendarId))?.accountId ?? null));
    const line = toSyncLogLine(input, at, accountId, limits);
    if (line === null) return;
    await db.syncLog.add(line);
    const inBucket = db.syncLog
      .where('[bucket+seq]')
      .between([line.bucket, Dexie.minKey], [line.bucket, Dexie.maxKey]);
    const bucketCount = await inBucket.count();
    if (bucketCount > limits.perBucket)
      await db.syncLog.bulkDelete(await inBucket.limit(bucketCount - limits.perBucket).primaryKeys());
    const total = await db.syncLog.count();
    if (total > limits.total)
      await db.syncLog.bulkDelete(await db.syncLog.limit(total - limits.total).primaryKeys());
  });
}

/** Drops the lines of these calendars or accounts (inside the caller's transaction, if any). */
export async function removeSyncLogLines(db: AlmanacDb, buckets: readonly string[]): Promise<void> {
  for (const bucket of buckets)
    await db.syncLog.where('[bucket+seq]').between([bucket, Dexie.minKey], [bucket, Dexie.maxKey]).delete();
}

export interface SyncLogWriter {
  /** Queues the line (in order, one transaction each); never throws, never waits. */
  readonly write: SyncLogWrite;
  /** Resolves once every line queued so far is stored (or failed to be). */
  flush(): Promise<void>;
}

/**
 * The writer a sync service gets as its `log`. A line that cannot be stored (storage full, database
 * closed) is dropped: the log must never be why a sync fails, and the sync's outcome is in syncState.
 */
export function createSyncLogWriter(deps: {
  readonly db: AlmanacDb;
  readonly now: () => number;
  readonly limits?: SyncLogLimits;
}): SyncLogWriter {
  let queue: Promise<void> = Promise.resolve();
  return {
    write(input) {
      if (input.level === 'debug') return;
      const at = deps.now();
      queue = queue.then(() => appendSyncLogLine(deps.db, input, at, deps.limits)).catch(() => undefined);
    },
    flush: () => queue,
  };
}
