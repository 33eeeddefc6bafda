/**
 * The alarms of one event as plain data (no ical.js types): what "which reminders fire between A and
 * B" needs. Only DISPLAY alarms become notifications; AUDIO and EMAIL alarms belong to other clients.
 */
export type AlarmTrigger =
  /** Relative to the instance's start or end; negative = before. */
  | { readonly kind: 'relative'; readonly related: 'start' | 'end'; readonly offsetMs: number }
  /** An absolute instant (UTC), fired once even on a recurring event. */
  | { readonly kind: 'absolute'; readonly at: number };

export interface AlarmSpec {
  /** Position among the component's VALARMs: part of the reminder's identity. */
  readonly index: number;
  readonly trigger: AlarmTrigger;
}

/** The alarms of an event: the master's, and each override's by its RECURRENCE-ID text. */
export interface EventAlarms {
  readonly master: readonly AlarmSpec[];
  readonly overrides: ReadonlyMap<string, readonly AlarmSpec[]>;
}

export const NO_ALARMS: EventAlarms = { master: [], overrides: new Map() };

/** The alarms that apply to one instance: its override's when it has one, else the master's. */
export function alarmsForInstance(alarms: EventAlarms, recurrenceId: string | null): readonly AlarmSpec[] {
  if (recurrenceId !== null) {
    const own = alarms.overrides.get(recurrenceId);
    if (own) return own;
  }
  return alarms.master;
}
