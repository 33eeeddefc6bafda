/** A folder's state as every answer about one folder gives it (the cursor a client keeps). */
import type { MailboxObject } from 'imapflow';

export interface FolderState {
  readonly path: string;
  readonly uidValidity: number;
  readonly uidNext: number;
  /** Messages in the folder. */
  readonly exists: number;
  /** A decimal string, or null when the server keeps no mod-sequences (no CONDSTORE, or NOMODSEQ). */
  readonly highestModseq: string | null;
}

export function folderState(mailbox: MailboxObject): FolderState {
  return {
    path: mailbox.path,
    uidValidity: Number(mailbox.uidValidity),
    uidNext: mailbox.uidNext,
    exists: mailbox.exists,
    highestModseq:
      mailbox.highestModseq === undefined || mailbox.noModseq ? null : String(mailbox.highestModseq),
  };
}
