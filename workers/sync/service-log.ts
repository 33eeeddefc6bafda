/**
 * The sync service's two kinds of log calls, turned into sync log lines (src/core/sync/sync-log.ts
 * stores, bounds and redacts them): the engine's lines in words, and the scheduler's structured events.
 */
import type { CalendarId } from '../../src/core/model/ids';
import { SyncLogCode } from '../../src/core/model/sync-log-line';
import type { SyncLogWrite } from '../../src/core/sync/sync-log';
import type { SyncLog } from './engine/sync-run';
import type { SchedulerLog } from './scheduler/scheduler-deps';

/** The engine's lines as they are; a line with no code is a `note` (shown as its English text). */
export function engineLogTo(write: SyncLogWrite): SyncLog {
  return (entry) => {
    write({
      level: entry.level,
      code: entry.code ?? SyncLogCode.note,
      message: entry.message,
      calendarId: entry.calendarId ?? null,
      ...(entry.params !== undefined ? { params: entry.params } : {}),
    });
  };
}

/** What the scheduler or the service was doing when a background task failed, in words. */
const TASKS: Readonly<Record<string, string>> = {
  'refresh-accounts': 'reading the accounts and their sync settings',
  'first-sync': 'the first sync of a new account',
  resume: 'resuming sync after a new password',
  'after-answer': 'the sync after your answer about an empty calendar',
  'local-change': 'the sync after a change made here',
};

/**
 * The scheduler's events. A sync's outcome is the engine's line (`synced`, `failed`), so the
 * scheduler's own `synced`, `sync-failed` and `sync-requested` are debug (not kept); its failures
 * (storage trouble, a task that threw) are errors of the sync service itself.
 */
export function schedulerLogTo(write: SyncLogWrite): SchedulerLog {
  return (event, fields) => {
    if (!event.endsWith('-failed') || event === 'sync-failed') return;
    const what = typeof fields['what'] === 'string' ? (TASKS[fields['what']] ?? fields['what']) : null;
    const cause = typeof fields['error'] === 'string' ? fields['error'] : fields['kind'];
    const calendarId = typeof fields['calendarId'] === 'string' ? (fields['calendarId'] as CalendarId) : null;
    const doing =
      event === 'accounts-watch-failed'
        ? 'watching the accounts for changes'
        : event === 'sync-status-write-failed'
          ? 'saving the sync status'
          : (what ?? event);
    write({
      level: 'error',
      code: SyncLogCode.internal,
      message: `The sync service failed while ${doing}${typeof cause === 'string' ? ` (${cause})` : ''}.`,
      calendarId,
    });
  };
}
