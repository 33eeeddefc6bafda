/**
 * The sync engine, platform-free and provider-free: everything from the outside world is injected (the
 * account's provider, time, logger). One calendar at a time: push its outbox, then pull (docs/sync-rules.md rule 8); skip
 * with one request when nothing changed on either side (rule 9). See README.md for the lifecycle.
 */
import { AppError, ErrorKind, isAppError, toAppErrorData } from '../../../src/core/errors';
import type { Calendar } from '../../../src/core/model/calendar';
import type { CalendarId, EventId } from '../../../src/core/model/ids';
import { SyncLogCode } from '../../../src/core/model/sync-log-line';
import type { CalendarSyncState } from '../../../src/core/model/sync-state';
import type { EmptyOnServerAnswer } from '../../../src/core/sync/sync-api';
import type { CalendarStateScope, RemoteCalendarState } from '../providers/calendar-provider';
import { answerEmptyOnServer, type AnswerOutcome } from './empty-answer';
import { pull } from './pull';
import { pushOutbox } from './push-outbox';
import {
  emptyReport,
  type CalendarSyncReport,
  type LogLevel,
  type SyncEngineDeps,
  type SyncLogTag,
  type SyncRun,
} from './sync-run';
import { lastOkAt, readSyncState, saveSyncState, setStatus } from './sync-status';

export type { AnswerOutcome } from './empty-answer';
export type { CalendarSyncReport, SyncEngineDeps } from './sync-run';

export interface SyncEngine {
  /** Push the calendar's outbox, then pull (rule 8). Writes syncState (token, ctag, progress as
   *  status {phase:'syncing', done, total}, and {phase:'idle', lastOkAt} on success). Throws AppError
   *  (auth / network / server with retryAfterMs …) leaving local data as it was. A suspiciously empty
   *  listing is not an error: the calendar records a question and waits (report.awaitingDecision). */
  syncCalendar(
    calendarId: CalendarId,
    onProgress?: (done: number, total: number | null) => void,
  ): Promise<CalendarSyncReport>;
  /** Applies the user's answer to the rule-5 question (empty-answer.ts); serialised with the syncs of
   *  the calendar. The caller syncs afterwards. */
  answerEmptyOnServer(calendarId: CalendarId, answer: EmptyOnServerAnswer): Promise<AnswerOutcome>;
}

function invalid(message: string): AppError {
  return new AppError({ kind: ErrorKind.invalidInput, message, retryable: false });
}

async function openRun(
  deps: SyncEngineDeps,
  calendarId: CalendarId,
  startedAt: number,
  onProgress?: (done: number, total: number | null) => void,
): Promise<SyncRun> {
  const calendar: Calendar | undefined = await deps.db.calendars.get(calendarId);
  if (!calendar)
    throw new AppError({
      kind: ErrorKind.notFound,
      message: 'The calendar was not found.',
      retryable: false,
    });
  if (calendar.remoteUrl === null) throw invalid(`“${calendar.name}” is not a synced calendar.`);
  const account = await deps.db.accounts.get(calendar.accountId);
  if (account === undefined || account.kind === 'local')
    throw invalid(`“${calendar.name}” does not belong to an account that syncs.`);
  const provider = await deps.providerFor(account);
  const log = (level: LogLevel, message: string, tag?: SyncLogTag) => {
    deps.log({ level, message, calendarId, ...tag });
  };
  return {
    db: deps.db,
    provider,
    calendar,
    remote: { remoteUrl: calendar.remoteUrl },
    core: { now: deps.now, viewerZone: deps.viewerZone },
    report: emptyReport(),
    createdRefs: new Set(),
    batchSize: Math.max(1, provider.batchSize),
    log,
    progress: async (done, total) => {
      onProgress?.(done, total);
      await setStatus(deps.db, calendarId, { phase: 'syncing', done, total, startedAt });
    },
  };
}

/**
 * The calendar's state, asking only for what will be compared. A calendar never listed (no cursor,
 * no stamp: a first sync, or one that was interrupted) has no version to compare: only its
 * capabilities are asked. One synced by cursor needs no stamp. Should the server turn out not to
 * offer a cursor (any more), the stamp is asked too, and stored after the listing. The stored
 * `syncToken` holds the cursor, `ctag` the stamp.
 */
async function readState(run: SyncRun, before: CalendarSyncState): Promise<RemoteCalendarState> {
  const scope: CalendarStateScope =
    before.syncToken !== null ? 'cursor' : before.ctag === null ? 'capabilities' : 'versions';
  if (scope !== 'versions') {
    const state = await run.provider.readState(run.remote, scope);
    if (state.supportsCursor) return state;
  }
  return run.provider.readState(run.remote, 'versions');
}

