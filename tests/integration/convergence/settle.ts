/**
 * "Sync until settled": call the engine again after every retryable failure, with the clock moved
 * past any backoff (docs/sync-rules.md rule 16 clamps waits to 2 h), until a sync succeeds with nothing left in the
 * outbox. Bounded: faults stay on for the first attempts, then the fault layer is switched off for a
 * few more, and a case that still has not settled fails with its seed. A calendar waiting for the
 * rule-5 answer (syncState.emptyOnServer) is answered by `answer`, as its user would.
 */
import { isAppError, type AppErrorData } from '../../../src/core/errors';
import type { AlmanacDb } from '../../../src/core/db/almanac-db';
import type { CalendarId } from '../../../src/core/model/ids';
import type { CreateSyncEngine } from './engine-port';

type SyncEngine = ReturnType<CreateSyncEngine>;

export const ATTEMPTS_WITH_FAULTS = 12;
export const ATTEMPTS_WITHOUT_FAULTS = 4;
/** Past the 2 h cap of Retry-After and of the exponential backoff. */
export const CLOCK_STEP_MS = 3 * 3_600_000;

export type SyncOutcome = { readonly ok: true } | { readonly ok: false; readonly error: AppErrorData };

function asErrorData(error: unknown): AppErrorData {
  if (isAppError(error)) return error.toData();
  // A plain Error escaping the engine is a bug worth seeing, but a network-level TypeError from
  // fetch ("fetch failed", "terminated") is what a dropped connection looks like: retryable.
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { kind: 'unknown', message, retryable: error instanceof TypeError };
}

/** One attempt; errors are returned, whether thrown or recorded in syncState (the engine may do either). */
export async function syncOnce(
  engine: SyncEngine,
  db: AlmanacDb,
  calendarId: CalendarId,
): Promise<SyncOutcome> {
  try {
    await engine.syncCalendar(calendarId);
  } catch (error) {
    return { ok: false, error: asErrorData(error) };
  }
  const state = await db.syncState.get(calendarId);
  if (state?.status.phase === 'failed') return { ok: false, error: state.status.error };
  return { ok: true };
}

export interface SettleReport {
  readonly attempts: number;
  /** Needed the fault-free attempts at the end. */
  readonly neededFaultFree: boolean;
  readonly errors: readonly string[];
}

export async function syncUntilSettled(options: {
  readonly engine: SyncEngine;
  readonly db: AlmanacDb;
  readonly calendarId: CalendarId;
  readonly advanceClock: (ms: number) => void;
  readonly faultsOff: () => void;
  /** Plays the user asked "the calendar is empty on the server" (rule 5). */
  readonly answer: () => Promise<void>;
}): Promise<SettleReport> {
  const errors: string[] = [];
  const total = ATTEMPTS_WITH_FAULTS + ATTEMPTS_WITHOUT_FAULTS;
  for (let attempt = 1; attempt <= total; attempt++) {
    if (attempt === ATTEMPTS_WITH_FAULTS + 1) options.faultsOff();
    options.advanceClock(CLOCK_STEP_MS);
    const outcome = await syncOnce(options.engine, options.db, options.calendarId);
    if ((await options.db.syncState.get(options.calendarId))?.emptyOnServer) {
      errors.push(`attempt ${attempt}: asked whether the calendar is empty (rule 5)`);
      await options.answer();
      continue;
    }
    if (outcome.ok) {
      const pending = await options.db.outbox.where('calendarId').equals(options.calendarId).count();
      if (pending === 0)
        return { attempts: attempt, neededFaultFree: attempt > ATTEMPTS_WITH_FAULTS, errors };
      errors.push(`attempt ${attempt}: ok but ${pending} outbox entries left`);
      continue;
    }
    errors.push(`attempt ${attempt}: ${outcome.error.kind} ${outcome.error.message}`);
    if (!outcome.error.retryable) {
      throw new Error(`sync failed with a non-retryable error:\n${errors.join('\n')}`);
    }
  }
  throw new Error(`sync did not settle in ${total} attempts:\n${errors.join('\n')}`);
}
