import type { OccurrenceRecord } from '../../core/model/occurrence';
import { addDays, isoDateInZone } from '../../lib/format-time';

export const GroupKind = { today: 'today', tomorrow: 'tomorrow', later: 'later' } as const;
export type GroupKind = (typeof GroupKind)[keyof typeof GroupKind];

export interface UpcomingItem {
  readonly occurrence: OccurrenceRecord;
  /** Started and not yet ended at `now`. */
  readonly inProgress: boolean;
}

export interface UpcomingGroup {
  /** `YYYY-MM-DD` in the viewer's zone. */
  readonly date: string;
  readonly kind: GroupKind;
  readonly items: readonly UpcomingItem[];
}

/**
 * Groups occurrences that have not ended by day in the viewer's zone: Today, Tomorrow, then one group
 * per date. One already under way (started on an earlier day) belongs to Today. Ended ones are dropped,
 * so a list fetched a moment ago stays right. Days are civil dates, so a 23- or 25-hour DST day and
 * midnight are handled by the calendar, not by adding 24 hours.
 */
export function groupUpcoming(
  occurrences: readonly OccurrenceRecord[],
  now: number,
  timeZone: string,
): UpcomingGroup[] {
  const today = isoDateInZone(now, timeZone);
  const tomorrow = addDays(today, 1);
  const groups = new Map<string, UpcomingItem[]>();
  const sorted = [...occurrences].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const occurrence of sorted) {
    const ended = occurrence.end <= now && !(occurrence.start === occurrence.end && occurrence.start >= now);
    if (ended) continue;
    const startDate = isoDateInZone(occurrence.start, timeZone);
    const date = startDate < today ? today : startDate;
    const items = groups.get(date) ?? [];
    items.push({ occurrence, inProgress: occurrence.start <= now && now < occurrence.end });
    groups.set(date, items);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, items]) => ({
      date,
      kind: date === today ? GroupKind.today : date === tomorrow ? GroupKind.tomorrow : GroupKind.later,
      items,
    }));
}
