import type { EventId } from '../../core/model/ids';

export interface OccurrenceRef {
  readonly eventId: EventId;
  readonly recurrenceId: string | null;
}

/** Reads `${eventId}|${recurrenceId ?? 'single'}` (the `?event=` parameter); null when malformed. */
export function parseOccurrenceId(value: string): OccurrenceRef | null {
  const bar = value.indexOf('|');
  if (bar <= 0 || bar === value.length - 1) return null;
  const rest = value.slice(bar + 1);
  return { eventId: value.slice(0, bar) as EventId, recurrenceId: rest === 'single' ? null : rest };
}
