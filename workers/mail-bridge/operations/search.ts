/**
 * `POST /mail-bridge/search`: the server's own SEARCH over one folder, for what the client has not
 * stored. Criteria are ANDed; text criteria are sent as IMAP strings (imapflow quotes them or sends a
 * literal), never spliced into the command. Answers UIDs, newest first, at most `limit`, and the total.
 */
import type { ImapFlow, SearchObject } from 'imapflow';
import { folderState, type FolderState } from './folder-state.ts';

export interface SearchCriteria {
  readonly text?: string;
  readonly subject?: string;
  readonly from?: string;
  readonly to?: string;
  readonly body?: string;
  readonly since?: Date;
  readonly before?: Date;
  readonly seen?: boolean;
  readonly flagged?: boolean;
}

export interface SearchAnswer {
  readonly folder: FolderState;
  readonly uids: readonly number[];
  readonly total: number;
}

export async function searchMessages(
  client: ImapFlow,
  folder: string,
  criteria: SearchCriteria,
  limit: number,
): Promise<SearchAnswer> {
  const mailbox = await client.mailboxOpen(folder, { readOnly: true });
  const query: SearchObject = {};
  if (criteria.text !== undefined) query.text = criteria.text;
  if (criteria.subject !== undefined) query.subject = criteria.subject;
  if (criteria.from !== undefined) query.from = criteria.from;
  if (criteria.to !== undefined) query.to = criteria.to;
  if (criteria.body !== undefined) query.body = criteria.body;
  if (criteria.since !== undefined) query.since = criteria.since;
  if (criteria.before !== undefined) query.before = criteria.before;
  if (criteria.seen !== undefined) query.seen = criteria.seen;
  if (criteria.flagged !== undefined) query.flagged = criteria.flagged;
  if (Object.keys(query).length === 0) query.all = true;
  const found = mailbox.exists === 0 ? [] : await client.search(query, { uid: true });
  const uids = (Array.isArray(found) ? found : []).sort((a, b) => b - a);
  return { folder: folderState(mailbox), uids: uids.slice(0, limit), total: uids.length };
}
