/**
 * The rows of one delta round ("event: delta", "Use delta query to track changes"). The first round
 * lists every instance in the window. A later round lists what differs from what the client was
 * told: instances new or with another change key, `@removed` for those that left the window or the
 * calendar, and `@removed` for items changed outside the window since the last round ("Events that
 * are outside the date range and that have been added, deleted, or updated"). Switchable faults add
 * replays and hide cancelled occurrences.
 */
import type { DeltaBehaviour } from '../control/fault-switches';
import { parseOccurrenceId } from '../store/ids';
import type { MailboxStore } from '../store/mailbox-store';
import type { DeltaEntry, DeltaScope, DeltaState } from './delta-memory';

export interface RoundRows {
  readonly entries: readonly DeltaEntry[];
  readonly known: ReadonlyMap<string, string>;
  readonly version: number;
  /** Ids a later round reports (replayed rows aside): what the round after it replays. */
  readonly emitted: readonly string[];
}

function isCancelledOccurrence(store: MailboxStore, id: string): boolean {
  const parsed = parseOccurrenceId(id);
  return parsed !== null && store.events.get(parsed.masterId)?.cancelled.has(parsed.originalStartMs) === true;
}

export function roundRows(
  store: MailboxStore,
  scope: DeltaScope,
  base: DeltaState | null,
  behaviour: DeltaBehaviour,
): RoundRows {
  const current = store.instancesInWindow(scope.calendarId, scope.fromMs, scope.toMs);
  const byId = new Map(current.map((view) => [view.id, view]));
  const entries: DeltaEntry[] = [];
  const emitted = new Set<string>();
  const push = (entry: DeltaEntry) => {
    entries.push(entry);
    emitted.add(entry.kind === 'row' ? entry.view.id : entry.id);
  };

  if (base && behaviour.replay) {
    for (const id of base.emitted) {
      const view = byId.get(id);
      entries.push(view ? { kind: 'row', view } : { kind: 'removed', id });
    }
  }
  for (const view of current) {
    if (!base || base.known.get(view.id) !== view.changeKey) push({ kind: 'row', view });
  }
  if (base) {
    for (const id of base.known.keys()) {
      if (byId.has(id)) continue;
      if (behaviour.silentCancellations && isCancelledOccurrence(store, id)) continue;
      push({ kind: 'removed', id });
    }
    for (const change of store.changedSince(base.version, scope.calendarId)) {
      if (!byId.has(change.id) && !base.known.has(change.id) && !emitted.has(change.id)) {
        push({ kind: 'removed', id: change.id });
      }
    }
  }
  return {
    entries,
    known: new Map(current.map((view) => [view.id, view.changeKey])),
    version: store.version,
    // A first round lists everything; what a later round replays are changes.
    emitted: base ? [...emitted] : [],
  };
}
