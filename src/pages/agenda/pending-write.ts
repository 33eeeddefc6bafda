import type {
  CreateEventInput,
  DeleteOccurrenceInput,
  EditOccurrenceInput,
  MoveOccurrenceInput,
} from '../../core/agenda/commands';
import { EditScope, RepeatFrequency, WEEKDAYS, type EventDraft } from '../../core/ical/event-draft';

/**
 * One agenda write as plain data: what the page notes before writing (write-journal.ts) and what a
 * later start-up replays. Type-only imports: this file stays out of the commands' chunk.
 */
export type PendingWrite =
  | { readonly kind: 'create'; readonly input: CreateEventInput }
  | { readonly kind: 'edit'; readonly input: EditOccurrenceInput }
  | { readonly kind: 'move'; readonly input: MoveOccurrenceInput }
  | { readonly kind: 'delete'; readonly input: DeleteOccurrenceInput };

type Fields = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null;
const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isStringOrNull = (value: unknown): boolean => value === null || isString(value);
const isScope = (value: unknown): boolean => Object.values<unknown>(EditScope).includes(value);

function isTiming(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (value['allDay'] === true) return isString(value['startDate']) && isString(value['endDate']);
  return (
    value['allDay'] === false &&
    isString(value['start']) &&
    isString(value['end']) &&
    isString(value['timeZone'])
  );
}

function isRepeat(value: unknown): boolean {
  if (value === null) return true;
  if (!isObject(value) || !isObject(value['end'])) return false;
  const byDay = value['byDay'];
  return (
    Object.values<unknown>(RepeatFrequency).includes(value['frequency']) &&
    isNumber(value['interval']) &&
    Array.isArray(byDay) &&
    byDay.every((day: unknown) => (WEEKDAYS as readonly unknown[]).includes(day)) &&
    ['never', 'count', 'until'].includes(String(value['end']['kind']))
  );
}

function isDraft(value: unknown): value is EventDraft {
  if (!isObject(value)) return false;
  const reminder = value['reminder'];
  return (
    isString(value['title']) &&
    isString(value['location']) &&
    isString(value['description']) &&
    isTiming(value['timing']) &&
    isRepeat(value['repeat']) &&
    (reminder === undefined || reminder === null || isNumber(reminder))
  );
}

function isOccurrence(input: Fields): boolean {
  return isString(input['eventId']) && isStringOrNull(input['recurrenceId']) && isScope(input['scope']);
}

/**
 * Reads a write back from storage (another version of the app, or a damaged note, may have left
 * anything there): the shape only, the commands validate the rest as for any write.
 */
export function parsePendingWrite(value: unknown): PendingWrite | null {
  if (!isObject(value) || !isObject(value['input'])) return null;
  const input = value['input'];
  switch (value['kind']) {
    case 'create':
      return isString(input['calendarId']) && isDraft(input['draft'])
        ? (value as unknown as PendingWrite)
        : null;
    case 'edit':
      return isOccurrence(input) && isString(input['calendarId']) && isDraft(input['draft'])
        ? (value as unknown as PendingWrite)
        : null;
    case 'move':
      return isOccurrence(input) &&
        isNumber(input['start']) &&
        isNumber(input['end']) &&
        typeof input['allDay'] === 'boolean'
        ? (value as unknown as PendingWrite)
        : null;
    case 'delete':
      return isOccurrence(input) ? (value as unknown as PendingWrite) : null;
    default:
      return null;
  }
}
