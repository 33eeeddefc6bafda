/**
 * The address of a calendar feed as the user or the OS gives it (`webcal://…`, `webcals://…`,
 * `https://…`, with or without surrounding spaces) → the https:/http: URL to fetch.
 * webcal: is only a hint that the link is a calendar; the feed itself is served over HTTP(S).
 */
import { AppError, ErrorKind } from '../errors';

function invalid(message: string): AppError {
  return new AppError({ kind: ErrorKind.invalidInput, message, retryable: false, detail: 'url' });
}

export function feedUrl(input: string): string {
  const trimmed = input.trim();
  if (trimmed === '') throw invalid('Give the address of the calendar.');
  const rewritten = trimmed.replace(/^webcals?:\/\//i, 'https://');
  let url: URL;
  try {
    url = new URL(rewritten);
  } catch {
    throw invalid('This is not a web address.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalid('The address must start with webcal:, https: or http:.');
  }
  if (url.username !== '' || url.password !== '') {
    throw invalid('The address must not hold a user name or password.');
  }
  return url.href;
}
