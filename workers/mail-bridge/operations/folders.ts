/**
 * `POST /mail-bridge/folders`: every folder with its role (RFC 6154 SPECIAL-USE, else imapflow's guess
 * from well-known names), counts, UIDVALIDITY, UIDNEXT and HIGHESTMODSEQ, from one LIST … RETURN
 * (STATUS …) where the server has LIST-STATUS (else imapflow asks STATUS per folder).
 */
import type { ImapFlow } from 'imapflow';

export const FolderRole = {
  inbox: 'inbox',
  drafts: 'drafts',
  sent: 'sent',
  trash: 'trash',
  junk: 'junk',
  archive: 'archive',
  all: 'all',
  flagged: 'flagged',
} as const;
export type FolderRole = (typeof FolderRole)[keyof typeof FolderRole];

const roleOfSpecialUse: Readonly<Record<string, FolderRole>> = {
  '\\Inbox': 'inbox',
  '\\Drafts': 'drafts',
  '\\Sent': 'sent',
  '\\Trash': 'trash',
  '\\Junk': 'junk',
  '\\Archive': 'archive',
  '\\All': 'all',
  '\\Flagged': 'flagged',
};

export interface FolderAnswer {
  readonly path: string;
  readonly name: string;
  readonly delimiter: string | null;
  readonly parent: string | null;
  readonly role: FolderRole | null;
  readonly subscribed: boolean;
  /** `\Noselect`: a folder that only holds other folders. */
  readonly selectable: boolean;
  readonly messages: number | null;
  readonly unseen: number | null;
  readonly uidNext: number | null;
  readonly uidValidity: number | null;
  /** A decimal string: mod-sequences go past 2^53. Null without CONDSTORE. */
  readonly highestModseq: string | null;
}

export interface Capabilities {
  readonly condstore: boolean;
  readonly qresync: boolean;
  readonly move: boolean;
  readonly uidplus: boolean;
  readonly idle: boolean;
}

export function capabilitiesOf(client: ImapFlow): Capabilities {
  return {
    condstore: client.enabled.has('CONDSTORE'),
    qresync: client.enabled.has('QRESYNC'),
    move: client.capabilities.has('MOVE'),
    uidplus: client.capabilities.has('UIDPLUS'),
    idle: client.capabilities.has('IDLE'),
  };
}

export function roleOf(specialUse: string | undefined): FolderRole | null {
  return specialUse === undefined ? null : (roleOfSpecialUse[specialUse] ?? null);
}

export async function listFolders(
  client: ImapFlow,
): Promise<{ folders: FolderAnswer[]; capabilities: Capabilities }> {
  const condstore = client.enabled.has('CONDSTORE');
  const list = await client.list({
    statusQuery: {
      messages: true,
      unseen: true,
      uidNext: true,
      uidValidity: true,
      ...(condstore ? { highestModseq: true } : {}),
    },
  });
  const folders = list.map((folder): FolderAnswer => {
    const status = folder.status;
    return {
      path: folder.path,
      name: folder.name,
      delimiter: folder.delimiter || null,
      parent: folder.parentPath || null,
      role: roleOf(folder.specialUse),
      subscribed: folder.subscribed,
      selectable: !folder.flags.has('\\Noselect') && !folder.flags.has('\\NonExistent'),
      messages: status?.messages ?? null,
      unseen: status?.unseen ?? null,
      uidNext: status?.uidNext ?? null,
      uidValidity: status?.uidValidity === undefined ? null : Number(status.uidValidity),
      highestModseq: status?.highestModseq === undefined ? null : String(status.highestModseq),
    };
  });
  return { folders, capabilities: capabilitiesOf(client) };
}
