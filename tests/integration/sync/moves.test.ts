/**
 * A server-side move (docs/sync-rules.md rule 7: same UID, new href) meeting a local change not yet sent, on
 * real servers: an edit follows the event to its new href and is merged there (rules 3, 4); a delete
 * reaches the object at its new href. Found by the convergence test (tests/integration/convergence).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDavServer, type DavServer, type ServerKind } from './dav-server';
import { createHarness, moveOnServer, serverIcs } from './sync-harness';

const KINDS: readonly ServerKind[] = ['radicale', 'xandikos'];

describe.each(KINDS)('moves on %s', (kind) => {
  let server: DavServer;
  beforeAll(async () => {
    server = await startDavServer(kind);
  }, 30_000);
  afterAll(async () => {
    await server.stop();
  });

  it('rule 7: an edit waiting here follows the moved event and is written at its new href', async () => {
    const h = await createHarness(server);
    await h.putOnServer('a', 'Before');
    await h.sync();
    const event = await h.event('a');
    if (!event) throw new Error('a is missing');
    await h.editLocal(event.id, { title: 'Edited here' });
    const href = await moveOnServer(h, 'a', 'Before');

    await h.sync().catch(() => undefined); // may stop at the old href; the next sync settles it
    await h.sync();

    expect(await h.db.outbox.count()).toBe(0);
    const objects = await h.serverObjects();
    expect(objects).toHaveLength(1);
    expect(objects[0]?.ics).toContain('SUMMARY:Edited here');
    expect(await h.event('a')).toMatchObject({ id: event.id, href, summary: 'Edited here' });
    h.close();
  });

  it('rules 3, 7: an edit meeting its event moved and edited there merges into it, never a second copy', async () => {
    const h = await createHarness(server);
    await h.putOnServer('a', 'Before');
    await h.sync();
    const event = await h.event('a');
    if (!event) throw new Error('a is missing');
    await h.editLocal(event.id, { location: 'Room 4' });
    // Moved and retitled by another client between two syncs: the old href answers 404.
    const href = await moveOnServer(h, 'a', 'Retitled there');

    await h.sync();

    expect(await h.db.outbox.count()).toBe(0);
    const objects = await h.serverObjects();
    expect(objects.map((object) => new URL(object.href, href).href)).toEqual([href]);
    expect(objects[0]?.ics).toContain('SUMMARY:Retitled there');
    expect(objects[0]?.ics).toContain('LOCATION:Room 4');
    expect(await h.event('a')).toMatchObject({ id: event.id, href, summary: 'Retitled there' });
    expect(await h.db.setAside.count()).toBe(0);
    h.close();
  });

  it('rule 7: a delete waiting here reaches the object at its new href (it does not come back)', async () => {
    const h = await createHarness(server);
    await h.putOnServer('a', 'To delete');
    await h.putOnServer('b', 'Staying');
    await h.sync();
    const event = await h.event('a');
    if (!event) throw new Error('a is missing');
    await h.deleteLocal(event.id);
    await moveOnServer(h, 'a', 'To delete');

    const report = await h.sync();

    expect(report.pushed).toBe(1);
    expect(await h.db.outbox.count()).toBe(0);
    expect((await h.serverObjects()).map((object) => object.ics.includes('UID:b'))).toEqual([true]);
    expect((await h.events()).map((local) => local.uid)).toEqual(['b']);
    h.close();
  });

  it('rules 4, 7: a delete waiting here does not remove an object moved and edited since: the edit wins', async () => {
    const h = await createHarness(server);
    await h.putOnServer('a', 'Before');
    await h.sync();
    const event = await h.event('a');
    if (!event) throw new Error('a is missing');
    await h.deleteLocal(event.id);
    await moveOnServer(h, 'a', 'Edited after the move');

    await h.sync();

    expect(await h.db.outbox.count()).toBe(0);
    expect(
      (await h.serverObjects()).map((object) => object.ics.includes('SUMMARY:Edited after the move')),
    ).toEqual([true]);
    expect((await h.events()).map((local) => local.summary)).toEqual(['Edited after the move']);
    h.close();
  });

  it('rules 4, 7: an event that followed a move, then deleted here while edited there: the edit wins', async () => {
    const h = await createHarness(server);
    await h.putOnServer('a', 'Before');
    await h.sync();
    const event = await h.event('a');
    if (!event) throw new Error('a is missing');
    await h.editLocal(event.id, { title: 'Edited here' });
    const href = await moveOnServer(h, 'a', 'Before');
    await h.sync().catch(() => undefined); // the event follows the move; its etag is forgotten
    await h.deleteLocal(event.id);
    const edited = await h.dav.put(href, serverIcs('a', 'Edited on the server'));
    if (edited.status >= 300) throw new Error(`PUT ${edited.status}`);

    await h.sync();

    expect(await h.db.outbox.count()).toBe(0);
    expect((await h.events()).map((local) => local.summary)).toEqual(['Edited on the server']);
    expect(await h.serverObjects()).toHaveLength(1);
    h.close();
  });
});
