import type { AlmanacDb } from '../../../src/core/db/almanac-db';
import type { AccountId, CalendarId } from '../../../src/core/model/ids';
import type { SyncReason } from '../../../src/core/sync/sync-api';
import type { WithLock } from '../../../src/core/sync/sync-locks';
import type { Schedule } from '../../../src/core/sync/timers';

/** Why a calendar runs: the page's reasons, or a retry the backoff scheduled. */
export type RunReason = SyncReason | 'retry';

/** Structured log lines; never credentials or calendar data. */
export type SchedulerLog = (
  event: string,
  fields: Readonly<Record<string, string | number | boolean | null>>,
) => void;

/** The outside world of the scheduler, injected so it runs in Node tests as in the worker. */
export interface SchedulerDeps {
  readonly db: AlmanacDb;
  /** Pushes then pulls one calendar (the engine); throws AppError on failure. */
  readonly syncCalendar: (calendarId: CalendarId, accountId: AccountId) => Promise<void>;
  readonly withLock: WithLock;
  readonly schedule: Schedule;
  readonly now: () => number;
  /** [0, 1): the backoff's jitter. */
  readonly random: () => number;
  readonly log: SchedulerLog;
  /** How long after a local change the sync starts (more changes within it join the same sync). */
  readonly localChangeDelayMs?: number;
}
