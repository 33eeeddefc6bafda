/**
 * `POST /mail-bridge/changes`: what changed in a folder since a client's cursor (UIDVALIDITY,
 * HIGHESTMODSEQ), by the best means the server offers (docs/sync-rules.md rules 60–63):
 *
 * - `qresync`: one SELECT … (QRESYNC (uidvalidity modseq)) — the server answers with the UIDs expunged
 *   since (VANISHED (EARLIER)) and the flags of every message changed or added since. One round trip.
 * - `condstore`: SELECT, UID FETCH 1:4294967295 (FLAGS) (CHANGEDSINCE modseq) for the changed and new
 *   messages, and UID SEARCH ALL for the UIDs still there (`present`), from which the client finds what
 *   went (or `vanished`, when the client sent the UIDs it knows).
 * - `scan`: no mod-sequences at all: the flags of every message and the UIDs present.
 *
 * A different UIDVALIDITY (or a cursor without one) voids the client's copy of the folder:
 * `uidValidityChanged` is true and nothing else is said; the client lists the folder again. The full
 * UID range is written out, never `1:*` (rule 61). New messages show as changed UIDs the client does
 * not know yet: it fetches their envelopes with `/messages`.
 */
import type { ImapFlow } from 'imapflow';
import { allUids, compactUids, expandUidSet } from '../uid-set.ts';
import { folderState, type FolderState } from './folder-state.ts';

export const ChangesMode = { qresync: 'qresync', condstore: 'condstore', scan: 'scan' } as const;
export type ChangesMode = (typeof ChangesMode)[keyof typeof ChangesMode];

export interface ChangesRequest {
  readonly folder: string;
  readonly uidValidity: number;
  /** Null: the client has no mod-sequence (a scan, or its first sync over CONDSTORE). */
  readonly highestModseq: string | null;
  /** The UIDs the client holds (a UID set), to get `vanished` without QRESYNC. */
  readonly knownUids?: string;
}

export interface ChangedMessage {
  readonly uid: number;
  readonly flags: readonly string[];
  readonly modseq: string | null;
}

export interface ChangesAnswer {
  readonly mode: ChangesMode;
  readonly uidValidityChanged: boolean;
  /** The new cursor: keep it for the next call. */
  readonly folder: FolderState;
  /** Changed or new messages, UID ascending. In `scan` mode: every message. */
  readonly changed: readonly ChangedMessage[];
  /** UIDs expunged since the cursor (a UID set, "" for none); null when it cannot be said (no QRESYNC, no `knownUids`). */
  readonly vanished: string | null;
  /** Every UID in the folder now (a UID set); null in `qresync` mode, which does not need it. */
  readonly present: string | null;
}

function flagsOf(flags: Set<string> | undefined): string[] {
  return [...(flags ?? [])].filter((flag) => flag !== '\\Recent');
}

function modseqAbove(current: string | null, changed: readonly ChangedMessage[]): string | null {
  let highest = current === null ? null : BigInt(current);
  for (const message of changed) {
    if (message.modseq === null) continue;
    const value = BigInt(message.modseq);
    if (highest === null || value > highest) highest = value;
  }
  return highest === null ? null : String(highest);
}

export async function folderChanges(client: ImapFlow, request: ChangesRequest): Promise<ChangesAnswer> {
  const { folder } = request;
  const useQresync =
    client.enabled.has('QRESYNC') && request.highestModseq !== null && request.highestModseq !== '0';
  if (useQresync) {
    const changed = new Map<number, ChangedMessage>();
    const vanished: number[] = [];
    const onFlags = (event: { uid?: number; flags: Set<string>; modseq?: bigint }) => {
      if (event.uid !== undefined)
        changed.set(event.uid, {
          uid: event.uid,
          flags: flagsOf(event.flags),
          modseq: event.modseq === undefined ? null : String(event.modseq),
        });
    };
    const onExpunge = (event: { uid?: number; vanished: boolean }) => {
      if (event.vanished && event.uid !== undefined) vanished.push(event.uid);
    };
    client.on('flags', onFlags);
    client.on('expunge', onExpunge);
    let mailbox;
    try {
      mailbox = await client.mailboxOpen(folder, {
        readOnly: true,
        uidValidity: BigInt(request.uidValidity),
        changedSince: BigInt(request.highestModseq),
      });
    } finally {
      client.off('flags', onFlags);
      client.off('expunge', onExpunge);
    }
    const state = folderState(mailbox);
    if (state.uidValidity !== request.uidValidity) return voided('qresync', state);
    if (state.highestModseq !== null) {
      const list = [...changed.values()].sort((a, b) => a.uid - b.uid);
      return {
        mode: 'qresync',
        uidValidityChanged: false,
        folder: { ...state, highestModseq: modseqAbove(state.highestModseq, list) },
        changed: list,
        vanished: compactUids(vanished),
        present: null,
      };
    }
    // NOMODSEQ on this folder: imapflow turned QRESYNC off for it; scan below.
  }
  const mailbox = await client.mailboxOpen(folder, { readOnly: true });
  const state = folderState(mailbox);
  if (state.uidValidity !== request.uidValidity)
    return voided(state.highestModseq === null ? 'scan' : 'condstore', state);
  const condstore = state.highestModseq !== null && request.highestModseq !== null;
  const rows =
    state.exists === 0
      ? []
      : await client.fetchAll(
          allUids,
          { uid: true, flags: true },
          { uid: true, ...(condstore ? { changedSince: BigInt(request.highestModseq) } : {}) },
        );
  const changed = rows
    .map((row) => ({
      uid: row.uid,
      flags: flagsOf(row.flags),
      modseq: row.modseq === undefined ? null : String(row.modseq),
    }))
    .sort((a, b) => a.uid - b.uid);
  let presentUids: number[];
  if (condstore) {
    const found = state.exists === 0 ? [] : await client.search({ all: true }, { uid: true });
    presentUids = Array.isArray(found) ? found : [];
  } else {
    presentUids = changed.map((message) => message.uid);
  }
  const present = new Set(presentUids);
  const vanished =
    request.knownUids === undefined
      ? null
      : compactUids([...expandUidSet(request.knownUids)].filter((uid) => !present.has(uid)));
  return {
    mode: condstore ? 'condstore' : 'scan',
    uidValidityChanged: false,
    folder: { ...state, highestModseq: modseqAbove(state.highestModseq, changed) },
    changed,
    vanished,
    present: compactUids(presentUids),
  };
}

function voided(mode: ChangesMode, folder: FolderState): ChangesAnswer {
  return { mode, uidValidityChanged: true, folder, changed: [], vanished: null, present: null };
}
