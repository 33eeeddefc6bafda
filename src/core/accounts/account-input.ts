/** Validation of what the user types for an account; each failure is AppError 'invalid-input'. */
import { AppError, ErrorKind } from '../errors';

export const DEFAULT_SYNC_INTERVAL_MINUTES = 2;
export const MIN_SYNC_INTERVAL_MINUTES = 1;
export const MAX_SYNC_INTERVAL_MINUTES = 60;
export const MAX_ACCOUNT_NAME_LENGTH = 200;

function invalid(message: string, detail: string): AppError {
  return new AppError({ kind: ErrorKind.invalidInput, message, retryable: false, detail });
}

/** A whole number of minutes from 1 to 60. */
export function validSyncInterval(minutes: number): number {
  if (
    !Number.isInteger(minutes) ||
    minutes < MIN_SYNC_INTERVAL_MINUTES ||
    minutes > MAX_SYNC_INTERVAL_MINUTES
  ) {
    throw invalid(
      `The sync interval must be a whole number of minutes from ${MIN_SYNC_INTERVAL_MINUTES} to ${MAX_SYNC_INTERVAL_MINUTES}.`,
      'syncIntervalMinutes',
    );
  }
  return minutes;
}

export function validAccountName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw invalid('An account needs a name.', 'name');
  if (trimmed.length > MAX_ACCOUNT_NAME_LENGTH) throw invalid('The account name is too long.', 'name');
  return trimmed;
}

export function validUsername(username: string): string {
  const trimmed = username.trim();
  if (trimmed === '') throw invalid('Enter your user name.', 'username');
  return trimmed;
}

/** Passwords are taken as typed (spaces may be part of an app password's groups). */
export function validPassword(password: string): string {
  if (password === '') throw invalid('Enter your password.', 'password');
  return password;
}

/** An absolute http(s) URL without credentials in it. */
export function validServerUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw invalid('The server URL is not a web address.', 'serverUrl');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw invalid('The server URL must start with https://.', 'serverUrl');
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw invalid('Put the user name and password in their own fields, not in the URL.', 'serverUrl');
  }
  return parsed.href;
}

/** `#rrggbb` from a server colour (`#RRGGBB`, `#RRGGBBAA`, `#RGB`), or null when it is not one. */
export function normaliseServerColor(color: unknown): string | null {
  if (typeof color !== 'string') return null;
  const value = color.trim().toLowerCase();
  const long = /^#([0-9a-f]{6})(?:[0-9a-f]{2})?$/.exec(value);
  if (long?.[1]) return `#${long[1]}`;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(value);
  if (short?.[1] && short[2] && short[3])
    return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  return null;
}
