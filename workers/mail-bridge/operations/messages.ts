/**
 * `POST /mail-bridge/messages`: envelopes of one folder, either the UIDs asked for (`uids`) or a page
 * newest first (`limit`, then `before` = the smallest UID of the previous page). A page is a range of
 * sequence numbers found from the anchor UID, so it costs one FETCH, not a SEARCH of the folder.
 */
import type { FetchMessageObject, ImapFlow } from 'imapflow';
import { envelopeOf, envelopeQuery, type EnvelopeAnswer } from './envelope.ts';
import { folderState, type FolderState } from './folder-state.ts';
import { previewPart, type TextPart } from './message-structure.ts';
import { fetchPreviews } from './preview.ts';

export interface MessagesRequest {
  readonly folder: string;
  readonly uids?: string;
  readonly before?: number;
  readonly limit: number;
  readonly previews: boolean;
}

export interface MessagesAnswer {
  readonly folder: FolderState;
  /** Newest (highest UID) first. */
  readonly messages: readonly EnvelopeAnswer[];
  /** For the next page: pass as `before`. Null when this page reached the oldest message. */
  readonly nextBefore: number | null;
}

/** The sequence range of a newest-first page, or null when there is nothing before the anchor. */
async function pageRange(
  client: ImapFlow,
  exists: number,
  limit: number,
  before: number | undefined,
): Promise<string | null> {
  let end = exists;
  if (before !== undefined) {
    if (before <= 1) return null;
    const anchor = await client.search({ uid: `${before}` }, { uid: false });
    let seq = Array.isArray(anchor) ? anchor[0] : undefined;
    if (seq === undefined) {
      // The anchor is gone (expunged): the highest sequence number below it.
      const below = await client.search({ uid: `1:${before - 1}` }, { uid: false });
      seq = Array.isArray(below) && below.length > 0 ? Math.max(...below) + 1 : 1;
    }
    end = seq - 1;
  }
  if (end < 1) return null;
  return `${Math.max(1, end - limit + 1)}:${end}`;
}

export async function listMessages(client: ImapFlow, request: MessagesRequest): Promise<MessagesAnswer> {
  const mailbox = await client.mailboxOpen(request.folder, { readOnly: true });
  let rows: FetchMessageObject[] = [];
  let firstSeq = 0;
  if (request.uids !== undefined) {
    rows = await client.fetchAll(request.uids, envelopeQuery, { uid: true });
  } else if (mailbox.exists > 0) {
    const range = await pageRange(client, mailbox.exists, request.limit, request.before);
    if (range !== null) {
      rows = await client.fetchAll(range, envelopeQuery);
      firstSeq = Number(range.split(':')[0]);
    }
  }
  rows.sort((a, b) => b.uid - a.uid);
  const parts = new Map<number, TextPart>();
  if (request.previews) {
    for (const row of rows) {
      const part = previewPart(row.bodyStructure);
      if (part) parts.set(row.uid, part);
    }
  }
  const previews = parts.size > 0 ? await fetchPreviews(client, parts) : new Map<number, string>();
  const oldest = rows.at(-1);
  return {
    folder: folderState(mailbox),
    messages: rows.map((row) => envelopeOf(row, previews.get(row.uid) ?? '')),
    nextBefore: request.uids === undefined && oldest !== undefined && firstSeq > 1 ? oldest.uid : null,
  };
}
