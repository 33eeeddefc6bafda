/**
 * The bulk path of the pull (apply-remote.ts): a batch is written with bulk operations in one
 * transaction, and when that fails it is redone object by object (docs/sync-rules.md rule 6).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDavServer, type DavServer, type ServerKind } from './dav-server';
import { createHarness, isMultiget } from './sync-harness';

const KINDS: readonly ServerKind[] = ['radicale', 'xandikos'];

describe.each(KINDS)('bulk apply on %s', (kind) => {
  let server: DavServer;
  beforeAll(async () => {
    server = await startDavServer(kind);
  }, 30_000);
  afterAll(async () => {
    await server.stop();
  });

  it('rule 6: a malformed object and one whose write fails are set aside with their reasons; the rest of the batch commits', async () => {
    const h = await createHarness(server);
    for (const uid of ['a', 'b', 'c', 'd']) await h.putOnServer(uid, `Event ${uid}`);
    await h.putOnServer('broken', 'Broken', ['X-BREAK-ME:1']);
    await h.putOnServer('refused', 'Refused by the database');
    h.middleware.push(async (request, next) => {
      const response = await next();
      if (!isMultiget(request)) return response;
      const text = (await response.text()).replace('X-BREAK-ME:1', 'DTEND:not-a-date');
      return new Response(text, { status: response.status, headers: response.headers });
    });
    // A write the database refuses (say, quota): it fails the batch's bulk write, and alone its own.
    h.db.events.hook('creating', (_key, event) => {
      if (event.uid === 'refused') throw new Error('The database refused this event.');
    });

    const report = await h.sync();

    expect(report).toMatchObject({ pulled: 4, setAside: 2 });
    expect((await h.events()).map((event) => event.uid).sort()).toEqual(['a', 'b', 'c', 'd']);
    const aside = new Map((await h.db.setAside.toArray()).map((object) => [object.href, object]));
    expect(aside.get(h.hrefFor('broken'))?.reason).toMatch(/DTEND/);
    expect(aside.get(h.hrefFor('broken'))?.raw).toContain('not-a-date');
    expect(aside.get(h.hrefFor('refused'))?.reason).toMatch(/refused this event/);
    expect(h.logs.some((line) => line.includes('A batch failed'))).toBe(true);
    // Each stored event carries its status and its occurrences (the per-object redo stores them whole).
    for (const event of await h.events()) {
      expect(event.syncedIcs).toBe(event.ics);
      expect(await h.db.occurrences.where('eventId').equals(event.id).count()).toBe(1);
    }
    h.close();
  });

  it('rule 6: without a failing write the batch commits in one go, the malformed object set aside', async () => {
    const h = await createHarness(server);
    for (const uid of ['a', 'b']) await h.putOnServer(uid, `Event ${uid}`);
    await h.putOnServer('broken', 'Broken', ['X-BREAK-ME:1']);
    h.middleware.push(async (request, next) => {
      const response = await next();
      if (!isMultiget(request)) return response;
      const text = (await response.text()).replace('X-BREAK-ME:1', 'DTSTART:yesterday');
      return new Response(text, { status: response.status, headers: response.headers });
    });
    const report = await h.sync();
    expect(report).toMatchObject({ pulled: 2, setAside: 1 });
    expect(h.logs.some((line) => line.includes('A batch failed'))).toBe(false);
    const [aside] = await h.db.setAside.toArray();
    expect(aside?.reason).toMatch(/DTSTART/);
    h.close();
  });

  it('rule 6: an object set aside, then fixed on the server, is stored and leaves the set-aside list', async () => {
    const h = await createHarness(server);
    await h.putOnServer('a', 'Event a');
    await h.putOnServer('broken', 'Broken', ['X-BREAK-ME:1']);
    let breaking = true;
    h.middleware.push(async (request, next) => {
      const response = await next();
      if (!breaking || !isMultiget(request)) return response;
      const text = (await response.text()).replace('X-BREAK-ME:1', 'DTEND:not-a-date');
      return new Response(text, { status: response.status, headers: response.headers });
    });
    expect(await h.sync()).toMatchObject({ pulled: 1, setAside: 1 });
    breaking = false;
    await h.putOnServer('broken', 'Fixed');
    expect(await h.sync()).toMatchObject({ pulled: 1, setAside: 0 });
    expect(await h.db.setAside.count()).toBe(0);
    expect((await h.event('broken'))?.summary).toBe('Fixed');
    h.close();
  });
});
