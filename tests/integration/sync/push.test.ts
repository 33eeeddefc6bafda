/** The sync engine pushing to real Radicale and Xandikos: docs/sync-rules.md rules 3, 4, 8, 14–16 and the outbox. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventId } from '../../../src/core/model/ids';
import { startDavServer, type DavServer, type ServerKind } from './dav-server';
import { createHarness, isMultiget, isSyncReport, once, serverIcs, type Harness } from './sync-harness';

const KINDS: readonly ServerKind[] = ['radicale', 'xandikos'];
const isPut = (request: { method: string }) => request.method === 'PUT';

async function syncedEvent(h: Harness, uid: string, summary: string): Promise<EventId> {
  await h.putOnServer(uid, summary);
  await h.sync();
  const event = await h.event(uid);
  if (!event) throw new Error('not pulled');
  return event.id;
}

describe.each(KINDS)('push to %s', (kind) => {
  let server: DavServer;
  beforeAll(async () => {
    server = await startDavServer(kind);
  }, 30_000);
  afterAll(async () => {
    await server.stop();
  });

  it('rules 8 and 14: a local create is pushed first with If-None-Match: *, then the pull finds nothing new', async () => {
    const h = await createHarness(server);
    const id = await h.createLocal('Written here');
    const report = await h.sync();
    expect(report).toMatchObject({ pushed: 1, pulled: 0 });
    const put = h.seen.find(isPut);
    expect(put?.headers.get('If-None-Match')).toBe('*');
    expect(h.seen.findIndex(isPut)).toBeLessThan(h.seen.findIndex(isSyncReport));
    const event = await h.db.events.get(id);
    expect(event?.href).toMatch(/\.ics$/);
    expect(await h.db.outbox.count()).toBe(0);
    const objects = await h.serverObjects();
    const lastSegment = (href: string | null | undefined) => decodeURIComponent(href?.split('/').pop() ?? '');
    expect(objects.map((object) => lastSegment(object.href))).toEqual([lastSegment(event?.href)]);
    expect(await h.sync()).toMatchObject({ skipped: true, requests: 1 });
    h.close();
  });

  it('rule 14: an edit is written with If-Match and a raised SEQUENCE', async () => {
    const h = await createHarness(server);
    const id = await syncedEvent(h, 'a', 'Before');
    const etag = (await h.db.events.get(id))?.etag;
    await h.editLocal(id, { title: 'After' });
    h.seen.length = 0;
    expect(await h.sync()).toMatchObject({ pushed: 1, conflicts: 0 });
    expect(h.seen.find(isPut)?.headers.get('If-Match')).toBe(etag);
    const [object] = await h.serverObjects();
    expect(object?.ics).toContain('SUMMARY:After');
    expect(object?.ics).toMatch(/SEQUENCE:[1-9]/);
    h.close();
  });

  it('outbox: a create that reached the server before a crash is recognised on retry, never doubled', async () => {
    const h = await createHarness(server);
    const id = await h.createLocal('Once only');
    h.middleware.push(
      once(isPut, async (_request, next) => {
        await next(); // the server stored it…
        throw new TypeError('socket hang up'); // …but the answer never came back
      }),
    );
    await expect(h.sync()).rejects.toMatchObject({ kind: 'network' });
    expect(h.seen.filter(isPut)).toHaveLength(1); // rule 16: a PUT is never retried automatically
    expect(await h.db.outbox.count()).toBe(1);
    const report = await h.sync();
    expect(report).toMatchObject({ pushed: 1, conflicts: 0 });
    expect(await h.serverObjects()).toHaveLength(1);
    expect(await h.db.outbox.count()).toBe(0);
    expect((await h.db.events.get(id))?.etag).not.toBeNull();
    h.close();
  });

  it('rule 14: a PUT answered without ETag stores none and re-reads it (the pull after the push)', async () => {
    const h = await createHarness(server);
    const id = await h.createLocal('No etag');
    let etagAfterPush: string | null | undefined;
    h.middleware.push(
      once(isPut, async (_request, next) => {
        const response = await next();
        const headers = new Headers(response.headers);
        headers.delete('etag');
        return new Response(await response.text(), { status: response.status, headers });
      }),
      once(isSyncReport, async (_request, next) => {
        etagAfterPush = (await h.db.events.get(id))?.etag;
        return next();
      }),
    );
    const report = await h.sync();
    expect(etagAfterPush).toBeNull();
    expect(h.seen.some(isMultiget)).toBe(true); // rule 8: re-checked after pushing, the body re-read
    expect(report.pulled).toBe(0); // same content: only the status moved on (rule 2)
    const [object] = await h.serverObjects();
    expect((await h.db.events.get(id))?.etag).toBe(object?.etag);
    h.close();
  });

  it('rules 15 and 3: 412 → three-way merge; changes to different properties both survive', async () => {
    const h = await createHarness(server);
    const id = await syncedEvent(h, 'a', 'Meeting');
    await h.editLocal(id, { title: 'Meeting (moved to B)' });
    await h.dav.put(h.hrefFor('a'), serverIcs('a', 'Meeting', ['LOCATION:Room 4', 'SEQUENCE:1']));
    const report = await h.sync();
    expect(report).toMatchObject({ conflicts: 0, pushed: 1 });
    const [object] = await h.serverObjects();
    expect(object?.ics).toContain('SUMMARY:Meeting (moved to B)');
    expect(object?.ics).toContain('LOCATION:Room 4');
    const event = await h.db.events.get(id);
    expect(event?.ics).toContain('LOCATION:Room 4');
    expect(event?.etag).toBe(object?.etag);
    expect(await h.db.outbox.count()).toBe(0);
    h.close();
  });

  it('rule 3: the same property changed on both sides keeps the server value and a restorable conflict copy', async () => {
    const h = await createHarness(server);
    const id = await syncedEvent(h, 'a', 'Lunch');
    await h.editLocal(id, { title: 'Lunch with Ana' });
    await h.dav.put(h.hrefFor('a'), serverIcs('a', 'Lunch with Bo', ['SEQUENCE:1']));
    const report = await h.sync();
    expect(report.conflicts).toBe(1);
    const event = await h.db.events.get(id);
    expect(event?.summary).toBe('Lunch with Bo');
    const [copy] = await h.db.conflicts.toArray();
    expect(copy).toMatchObject({
      eventId: id,
      uid: 'a',
      fields: expect.arrayContaining(['SUMMARY']) as unknown,
    });
    expect(copy?.localIcs).toContain('SUMMARY:Lunch with Ana');
    expect(copy?.serverIcs).toContain('SUMMARY:Lunch with Bo');
    expect(await h.db.outbox.count()).toBe(0);
    h.close();
  });

  it('rules 4 and 15: edited here, deleted on the server → recreated once with If-None-Match', async () => {
    const h = await createHarness(server);
    const id = await syncedEvent(h, 'a', 'Keep me');
    await h.editLocal(id, { title: 'Kept' });
    await h.deleteOnServer('a');
    h.seen.length = 0;
    expect(await h.sync()).toMatchObject({ pushed: 1, deletedLocally: 0 });
    const puts = h.seen.filter(isPut);
    expect(puts.map((put) => put.headers.get('If-None-Match') ?? put.headers.get('If-Match'))).toEqual([
      expect.stringMatching(/^"/),
      '*',
    ]);
    const [object] = await h.serverObjects();
    expect(object?.ics).toContain('SUMMARY:Kept');
    h.close();
  });

  it('rules 4, 7: a server that cannot look a UID up (calendar-query refused) still gets the edit back', async () => {
    const h = await createHarness(server);
    h.middleware.push(async (request, next) =>
      request.body.includes('calendar-query') ? new Response('Not Implemented', { status: 501 }) : next(),
    );
    const id = await syncedEvent(h, 'a', 'Keep me');
    await h.editLocal(id, { title: 'Kept' });
    await h.deleteOnServer('a');
    expect(await h.sync()).toMatchObject({ pushed: 1, deletedLocally: 0 });
    expect(h.seen.some((request) => request.body.includes('calendar-query'))).toBe(true);
    expect((await h.serverObjects()).map((object) => object.ics.includes('SUMMARY:Kept'))).toEqual([true]);
    h.close();
  });

  it('rule 4: deleted here, edited on the server → the edit wins and comes back', async () => {
    const h = await createHarness(server);
    const id = await syncedEvent(h, 'a', 'Original');
    await h.deleteLocal(id);
    await h.dav.put(h.hrefFor('a'), serverIcs('a', 'Edited elsewhere', ['SEQUENCE:1']));
    await h.sync();
    expect((await h.events()).map((event) => event.summary)).toEqual(['Edited elsewhere']);
    expect(await h.serverObjects()).toHaveLength(1);
    expect(await h.db.outbox.count()).toBe(0);
    h.close();
  });

  it('rule 14: a local delete is sent with If-Match and removes the object', async () => {
    const h = await createHarness(server);
    await syncedEvent(h, 'a', 'Going');
    const id = await syncedEvent(h, 'b', 'Going too');
    await h.deleteLocal(id);
    h.seen.length = 0;
    expect(await h.sync()).toMatchObject({ pushed: 1 });
    expect(h.seen.find((request) => request.method === 'DELETE')?.headers.get('If-Match')).toMatch(/^"/);
    expect((await h.serverObjects()).map((object) => object.href.split('/').pop())).toEqual(['a.ics']);
    h.close();
  });

  it('rule 15: 403 on a write → the calendar is read-only, the edit reverted and kept as a copy', async () => {
    const h = await createHarness(server);
    const id = await syncedEvent(h, 'a', 'Shared');
    await h.editLocal(id, { title: 'Mine now' });
    h.middleware.push((request, next) =>
      isPut(request)
        ? Promise.resolve(new Response('<error xmlns="DAV:"><need-privileges/></error>', { status: 403 }))
        : next(),
    );
    await h.sync();
    expect((await h.db.events.get(id))?.summary).toBe('Shared');
    expect((await h.db.calendars.get(h.calendarId))?.readOnly).toBe(true);
    expect((await h.db.conflicts.toArray())[0]?.localIcs).toContain('SUMMARY:Mine now');
    expect(await h.db.outbox.count()).toBe(0);
    h.close();
  });

  it('rule 16: 503 with Retry-After → AppError server with retryAfterMs, local data untouched', async () => {
    const h = await createHarness(server);
    const id = await h.createLocal('Waiting');
    h.middleware.push(() =>
      Promise.resolve(new Response('busy', { status: 503, headers: { 'Retry-After': '120' } })),
    );
    await expect(h.sync()).rejects.toMatchObject({ kind: 'server', retryable: true, retryAfterMs: 120_000 });
    expect(h.seen).toHaveLength(1); // a busy server is not hammered with retries
    expect(await h.db.outbox.count()).toBe(1);
    expect(await h.db.events.get(id)).toBeDefined();
    h.close();
  });

  it('rule 16: idempotent requests are retried after a dropped connection', async () => {
    const h = await createHarness(server);
    await h.putOnServer('a', 'Alpha');
    h.middleware.push(once(isSyncReport, () => Promise.reject(new TypeError('connection reset'))));
    expect(await h.sync()).toMatchObject({ pulled: 1 });
    expect(h.seen.filter(isSyncReport)).toHaveLength(2);
    h.close();
  });
});
