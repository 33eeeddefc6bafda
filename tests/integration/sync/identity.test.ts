/** Identity by href and UID on real servers: docs/sync-rules.md rule 7 (moves, duplicate UIDs). */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDavServer, type DavServer, type ServerKind } from './dav-server';
import { createHarness, serverIcs } from './sync-harness';

const KINDS: readonly ServerKind[] = ['radicale', 'xandikos'];

describe.each(KINDS)('identity on %s', (kind) => {
  let server: DavServer;
  beforeAll(async () => {
    server = await startDavServer(kind);
  }, 30_000);
  afterAll(async () => {
    await server.stop();
  });

  it('rule 7: a changed href with the same UID is a move: the event keeps its identity', async () => {
    const h = await createHarness(server);
    await h.putOnServer('a', 'Moving');
    await h.putOnServer('b', 'Staying');
    await h.sync();
    const before = await h.event('a');
    // Another client re-files the object under a new name (delete + create with the same UID).
    await h.deleteOnServer('a');
    await h.dav.put(`${h.collectionUrl}renamed.ics`, serverIcs('a', 'Moving'));
    const report = await h.sync();
    expect(report.deletedLocally).toBe(0);
    const after = await h.event('a');
    expect(after?.id).toBe(before?.id);
    expect(after?.href).toBe(`${h.collectionUrl}renamed.ics`);
    expect(await h.events()).toHaveLength(2);
    h.close();
  });

  it.runIf(kind === 'radicale')(
    'rule 7: two resources with one UID → the second is set aside and reported, not merged',
    async () => {
      const h = await createHarness(server);
      await h.putOnServer('a', 'First');
      await h.sync();
      // Servers refuse a second resource with a known UID over HTTP, so it is laid out on disk (as a sync
      // tool or an import could leave it).
      const folder = join(server.storageDir, h.collectionUrl.split('/').filter(Boolean).pop() ?? '');
      await writeFile(join(folder, 'copy.ics'), serverIcs('a', 'Second copy'));
      const report = await h.sync();
      expect(report.setAside).toBe(1);
      expect((await h.events()).map((event) => event.summary)).toEqual(['First']);
      const [aside] = await h.db.setAside.toArray();
      expect(aside?.href).toBe(`${h.collectionUrl}copy.ics`);
      expect(aside?.reason).toMatch(/same UID/);
      h.close();
    },
  );

  // Radicale 3.1 keeps the first version of a resource whose name is not filesystem-safe (a second PUT
  // answers 201 and changes nothing), so this runs where the server behaves.
  it.runIf(kind === 'xandikos')(
    'rule 7: percent-encoded hrefs (café, ~) keep one identity across syncs',
    async () => {
      const h = await createHarness(server);
      await h.dav.put(
        `${h.collectionUrl}${encodeURIComponent('café~1')}.ics`,
        serverIcs('uid-encoded', 'Encoded'),
      );
      await h.sync();
      expect(await h.sync()).toMatchObject({ skipped: true });
      const id = (await h.event('uid-encoded'))?.id;
      expect(id).toBeDefined();
      await h.dav.put(
        `${h.collectionUrl}${encodeURIComponent('café~1')}.ics`,
        serverIcs('uid-encoded', 'Encoded, edited'),
      );
      expect(await h.sync()).toMatchObject({ pulled: 1, deletedLocally: 0 });
      expect((await h.events()).map((event) => [event.id, event.summary])).toEqual([[id, 'Encoded, edited']]);
      h.close();
    },
  );
});
