/**
 * Edits of one instance of a series ("Update event", "Delete event"): editing an occurrence makes it
 * an exception under the same id; deleting an occurrence or an exception cancels it. Both change the
 * master's change key too (Exchange keeps exceptions inside the master item), which is how a client
 * notices a cancellation that delta does not announce (docs/sync-rules.md rule 42). An occurrence may
 * not be moved onto or past the day of its neighbours (`ErrorOccurrenceCrossingBoundary`).
 */
import { GraphErrors, fail, ok, type Result } from '../graph-error';
import { expandSeries, type Occurrence } from '../recurrence/expand-series';
import { wallToNumber, dateOnly } from '../time/wall-clock';
import { utcToWall } from '../time/zones';
import { buildDraft } from './event-draft';
import type { EventPatch } from './event-input';
import { exceptionView, occurrenceBase, seriesTiming, type EventView } from './event-view';
import { occurrenceId } from './ids';
import type { EventRecord, ExceptionRecord } from './records';

export interface SeriesWriter {
  readonly now: () => number;
  changeKey(): string;
  commit(calendarId: string, ids: readonly string[]): void;
}

function crossesNeighbours(master: EventRecord, originalStartMs: number, newStartMs: number): boolean {
  const timing = seriesTiming(master);
  if (!timing) return false;
  const dayOf = (ms: number) => wallToNumber(dateOnly(utcToWall(ms, timing.iana)));
  const day = dayOf(newStartMs);
  // Staying on its own day never crosses a neighbour (and spares two expansions).
  if (day === dayOf(originalStartMs)) return false;
  const before = expandSeries(timing, Number.NEGATIVE_INFINITY, originalStartMs).filter(
    (o) => o.originalStartMs < originalStartMs,
  );
  const previous = before[before.length - 1];
  const next = expandSeries(timing, originalStartMs + 1, Number.POSITIVE_INFINITY, 2).find(
    (o) => o.originalStartMs > originalStartMs,
  );
  return (
    (previous !== undefined && day <= dayOf(previous.startMs)) ||
    (next !== undefined && day >= dayOf(next.startMs))
  );
}

function touchMaster(writer: SeriesWriter, master: EventRecord, instanceId: string): void {
  master.changeKey = writer.changeKey();
  master.lastModifiedDateTime = writer.now();
  writer.commit(master.calendarId, [instanceId]);
}

/** PATCH of an occurrence or exception: the exception it becomes (or already was), updated. */
export function editInstance(
  writer: SeriesWriter,
  master: EventRecord,
  originalStartMs: number,
  patch: EventPatch,
  current: { readonly occurrence: Occurrence | null; readonly exception: ExceptionRecord | null },
): Result<EventView> {
  if (patch.recurrence !== undefined) {
    return fail(
      GraphErrors.invalidRequest('An occurrence or exception of a series cannot have a recurrence.'),
    );
  }
  const base = current.exception ?? (current.occurrence ? occurrenceBase(master, current.occurrence) : null);
  if (!base) return fail(GraphErrors.itemNotFound());
  const id = occurrenceId(master.id, originalStartMs);
  const draft = buildDraft(
    { ...base.content, ...patch.content },
    undefined,
    null,
    base.content.onlineMeeting !== null,
    id,
  );
  if (!draft.ok) return draft;
  if (crossesNeighbours(master, originalStartMs, draft.value.timing.startMs)) {
    return fail(GraphErrors.occurrenceCrossingBoundary());
  }
  const now = writer.now();
  const exception: ExceptionRecord = {
    id,
    originalStartMs,
    content: draft.value.content,
    timing: draft.value.timing,
    changeKey: writer.changeKey(),
    createdDateTime: current.exception?.createdDateTime ?? now,
    lastModifiedDateTime: now,
  };
  master.exceptions.set(originalStartMs, exception);
  touchMaster(writer, master, id);
  return ok(exceptionView(master, exception));
}

/** DELETE of an occurrence or exception: it is cancelled and leaves the series. */
export function cancelInstance(writer: SeriesWriter, master: EventRecord, originalStartMs: number): void {
  master.exceptions.delete(originalStartMs);
  master.cancelled.add(originalStartMs);
  touchMaster(writer, master, occurrenceId(master.id, originalStartMs));
}
