import { createSignal, type Accessor } from 'solid-js';
import { AppError, ErrorKind, toAppErrorData } from '../../core/errors';
import type { PendingWrite } from './pending-write';
import { forgetWrite, notedWrites, noteWrite } from './write-journal';

/**
 * The agenda's one way to write an event (create, edit, move, delete): noted first (write-journal.ts),
 * then committed through the commands, which are loaded on first use with ical.js, or earlier by
 * `preloadWriter` once the agenda is idle. A write's promise resolves only once its IndexedDB
 * transaction has committed: nothing may look done before that.
 */
type Writer = typeof import('./write-executor');

let writer: Promise<Writer> | undefined;

function loadWriter(): Promise<Writer> {
  writer ??= import('./write-executor').catch((error: unknown) => {
    // Tried again on the next write (offline before the service worker kept a copy, or a deploy
    // removed this build's files).
    writer = undefined;
    throw new AppError(
      {
        kind: ErrorKind.network,
        message: 'The code that saves changes could not be loaded.',
        retryable: true,
        detail: error instanceof Error ? error.message : String(error),
      },
      { cause: error },
    );
  });
  return writer;
}

/**
 * Fetches the write path ahead of the first change, once nothing else is going on (the agenda calls
 * it when FullCalendar has settled). A failure is left for the first write to report.
 */
export function preloadWriterWhenIdle(): void {
  const preload = (): void => {
    loadWriter().catch(() => undefined);
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(preload, { timeout: 2_000 });
  else setTimeout(preload, 0);
}

// A write that fails because the page is going away (its transaction aborted) keeps its note, for the
// next start-up to replay; only a failure the user was shown forgets it.
let leaving = false;
let watching = false;
function watchLeaving(): void {
  if (watching || typeof window === 'undefined') return;
  watching = true;
  window.addEventListener('pagehide', () => {
    leaving = true;
  });
  window.addEventListener('pageshow', () => {
    leaving = false;
  });
}

/** Writes one change; resolves once it has committed, rejects (with nothing written) otherwise. */
export async function saveWrite(write: PendingWrite): Promise<void> {
  watchLeaving();
  const entry = noteWrite(write, Date.now());
  try {
    await (await loadWriter()).commitEntry(entry);
  } catch (error) {
    if (!leaving) forgetWrite(entry.id);
    throw error;
  }
  forgetWrite(entry.id);
}

/** A noted write the start-up's replay could not apply. */
export interface ReplayFailure {
  readonly error: unknown;
  /** Still noted, to be tried at the next start (it failed for want of code or storage, not on its merits). */
  readonly kept: boolean;
}

/** Failures that say nothing about the write itself: it stays noted and is tried again next time. */
const TRY_AGAIN: readonly ErrorKind[] = [
  ErrorKind.network,
  ErrorKind.quotaExceeded,
  ErrorKind.storageUnavailable,
];

const [replayFailures, setReplayFailures] = createSignal<readonly ReplayFailure[]>([]);

/** What the last replay could not apply, for the agenda to say; `clearReplayFailures` once said. */
export const failedReplays: Accessor<readonly ReplayFailure[]> = replayFailures;

export function clearReplayFailures(): void {
  setReplayFailures([]);
}

/**
 * Start-up: applies, in order, the writes a page noted and did not see committed (it was reloaded or
 * closed meanwhile). Each applies once even if it had committed after all, or another tab is still
 * writing it (`commitOnce`). Never rejects: what fails is kept in `failedReplays`.
 */
export async function replayNotedWrites(): Promise<void> {
  const entries = notedWrites();
  if (entries.length === 0) return;
  watchLeaving();
  const failures: ReplayFailure[] = [];
  try {
    const executor = await loadWriter();
    for (const entry of entries) {
      try {
        await executor.commitEntry(entry);
        forgetWrite(entry.id);
      } catch (error) {
        const kept = leaving || TRY_AGAIN.includes(toAppErrorData(error).kind);
        if (!kept) forgetWrite(entry.id);
        failures.push({ error, kept });
      }
    }
  } catch (error) {
    failures.push({ error, kept: true });
  }
  if (failures.length > 0) setReplayFailures(failures);
}
