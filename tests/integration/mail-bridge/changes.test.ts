/**
 * `/changes` against Dovecot (docs/sync-rules.md rules 60–63): with QRESYNC, flags changed and
 * messages expunged by another client since the cursor come back as changed UIDs and VANISHED, and a
 * second call with the new cursor is empty; a changed UIDVALIDITY is reported as such; with QRESYNC
 * turned off for the account, on a server with CONDSTORE only, and on one with neither, the fallbacks
 * (CHANGEDSINCE and the UIDs present, then a full UID / flags scan) say the same.
 */
import type { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangesAnswer } from '../../../workers/mail-bridge/operations/changes';
import type { FolderState } from '../../../workers/mail-bridge/operations/folder-state';
import type { DovecotCapabilities } from '../../servers/dovecot-config';
import { startBridgeWorld, type BridgeWorld } from './bridge-world';

const newMessage = Buffer.from(
  'From: x@example.test\r\nTo: almanac@example.test\r\nSubject: Arrived later\r\nMessage-ID: <later@almanac.test>\r\n\r\nHi\r\n',
);

async function cursor(world: BridgeWorld): Promise<FolderState> {
  const { folder } = await world.json<{ folder: FolderState }>('messages', {
    folder: 'INBOX',
    limit: 1,
    previews: false,
  });
  return folder;
}

/** Another client flags UID 3, expunges UID 5 and delivers one message. */
async function changeElsewhere(direct: ImapFlow): Promise<void> {
  const lock = await direct.getMailboxLock('INBOX');
  try {
    await direct.messageFlagsAdd('3', ['\\Flagged'], { uid: true });
    await direct.messageDelete('5', { uid: true });
  } finally {
    lock.release();
  }
  await direct.append('INBOX', newMessage, []);
}

function changedUids(answer: ChangesAnswer): number[] {
  return answer.changed.map((message) => message.uid);
}

function describeWorld(
  name: string,
  capabilities: DovecotCapabilities,
  qresync: boolean,
  mode: ChangesAnswer['mode'],
) {
  describe(name, () => {
    let world: BridgeWorld;
    const server = () => ({ ...world.server, qresync });

    beforeAll(async () => {
      world = await startBridgeWorld({
        capabilities,
        users: [{ username: 'almanac', password: 'almanac-test-password', folders: { INBOX: 10 } }],
      });
    });

    afterAll(async () => {
      await world.stop();
    });

    it(`reports flags changed, messages expunged and new mail (${mode})`, async () => {
      const before = await cursor(world);
      expect(before.highestModseq === null).toBe(capabilities === 'basic');
      await changeElsewhere(await world.direct());
      const answer = await world.json<ChangesAnswer>('changes', {
        server: server(),
        folder: 'INBOX',
        uidValidity: before.uidValidity,
        highestModseq: before.highestModseq,
        knownUids: '1:10',
      });
      expect(answer.mode).toBe(mode);
      expect(answer.uidValidityChanged).toBe(false);
      expect(answer.vanished).toBe('5');
      expect(answer.folder.uidNext).toBe(12);
      expect(answer.folder.exists).toBe(10);
      const flagged = answer.changed.find((message) => message.uid === 3);
      expect(flagged?.flags).toContain('\\Flagged');
      expect(changedUids(answer)).toContain(11);
      expect(changedUids(answer)).not.toContain(5);
      if (mode === 'scan') {
        expect(changedUids(answer)).toEqual([1, 2, 3, 4, 6, 7, 8, 9, 10, 11]);
      } else {
        expect(changedUids(answer)).toEqual([3, 11]);
      }
      expect(answer.present).toBe(mode === 'qresync' ? null : '1:4,6:11');

      // Nothing since: the new cursor gives an empty answer (a scan lists every message again).
      const again = await world.json<ChangesAnswer>('changes', {
        server: server(),
        folder: 'INBOX',
        uidValidity: answer.folder.uidValidity,
        highestModseq: answer.folder.highestModseq,
        knownUids: '1:4,6:11',
      });
      expect(again.vanished).toBe('');
      expect(changedUids(again)).toEqual(mode === 'scan' ? [1, 2, 3, 4, 6, 7, 8, 9, 10, 11] : []);
    });

    it('says when UIDVALIDITY changed, and nothing else', async () => {
      const before = await cursor(world);
      await world.dovecot.changeUidValidity('almanac', 'INBOX', before.uidValidity + 1000);
      const answer = await world.json<ChangesAnswer>('changes', {
        server: server(),
        folder: 'INBOX',
        uidValidity: before.uidValidity,
        highestModseq: before.highestModseq,
      });
      expect(answer.uidValidityChanged).toBe(true);
      expect(answer.folder.uidValidity).toBe(before.uidValidity + 1000);
      expect(answer.changed).toEqual([]);
      expect(answer.vanished).toBeNull();
    });
  });
}

describeWorld('QRESYNC (Dovecot as shipped)', 'qresync', true, 'qresync');
describeWorld('QRESYNC turned off for the account', 'qresync', false, 'condstore');
describeWorld('a server with CONDSTORE only', 'condstore', true, 'condstore');
describeWorld('a server with neither', 'basic', true, 'scan');
