/**
 * `POST /mail-bridge/source`: one message's RFC 822 source, streamed as `message/rfc822` for
 * postal-mime in the browser's worker (docs/sync-rules.md rule 64). Its size is asked first
 * (RFC822.SIZE) and a message over the limit is refused before any of it is read; imapflow's download
 * is also capped, in case the server's size was wrong.
 */
import type { Readable } from 'node:stream';
import type { ImapFlow } from 'imapflow';
import { MailBridgeError } from '../bridge-error.ts';

export interface SourceRequest {
  readonly folder: string;
  readonly uid: number;
}

export interface SourceAnswer {
  readonly size: number;
  readonly stream: Readable;
}

export async function messageSource(
  client: ImapFlow,
  request: SourceRequest,
  maxBytes: number,
): Promise<SourceAnswer> {
  await client.mailboxOpen(request.folder, { readOnly: true });
  const rows = await client.fetchAll(String(request.uid), { uid: true, size: true }, { uid: true });
  const row = rows.find((candidate) => candidate.uid === request.uid);
  if (!row) {
    throw new MailBridgeError(
      'message-not-found',
      `The folder has no message with UID ${request.uid} (moved or deleted?).`,
      {
        details: { field: 'uid' },
      },
    );
  }
  const size = row.size ?? 0;
  if (size > maxBytes) {
    throw new MailBridgeError(
      'message-too-large',
      `The message is ${size} bytes, over the bridge's limit of ${maxBytes}.`,
      {
        details: { limit: maxBytes },
      },
    );
  }
  const download = await client.download(String(request.uid), undefined, { uid: true, maxBytes });
  if (!download.content) {
    throw new MailBridgeError(
      'message-not-found',
      `The folder has no message with UID ${request.uid} (moved or deleted?).`,
      {
        details: { field: 'uid' },
      },
    );
  }
  return { size, stream: download.content };
}