async function runSync(run: SyncRun, before: CalendarSyncState): Promise<void> {
  const { db, calendar } = run;
  if (before.emptyOnServer) {
    // Rule 5: waiting for the user's answer. Nothing is sent (a pushed create would make the empty
    // server look populated) and nothing is deleted; the answer resets the calendar's sync.
    run.report.skipped = true;
    run.report.awaitingDecision = true;
    return;
  }
  const now = run.core.now();
  const due = (await db.outbox.where('calendarId').equals(calendar.id).sortBy('seq')).filter(
    (entry) => entry.notBefore <= now,
  );
  const state = await readState(run, before);
  if (state.readOnly !== null && state.readOnly !== calendar.readOnly)
    await db.calendars.update(calendar.id, { readOnly: state.readOnly });
  const unchanged = state.supportsCursor
    ? state.cursor !== null && state.cursor === before.syncToken
    : state.stamp !== null && state.stamp === before.ctag;
  // Creates of a failed sync are checked even under an unchanged cursor: a server's cursor may be a
  // hash of the contents (Xandikos), so a create deleted again brings the old cursor back.
  const unconfirmedCreates = (before.createdSinceToken ?? []).length > 0;
  if (due.length === 0 && unchanged && !before.initialSyncInProgress && !unconfirmedCreates) {
    run.report.skipped = true;
    return;
  }
  await pushOutbox(run, due);
  const left = await db.outbox.where('calendarId').equals(calendar.id).toArray();
  const pending = new Set<EventId>(left.map((entry) => entry.eventId));
  const stored = {
    syncToken: before.syncToken,
    ctag: before.ctag,
    initialSyncInProgress: before.initialSyncInProgress,
  };
  const result = await pull(run, state, stored, pending);
  if (result.awaitingDecision) return;
  // The stamp read before the push is stored only when nothing was pushed; otherwise the next sync re-checks.
  const pushed = run.report.pushed > 0 || due.length > 0;
  await saveSyncState(run, {
    syncToken: result.cursor,
    ctag: pushed ? null : state.stamp,
    initialSyncInProgress: false,
    createdSinceToken: [],
  });
}

/** One line per run in words: what was sent and received, or that nothing had changed. */
function logOutcome(run: SyncRun): void {
  const { report } = run;
  if (report.skipped) {
    run.log('debug', `Nothing changed here or on the server (requests: ${report.requests}).`);
    return;
  }
  run.log(
    'info',
    `Synced. Sent: ${report.pushed}, received: ${report.pulled}, deleted here: ${report.deletedLocally}, conflicts: ${report.conflicts}, set aside: ${report.setAside}, requests: ${report.requests}.`,
    {
      code: SyncLogCode.synced,
      params: {
        pushed: report.pushed,
        pulled: report.pulled,
        deletedLocally: report.deletedLocally,
        conflicts: report.conflicts,
        setAside: report.setAside,
        requests: report.requests,
      },
    },
  );
}

export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const running = new Map<CalendarId, Promise<unknown>>();

  async function syncOnce(
    calendarId: CalendarId,
    onProgress?: (done: number, total: number | null) => void,
  ): Promise<CalendarSyncReport> {
    const startedAt = deps.now();
    const before = await readSyncState(deps.db, calendarId);
    const previousOk = lastOkAt(before.status);
    let run: SyncRun | null = null;
    try {
      run = await openRun(deps, calendarId, startedAt, onProgress);
      await setStatus(deps.db, calendarId, { phase: 'syncing', done: 0, total: null, startedAt });
      await runSync(run, before);
      run.report.requests = run.provider.requestCount();
      await setStatus(deps.db, calendarId, { phase: 'idle', lastOkAt: deps.now() });
      logOutcome(run);
      return run.report;
    } catch (error) {
      const data = toAppErrorData(error);
      const retryAt = data.retryAfterMs !== undefined ? deps.now() + data.retryAfterMs : null;
      await setStatus(deps.db, calendarId, { phase: 'failed', error: data, retryAt, lastOkAt: previousOk });
      deps.log({
        level: 'error',
        message: `Sync failed (${data.kind}): ${data.message}${data.detail !== undefined ? ` [${data.detail}]` : ''}${data.retryable ? ' Almanac tries again later.' : ''}`,
        calendarId,
        code: SyncLogCode.failed,
        params: { kind: data.kind, retryable: data.retryable },
      });
      throw isAppError(error) ? error : new AppError(data, { cause: error });
    }
  }

  // One sync (or answer) per calendar at a time within this engine (across contexts the callers hold a Web Lock).
  function serialised<T>(calendarId: CalendarId, work: () => Promise<T>): Promise<T> {
    const previous = running.get(calendarId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    running.set(calendarId, next);
    return next;
  }

  return {
    syncCalendar: (calendarId, onProgress) => serialised(calendarId, () => syncOnce(calendarId, onProgress)),
    answerEmptyOnServer: (calendarId, answer) =>
      serialised(calendarId, async () => {
        const outcome = await answerEmptyOnServer(deps.db, calendarId, answer, deps.now());
        if (outcome.applied)
          deps.log({
            level: 'info',
            message: `The calendar was empty on the server and the user chose "${answer}": ${outcome.deleted} events deleted on this device, ${outcome.queued} queued for upload.`,
            calendarId,
            code: SyncLogCode.answered,
            params: { answer, deleted: outcome.deleted, queued: outcome.queued },
          });
        return outcome;
      }),
  };
}
