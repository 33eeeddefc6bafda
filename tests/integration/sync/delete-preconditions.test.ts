/**
 * A local delete meeting 412 on real Radicale and Xandikos: a 412 proves only that the etag moved.
 * The engine reads the object again and compares contents before concluding (found by the convergence
 * test: a stale etag twice in a row kept a deleted event alive). docs/sync-rules.md rules 2, 4, 14, 16.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventId } from '../../../src/core/model/ids';
import { startDavServer, type DavServer, type ServerKind } from './dav-server';
import { createHarness, once, type Harness, type SeenRequest } from './sync-harness';

const KINDS: readonly ServerKind[] = ['radicale', 'xandikos'];
const isDelete = (request: SeenRequest) => request.method === 'DELETE';
const isGet = (request: SeenRequest) => request.method === 'GET';
const refused = () => Promise.resolve(new Response('', { status: 412 }));

async function syncedEvent(h: Harness, uid: string, summary: string): Promise<EventId> {
  await h.putOnServer(uid, summary);
  await h.sync();
  const event = await h.event(uid);
  if (!event) throw new Error('not pulled');
  return event.id;
}

/** The answer with its ETag replaced by one the server never gave (a proxy or cache serving stale). */
async function withStaleEtag(next: () => Promise<Response>): Promise<Response> {
  const answer = await next();
  const headers = new Headers(answer.headers);
  headers.set('ETag', '"stale-etag"');
  return new Response(await answer.text(), { status: answer.status, headers });
}

describe.each(KINDS)('deletes meeting 412 on %s', (kind) => {
  let server: DavServer;
  beforeAll(async () => {
    server = await startDavServer(kind);
  }, 30_000);
  afterAll(async () => {
    await server.stop();
  });

  it('rules 2, 14: a 412, then a stale etag on the re-read: the content is the user’s, so it is deleted', async () => {
    const h = await createHarness(server);
    await syncedEvent(h, 'keep', 'Stays');
    const id = await syncedEvent(h, 'a', 'Going');
    await h.deleteLocal(id);
    h.middleware.push(
      once(isDelete, refused),
      once(isGet, (_request, next) => withStaleEtag(next)),
    );

    await h.sync();

    expect((await h.serverObjects()).map((object) => object.href.split('/').pop())).toEqual(['keep.ics']);
    expect((await h.events()).map((event) => event.summary)).toEqual(['Stays']);
    expect(await h.db.conflicts.count()).toBe(0);
    h.close();
  });

  it('rule 16: an etag that keeps moving leaves the delete waiting (nothing comes back), then it goes through', async () => {
    const h = await createHarness(server);
    const id = await syncedEvent(h, 'a', 'Going');
    await h.deleteLocal(id);
    h.middleware.push((request, next) => (isDelete(request) ? refused() : next()));

    await expect(h.sync()).rejects.toMatchObject({ kind: 'server', retryable: true });
    expect(await h.events()).toEqual([]);
    expect(await h.db.outbox.count()).toBe(1);
    expect(await h.serverObjects()).toHaveLength(1);

    h.middleware.length = 0;
    await h.sync();
    expect(await h.serverObjects()).toEqual([]);
    expect(await h.events()).toEqual([]);
    expect(await h.db.outbox.count()).toBe(0);
    h.close();
  });

  it('rule 4: after a 412 the re-read shows an edit made there: the edit wins and comes back', async () => {
    const h = await createHarness(server);
    const id = await syncedEvent(h, 'a', 'Original');
    await h.deleteLocal(id);
    h.middleware.push(
      once(isDelete, async (_request, next) => {
        // Someone edits it just before our delete arrives.
        await h.dav.put(
          h.hrefFor('a'),
          (await h.serverObjects())[0]?.ics.replace('Original', 'Edited') ?? '',
        );
        return next();
      }),
    );

    await h.sync();

    expect((await h.events()).map((event) => event.summary)).toEqual(['Edited']);
    expect(await h.serverObjects()).toHaveLength(1);
    expect(await h.db.outbox.count()).toBe(0);
    h.close();
  });
});
