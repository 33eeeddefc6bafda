/**
 * The writes: flags (`/flags`), move (`/move`), delete (`/delete`: to Trash, or expunged), append
 * (`/append`: drafts, sent copies). Each opens the folder read-write and answers with the folder's
 * state after the change, so the client can keep its cursor; UID maps come from the server's
 * COPYUID / APPENDUID (UIDPLUS) and are null where the server gives none.
 */
import type { ImapFlow } from 'imapflow';
import { MailBridgeError } from '../bridge-error.ts';
import { folderState, type FolderState } from './folder-state.ts';

export interface FlagsRequest {
  readonly folder: string;
  readonly uids: string;
  readonly add: readonly string[];
  readonly remove: readonly string[];
}

export async function setFlags(client: ImapFlow, request: FlagsRequest): Promise<{ folder: FolderState }> {
  await client.mailboxOpen(request.folder);
  if (request.add.length > 0) await client.messageFlagsAdd(request.uids, [...request.add], { uid: true });
  if (request.remove.length > 0)
    await client.messageFlagsRemove(request.uids, [...request.remove], { uid: true });
  return { folder: await reopened(client, request.folder) };
}

/** The folder's state after a write: a fresh EXAMINE, so HIGHESTMODSEQ and UIDNEXT are the server's now. */
async function reopened(client: ImapFlow, folder: string): Promise<FolderState> {
  return folderState(await client.mailboxOpen(folder, { readOnly: true }));
}

export interface MoveRequest {
  readonly folder: string;
  readonly uids: string;
  readonly to: string;
}

export interface MoveAnswer {
  readonly folder: FolderState;
  /** Old UID → UID in the destination, as strings of numbers; null without UIDPLUS. */
  readonly uidMap: Readonly<Record<string, number>> | null;
}

export async function moveMessages(client: ImapFlow, request: MoveRequest): Promise<MoveAnswer> {
  await client.mailboxOpen(request.folder);
  const result = await client.messageMove(request.uids, request.to, { uid: true });
  if (result === false) {
    throw new MailBridgeError('server-refused', 'The server did not move the messages.', {
      details: { field: 'to' },
    });
  }
  const uidMap = result.uidMap
    ? Object.fromEntries([...result.uidMap].map(([from, to]) => [String(from), to]))
    : null;
  return { folder: await reopened(client, request.folder), uidMap };
}

export interface DeleteRequest {
  readonly folder: string;
  readonly uids: string;
  /** `trash`: moved to the folder marked \Trash (expunged if already there); `expunge`: gone for good. */
  readonly mode: 'trash' | 'expunge';
}

export interface DeleteAnswer extends MoveAnswer {
  /** Where they went: the Trash folder's path, or null when expunged. */
  readonly movedTo: string | null;
}

export async function deleteMessages(client: ImapFlow, request: DeleteRequest): Promise<DeleteAnswer> {
  if (request.mode === 'trash') {
    const folders = await client.list();
    const trash = folders.find((folder) => folder.specialUse === '\\Trash');
    if (!trash) {
      throw new MailBridgeError(
        'server-unsupported',
        'The server has no Trash folder: delete with "mode": "expunge".',
        {
          details: { field: 'mode' },
        },
      );
    }
    if (trash.path !== request.folder) {
      const moved = await moveMessages(client, {
        folder: request.folder,
        uids: request.uids,
        to: trash.path,
      });
      return { ...moved, movedTo: trash.path };
    }
  }
  await client.mailboxOpen(request.folder);
  // STORE \Deleted, then UID EXPUNGE of these UIDs only (UIDPLUS), never a folder-wide EXPUNGE.
  await client.messageDelete(request.uids, { uid: true });
  return { folder: await reopened(client, request.folder), uidMap: null, movedTo: null };
}

export interface AppendRequest {
  readonly folder: string;
  readonly raw: Buffer;
  readonly flags: readonly string[];
  readonly date?: Date;
}

export interface AppendAnswer {
  readonly folder: FolderState;
  /** The stored message's UID (APPENDUID), null when the server does not say. */
  readonly uid: number | null;
}

export async function appendMessage(client: ImapFlow, request: AppendRequest): Promise<AppendAnswer> {
  const result = await client.append(request.folder, request.raw, [...request.flags], request.date);
  if (result === false) throw new MailBridgeError('server-refused', 'The server did not store the message.');
  return { folder: await reopened(client, request.folder), uid: result.uid ?? null };
}
