/** Calendars as "calendar resource type" describes them, made from a test's seed input. */
import type { EmailAddress } from './event-content';
import type { IdFactory } from './ids';
import type { CalendarRecord } from './records';

export const CALENDAR_COLORS = [
  'auto',
  'lightBlue',
  'lightGreen',
  'lightOrange',
  'lightGray',
  'lightYellow',
  'lightTeal',
  'lightPink',
  'lightBrown',
  'lightRed',
  'maxColor',
] as const;

export interface CalendarInput {
  readonly name?: string;
  readonly color?: (typeof CALENDAR_COLORS)[number];
  /** `#rrggbb`, or empty when the user never picked a colour (Graph's default). */
  readonly hexColor?: string;
  /** False for a calendar shared read-only with the user. */
  readonly canEdit?: boolean;
  readonly canShare?: boolean;
  readonly isDefaultCalendar?: boolean;
  /** Who shared the calendar; the mailbox user by default. */
  readonly owner?: EmailAddress;
}

export function makeCalendar(
  ids: IdFactory,
  owner: EmailAddress,
  input: CalendarInput,
  first: boolean,
): CalendarRecord {
  const isDefault = input.isDefaultCalendar ?? first;
  return {
    id: ids.calendarId(),
    name: input.name ?? (isDefault ? 'Calendar' : 'Calendar 2'),
    color: input.color ?? 'auto',
    hexColor: input.hexColor ?? '',
    changeKey: ids.changeKey(),
    canEdit: input.canEdit ?? true,
    canShare: input.canShare ?? input.owner === undefined,
    canViewPrivateItems: true,
    isDefaultCalendar: isDefault,
    isRemovable: !isDefault,
    isTallyingResponses: isDefault,
    owner: input.owner ?? owner,
    allowedOnlineMeetingProviders: ['teamsForBusiness'],
    defaultOnlineMeetingProvider: 'teamsForBusiness',
  };
}

export function updateCalendar(
  ids: IdFactory,
  calendar: CalendarRecord,
  input: CalendarInput,
): CalendarRecord {
  return {
    ...calendar,
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.color !== undefined ? { color: input.color } : {}),
    ...(input.hexColor !== undefined ? { hexColor: input.hexColor } : {}),
    ...(input.canEdit !== undefined ? { canEdit: input.canEdit } : {}),
    ...(input.canShare !== undefined ? { canShare: input.canShare } : {}),
    changeKey: ids.changeKey(),
  };
}
