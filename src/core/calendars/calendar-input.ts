import { AppError, ErrorKind } from '../errors';

const HEX_COLOUR = /^#[0-9a-f]{6}$/i;
export const MAX_CALENDAR_NAME_LENGTH = 200;

function invalid(message: string, detail: string): AppError {
  return new AppError({ kind: ErrorKind.invalidInput, message, retryable: false, detail });
}

/** A calendar name, trimmed; throws AppError 'invalid-input' when empty or too long. */
export function validCalendarName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw invalid('A calendar needs a name.', 'name');
  if (trimmed.length > MAX_CALENDAR_NAME_LENGTH) throw invalid('The calendar name is too long.', 'name');
  return trimmed;
}

/** A `#rrggbb` colour, lower-cased; throws AppError 'invalid-input' otherwise. */
export function validCalendarColor(color: string): string {
  if (!HEX_COLOUR.test(color)) throw invalid('The colour must look like #1f6feb.', 'color');
  return color.toLowerCase();
}
