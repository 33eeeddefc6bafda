/**
 * Validators of the JSON requests (README.md lists every field). Each reads one field of the parsed
 * body and throws `invalid-request` naming the field when it is missing or not what it should be;
 * what passes is safe to hand to imapflow, which quotes it: no control characters anywhere (no CR/LF
 * smuggled into an IMAP command), folder names without wildcards or `..` segments, flags as IMAP
 * atoms, UIDs as explicit sets.
 */
import { MailBridgeError } from './bridge-error.ts';
import { ImapSecurity, type ImapServer } from './imap-target.ts';
import { parseUidSet } from './uid-set.ts';

export type Body = Readonly<Record<string, unknown>>;

function invalid(field: string, what: string): MailBridgeError {
  return new MailBridgeError('invalid-request', `${field} ${what}.`, { details: { field } });
}

// eslint-disable-next-line no-control-regex -- the point is to refuse control characters
const controlCharacters = /[\u0000-\u001f\u007f]/;

export function readObject(value: unknown, field: string): Body {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid(field, 'must be an object');
  return value as Body;
}

export function readText(body: Body, field: string, maxLength: number, path = field): string {
  const value = body[field];
  if (typeof value !== 'string') throw invalid(path, 'must be a string');
  if (value.length > maxLength) throw invalid(path, `is longer than ${maxLength} characters`);
  if (controlCharacters.test(value)) throw invalid(path, 'contains a control character');
  return value;
}

export function readOptionalText(body: Body, field: string, maxLength: number): string | undefined {
  return body[field] === undefined ? undefined : readText(body, field, maxLength);
}

export function readInteger(body: Body, field: string, min: number, max: number, path = field): number {
  const value = body[field];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw invalid(path, `must be a whole number from ${min} to ${max}`);
  return value;
}

export function readOptionalInteger(body: Body, field: string, min: number, max: number): number | undefined {
  return body[field] === undefined ? undefined : readInteger(body, field, min, max);
}

export function readOptionalBoolean(body: Body, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw invalid(field, 'must be true or false');
  return value;
}

const securities: readonly string[] = Object.values(ImapSecurity);

export function readServer(body: Body): ImapServer {
  const server = readObject(body['server'], 'server');
  const host = readText(server, 'host', 255, 'server.host').trim();
  const port = readInteger(server, 'port', 1, 65_535, 'server.port');
  const security = server['security'] ?? 'tls';
  if (typeof security !== 'string' || !securities.includes(security))
    throw invalid('server.security', `must be one of ${securities.join(', ')}`);
  return { host, port, security: security as ImapSecurity };
}

/**
 * A folder path as the server lists it (`INBOX`, `Archive/2026`). Refused: empty, over 1,000
 * characters, control characters, the LIST wildcards `*` and `%`, and `.` / `..` segments or a
 * leading separator (a name is never a file path, but a server that maps it onto one must not be
 * walked out of the user's mail).
 */
export function readFolder(body: Body, field = 'folder'): string {
  const folder = readText(body, field, 1000);
  if (folder === '') throw invalid(field, 'is empty');
  if (/[*%]/.test(folder)) throw invalid(field, 'contains a wildcard (* or %)');
  const segments = folder.split(/[/\\]/);
  if (/^[/\\~]/.test(folder) || folder.includes('..') || segments.some((s) => s === '' || s === '.'))
    throw invalid(field, 'is not a folder name (a leading separator, an empty, "." or ".." segment)');
  return folder;
}

export function readUids(body: Body, field = 'uids'): string {
  const value = body[field];
  if (typeof value !== 'string') throw invalid(field, 'must be a UID set such as "1:50" or "3,5,9:12"');
  const set = parseUidSet(value);
  if (set === null) throw invalid(field, 'is not a UID set (such as "1:50" or "3,5,9:12"; no *)');
  return set;
}

const systemFlags = new Set(['\\Seen', '\\Answered', '\\Flagged', '\\Deleted', '\\Draft']);
const keyword = /^[A-Za-z0-9$_.+-]{1,64}$/;

export function readFlags(body: Body, field: string): string[] {
  const value = body[field];
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > 20) throw invalid(field, 'must be a list of at most 20 flags');
  return value.map((flag: unknown) => {
    if (typeof flag !== 'string' || !(systemFlags.has(flag) || keyword.test(flag)))
      throw invalid(field, 'holds something that is not an IMAP flag (\\Seen, \\Flagged, $Label1 …)');
    return flag;
  });
}
