import type { AccountId, CalendarId } from './ids';
import type { CalendarSubscription } from './subscription';

export interface Calendar {
  readonly id: CalendarId;
  readonly accountId: AccountId;
  name: string;
  /** CSS colour, `#rrggbb`. */
  color: string;
  /** Shown in the agenda and the dashboard. Stored as 0/1 because IndexedDB cannot index booleans. */
  visible: 0 | 1;
  /** Sort position in the sidebar. */
  order: number;
  /** Remote calendars the user may not write to (subscriptions, shared read-only). */
  readOnly: boolean;
  /** Collection URL on the server; null for local calendars. */
  remoteUrl: string | null;
  createdAt: number;
  /** Present on a calendar subscribed to an iCalendar feed (read-only, local account). */
  subscription?: CalendarSubscription;
  /**
   * The built-in calendar, named by Almanac in the UI's language ("Personal", "Personnel") and not
   * renamed since: its name follows the language (src/core/calendars/built-in-name.ts). Renaming it
   * removes the mark. No schema change: the field is not indexed.
   */
  builtInName?: true;
}

export const CALENDAR_PALETTE = [
  '#1f6feb',
  '#d1242f',
  '#1a7f37',
  '#9a6700',
  '#8250df',
  '#bf3989',
  '#0a7ea4',
  '#cf5c00',
] as const;
