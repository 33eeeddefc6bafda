/**
 * The JSON endpoints: each reads its fields from the request body (request-body.ts) before any
 * connection is made, then runs one operation on the account's pooled connection.
 */
import type { ImapFlow } from 'imapflow';
import { MailBridgeError } from './bridge-error.ts';
import { folderChanges } from './operations/changes.ts';
import { listFolders } from './operations/folders.ts';
import { listMessages } from './operations/messages.ts';
import { searchMessages, type SearchCriteria } from './operations/search.ts';
import { messageSource, type SourceAnswer } from './operations/source.ts';
import { appendMessage, deleteMessages, moveMessages, setFlags } from './operations/write-messages.ts';
import {
  readFlags,
  readFolder,
  readInteger,
  readObject,
  readOptionalBoolean,
  readOptionalInteger,
  readOptionalText,
  readText,
  readUids,
  type Body,
} from './request-body.ts';
import { countUids, parseUidSet } from './uid-set.ts';

/** What an endpoint runs once the account's connection is there. */
export type Operation = (client: ImapFlow) => Promise<unknown>;

export interface RouteLimits {
  readonly maxMessageBytes: number;
}

const maxKnownUids = 1_000_000;
const maxPage = 500;

function readDate(body: Body, field: string): Date | undefined {
  const text = readOptionalText(body, field, 40);
  if (text === undefined) return undefined;
  const date = new Date(text);
  if (Number.isNaN(date.getTime()))
    throw new MailBridgeError('invalid-request', `${field} is not a date (ISO 8601: 2026-12-03).`, {
      details: { field },
    });
  return date;
}

function readModseq(body: Body, field: string): string | null {
  const value = body[field];
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' || !/^\d{1,20}$/.test(value))
    throw new MailBridgeError('invalid-request', `${field} must be a decimal string, or null.`, {
      details: { field },
    });
  return value;
}

function readRaw(body: Body, maxBytes: number): Buffer {
  const text = readText(body, 'raw', Math.ceil((maxBytes * 4) / 3) + 4);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text))
    throw new MailBridgeError('invalid-request', 'raw must be the message in base64.', {
      details: { field: 'raw' },
    });
  const raw = Buffer.from(text, 'base64');
  if (raw.byteLength === 0)
    throw new MailBridgeError('invalid-request', 'raw is empty.', { details: { field: 'raw' } });
  if (raw.byteLength > maxBytes)
    throw new MailBridgeError(
      'message-too-large',
      `The message is over the bridge's limit of ${maxBytes} bytes.`,
      {
        details: { limit: maxBytes },
      },
    );
  return raw;
}

function readSearch(body: Body): SearchCriteria {
  const query = readObject(body['query'] ?? {}, 'query');
  const text = (field: string) => readOptionalText(query, field, 500);
  const criteria: Record<string, unknown> = {
    text: text('text'),
    subject: text('subject'),
    from: text('from'),
    to: text('to'),
    body: text('body'),
    since: readDate(query, 'since'),
    before: readDate(query, 'before'),
    seen: readOptionalBoolean(query, 'seen'),
    flagged: readOptionalBoolean(query, 'flagged'),
  };
  return Object.fromEntries(Object.entries(criteria).filter(([, value]) => value !== undefined));
}

/** Reads a JSON endpoint's fields; null for a name that is not one. */
export function jsonOperation(name: string, body: Body, limits: RouteLimits): Operation | null {
  switch (name) {
    case 'folders':
      return (client) => listFolders(client);
    case 'messages': {
      const folder = readFolder(body);
      const uids = body['uids'] === undefined ? undefined : readUids(body);
      if (uids !== undefined && countUids(uids) > maxPage)
        throw new MailBridgeError(
          'invalid-request',
          `uids names more than ${maxPage} messages: ask in pages.`,
          {
            details: { field: 'uids' },
          },
        );
      const before = readOptionalInteger(body, 'before', 1, 4_294_967_295);
      const limit = readOptionalInteger(body, 'limit', 1, maxPage) ?? 50;
      const previews = readOptionalBoolean(body, 'previews') ?? true;
      return (client) =>
        listMessages(client, {
          folder,
          limit,
          previews,
          ...(uids !== undefined ? { uids } : {}),
          ...(before !== undefined ? { before } : {}),
        });
    }
    case 'changes': {
      const folder = readFolder(body);
      const uidValidity = readInteger(body, 'uidValidity', 0, 4_294_967_295);
      const highestModseq = readModseq(body, 'highestModseq');
      let knownUids: string | undefined;
      if (body['knownUids'] !== undefined && body['knownUids'] !== '') {
        const set = typeof body['knownUids'] === 'string' ? parseUidSet(body['knownUids']) : null;
        if (set === null || countUids(set) > maxKnownUids)
          throw new MailBridgeError(
            'invalid-request',
            `knownUids must be a UID set of at most ${maxKnownUids} UIDs.`,
            {
              details: { field: 'knownUids' },
            },
          );
        knownUids = set;
      }
      return (client) =>
        folderChanges(client, { folder, uidValidity, highestModseq, ...(knownUids ? { knownUids } : {}) });
    }
    case 'flags': {
      const folder = readFolder(body);
      const uids = readUids(body);
      const add = readFlags(body, 'add');
      const remove = readFlags(body, 'remove');
      if (add.length === 0 && remove.length === 0)
        throw new MailBridgeError('invalid-request', 'Give flags to add or remove.', {
          details: { field: 'add' },
        });
      return (client) => setFlags(client, { folder, uids, add, remove });
    }
    case 'move': {
      const folder = readFolder(body);
      const uids = readUids(body);
      const to = readFolder(body, 'to');
      return (client) => moveMessages(client, { folder, uids, to });
    }
    case 'delete': {
      const folder = readFolder(body);
      const uids = readUids(body);
      const mode = body['mode'] ?? 'trash';
      if (mode !== 'trash' && mode !== 'expunge')
        throw new MailBridgeError('invalid-request', 'mode must be "trash" or "expunge".', {
          details: { field: 'mode' },
        });
      return (client) => deleteMessages(client, { folder, uids, mode });
    }
    case 'append': {
      const folder = readFolder(body);
      const raw = readRaw(body, limits.maxMessageBytes);
      const flags = readFlags(body, 'flags');
      const date = readDate(body, 'date');
      return (client) => appendMessage(client, { folder, raw, flags, ...(date ? { date } : {}) });
    }
    case 'search': {
      const folder = readFolder(body);
      const criteria = readSearch(body);
      const limit = readOptionalInteger(body, 'limit', 1, 10_000) ?? 1_000;
      return (client) => searchMessages(client, folder, criteria, limit);
    }
    default:
      return null;
  }
}

/** `/source` answers a stream, not JSON. */
export function sourceOperation(
  body: Body,
  limits: RouteLimits,
): (client: ImapFlow) => Promise<SourceAnswer> {
  const folder = readFolder(body);
  const uid = readInteger(body, 'uid', 1, 4_294_967_295);
  return (client) => messageSource(client, { folder, uid }, limits.maxMessageBytes);
}

export const jsonEndpoints = [
  'folders',
  'messages',
  'changes',
  'flags',
  'move',
  'delete',
  'append',
  'search',
] as const;
