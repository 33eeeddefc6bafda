import type { OccurrenceRecord } from '../../core/model/occurrence';

/**
 * The occurrences the dashboard offers "Join" for: every one under way at `now`, and the next one to
 * start (those starting together with it too). Timed ones only: an all-day event is no meeting to join.
 */
export function joinCandidates(occurrences: readonly OccurrenceRecord[], now: number): OccurrenceRecord[] {
  const timed = occurrences.filter((occurrence) => !occurrence.allDay && occurrence.end > now);
  const ongoing = timed.filter((occurrence) => occurrence.start <= now);
  const nextStart = Math.min(...timed.filter((o) => o.start > now).map((o) => o.start));
  return [...ongoing, ...timed.filter((occurrence) => occurrence.start === nextStart)];
}
