/**
 * The account's credentials from `Authorization: Basic base64(user:password)`, read for one request
 * and never stored, logged or echoed (docs/sync-rules.md rule 31's "never logs Authorization").
 */
import { MailBridgeError } from './bridge-error.ts';
import type { Credentials } from './imap-session.ts';

// eslint-disable-next-line no-control-regex -- the point is to refuse control characters
const controlCharacters = /[\u0000-\u001f\u007f]/;

export function readCredentials(header: string | null): Credentials {
  const missing = (why: string) =>
    new MailBridgeError(
      'missing-credentials',
      `${why}: send the account's user name and (app) password as Authorization: Basic.`,
    );
  if (header === null) throw missing('No Authorization header');
  const match = /^Basic +([A-Za-z0-9+/]+={0,2}) *$/i.exec(header);
  if (!match?.[1]) throw missing('The Authorization header is not Basic');
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) throw missing('The Authorization header has no user name');
  const user = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  if (password === '' || controlCharacters.test(decoded) || decoded.length > 1024)
    throw missing('The Authorization header is not a user name and password');
  return { user, password };
}
