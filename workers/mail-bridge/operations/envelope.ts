/**
 * One message as a list shows it (docs/sync-rules.md rule 62: the envelope, flags, size, structure and
 * the one References header, never full headers).
 */
import type { FetchMessageObject, FetchQueryObject, MessageAddressObject } from 'imapflow';
import { hasAttachments } from './message-structure.ts';

export interface Address {
  readonly name: string;
  readonly address: string;
}

export interface EnvelopeAnswer {
  readonly uid: number;
  readonly messageId: string | null;
  readonly inReplyTo: string | null;
  /** Message-IDs of the References header, oldest first (threads). */
  readonly references: readonly string[];
  readonly subject: string;
  readonly from: readonly Address[];
  readonly to: readonly Address[];
  readonly cc: readonly Address[];
  readonly replyTo: readonly Address[];
  /** The Date header (ISO 8601), else the server's arrival time. */
  readonly date: string | null;
  /** When the server received it (INTERNALDATE), ISO 8601. */
  readonly receivedAt: string | null;
  /** Without `\Recent`, which belongs to one session. */
  readonly flags: readonly string[];
  readonly size: number;
  readonly hasAttachments: boolean;
  /** Up to 200 characters of the text, or "" when it could not be read. */
  readonly preview: string;
  /** A decimal string, or null without CONDSTORE. */
  readonly modseq: string | null;
}

export const envelopeQuery: FetchQueryObject = {
  uid: true,
  flags: true,
  size: true,
  envelope: true,
  internalDate: true,
  bodyStructure: true,
  headers: ['references'],
};

function addresses(list: readonly MessageAddressObject[] | undefined): Address[] {
  return (list ?? []).map((item) => ({ name: item.name ?? '', address: item.address ?? '' }));
}

function iso(value: Date | string | undefined): string | null {
  if (value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The Message-IDs of a References header block (folded lines included). */
export function referencesOf(headers: Buffer | undefined): string[] {
  if (!headers) return [];
  return headers.toString('utf8').match(/<[^<>\s]+>/g) ?? [];
}

export function envelopeOf(row: FetchMessageObject, preview: string): EnvelopeAnswer {
  const envelope = row.envelope ?? {};
  const receivedAt = iso(row.internalDate);
  return {
    uid: row.uid,
    messageId: envelope.messageId ?? null,
    inReplyTo: envelope.inReplyTo ?? null,
    references: referencesOf(row.headers),
    subject: envelope.subject ?? '',
    from: addresses(envelope.from),
    to: addresses(envelope.to),
    cc: addresses(envelope.cc),
    replyTo: addresses(envelope.replyTo),
    date: iso(envelope.date) ?? receivedAt,
    receivedAt,
    flags: [...(row.flags ?? [])].filter((flag) => flag !== '\\Recent'),
    size: row.size ?? 0,
    hasAttachments: hasAttachments(row.bodyStructure),
    preview,
    modseq: row.modseq === undefined ? null : String(row.modseq),
  };
}
