/** The sync engine pulling from real Radicale and Xandikos: docs/sync-rules.md rules 1, 2, 5, 9–13. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDavServer, type DavServer, type ServerKind } from './dav-server';
import { createHarness, isMultiget, isSyncReport, once, serverIcs } from './sync-harness';

const KINDS: readonly ServerKind[] = ['radicale', 'xandikos'];

describe.each(KINDS)('pull from %s', (kind) => {
  let server: DavServer;
  beforeAll(async () => {
    server = await startDavServer(kind);
  }, 30_000);
  afterAll(async () => {
    await server.stop();
  });

  it('rule 1: a first sync stores every object with href, etag and the synced text', async () => {
    const h = await createHarness(server);
    await h.putOnServer('a', 'Alpha');
    await h.putOnServer('b', 'Bêta 日本');
    const report = await h.sync();
    expect(report).toMatchObject({ skipped: false, pulled: 2, deletedLocally: 0 });
    const events = await h.events();
    expect(events.map((event) => event.summary).sort()).toEqual(['Alpha', 'Bêta 日本']);
    for (const event of events) {
      expect(event.href).toBe(h.hrefFor(event.uid));
      expect(event.etag).toMatch(/^"/);
      expect(event.syncedIcs).toBe(event.ics);
    }
    const state = await h.db.syncState.get(h.calendarId);
    expect(state?.syncToken).not.toBeNull();
    expect(state?.initialSyncInProgress).toBe(false);
    expect(state?.status.phase).toBe('idle');
    h.close();
  });

  it('rule 9: unchanged sync token and empty outbox → one request, skipped', async () => {
    const h = await createHarness(server);
    await h.putOnServer('a', 'Alpha');
    await h.sync();
    const report = await h.sync();
    expect(report).toMatchObject({ skipped: true, requests: 1, pulled: 0 });
    h.close();
  });

  it('rule 10: sync-collection with the stored token brings edits and deletions (a few requests)', async () => {
    const h = await createHarness(server);
    for (const uid of ['a', 'b', 'c']) await h.putOnServer(uid, `Event ${uid}`);
    await h.sync();
    const storedToken = (await h.db.syncState.get(h.calendarId))?.syncToken;
    await h.putOnServer('a', 'Edited on the server');
    await h.deleteOnServer('b');
    await h.putOnServer('d', 'New on the server');
    h.seen.length = 0;
    const report = await h.sync();
    expect(report).toMatchObject({ pulled: 2, deletedLocally: 1, requests: 3 });
    const sent = h.seen.find(isSyncReport);
    expect(sent?.body).toContain(String(storedToken)); // rule 28: our stored token, not a fresh one
    expect((await h.events()).map((event) => event.summary).sort()).toEqual([
      'Edited on the server',
      'Event c',
      'New on the server',
    ]);
    h.close();
  });

  it('rule 10: without sync-collection support, a PROPFIND listing plus ctag finds edits and deletions', async () => {
    const h = await createHarness(server);
    h.middleware.push(async (request, next) => {
      const response = await next();
      if (request.method !== 'PROPFIND' || request.headers.get('Depth') !== '0') return response;
      // Hide sync-collection from supported-report-set (test-side rewrite of the server's answer).
      const text = (await response.text()).replace(/<([\w]+:)?sync-collection\s*\/>/g, '');
      return new Response(text, { status: response.status, headers: response.headers });
    });
    for (const uid of ['a', 'b']) await h.putOnServer(uid, `Event ${uid}`);
    expect(await h.sync()).toMatchObject({ pulled: 2 });
    expect(h.seen.some(isSyncReport)).toBe(false);
    expect(await h.sync()).toMatchObject({ skipped: true, requests: 1 }); // rule 9 with the ctag
    await h.deleteOnServer('a');
    await h.putOnServer('b', 'Edited');
    expect(await h.sync()).toMatchObject({ pulled: 1, deletedLocally: 1 });
    expect((await h.events()).map((event) => event.summary)).toEqual(['Edited']);
    h.close();
  });

  it('rule 2: a new etag over the same content (other DTSTAMP, PRODID) is no change', async () => {
    const h = await createHarness(server);
    await h.putOnServer('a', 'Alpha');
    await h.sync();
    const before = await h.event('a');
    const rewritten = serverIcs('a', 'Alpha')
      .replace('DTSTAMP:20260101T000000Z', 'DTSTAMP:20260202T020202Z')
      .replace('Another client', 'Rewriter');
    await h.dav.put(h.hrefFor('a'), rewritten);
    const report = await h.sync();
    expect(report.pulled).toBe(0);
    const after = await h.event('a');
    expect(after?.etag).not.toBe(before?.etag);
    expect(after?.ics).toBe(before?.ics);
    h.close();
  });

  it('rule 11: an invalid stored token leads to a reconciling re-list', async () => {
    const h = await createHarness(server);
    for (const uid of ['a', 'b', 'c']) await h.putOnServer(uid, `Event ${uid}`);
    await h.sync();
    await h.db.syncState.update(h.calendarId, { syncToken: 'http://radicale.org/ns/sync/0000-not-a-token' });
    await h.deleteOnServer('b');
    await h.putOnServer('c', 'Edited');
    const report = await h.sync();
    expect(report).toMatchObject({ pulled: 1, deletedLocally: 1 });
    expect((await h.events()).map((event) => event.summary).sort()).toEqual(['Edited', 'Event a']);
    expect(h.logs.some((line) => line.includes('re-listing'))).toBe(true);
    const state = await h.db.syncState.get(h.calendarId);
    expect(state?.syncToken).not.toContain('not-a-token');
    h.close();
  });

  it('rule 11: an interrupted first sync persists "in progress", deletes nothing early and resumes', async () => {
    const h = await createHarness(server, { multigetBatchSize: 2 });
    for (const uid of ['a', 'b', 'c', 'd', 'e']) await h.putOnServer(uid, `Event ${uid}`);
    let multigets = 0;
    h.middleware.push((request, next) => {
      // From the second batch on the connection keeps failing (rule 16's retries do not help).
      if (isMultiget(request) && ++multigets >= 2) return Promise.reject(new TypeError('connection reset'));
      return next();
    });
    await expect(h.sync()).rejects.toMatchObject({ kind: 'network' });
    h.middleware.length = 0;
    const interrupted = await h.db.syncState.get(h.calendarId);
    expect(interrupted).toMatchObject({ initialSyncInProgress: true, syncToken: null });
    expect(await h.events()).toHaveLength(2);
    await h.deleteOnServer('a'); // gone meanwhile: the resumed listing removes it, nothing else
    const report = await h.sync();
    expect(report).toMatchObject({ pulled: 3, deletedLocally: 1 });
    expect((await h.events()).map((event) => event.uid).sort()).toEqual(['b', 'c', 'd', 'e']);
    expect((await h.db.syncState.get(h.calendarId))?.initialSyncInProgress).toBe(false);
    h.close();
  });

  it('rule 5: an HTML page instead of a listing is an error, nothing deleted', async () => {
    const h = await createHarness(server);
    await h.putOnServer('a', 'Alpha');
    await h.sync();
    await h.db.syncState.update(h.calendarId, { syncToken: null, initialSyncInProgress: true });
    h.middleware.push(
      once(isSyncReport, () =>
        Promise.resolve(
          new Response('<html><body>Login</body></html>', {
            status: 207,
            headers: { 'Content-Type': 'text/html' },
          }),
        ),
      ),
    );
    await expect(h.sync()).rejects.toMatchObject({ kind: 'server' });
    expect(await h.events()).toHaveLength(1);
    h.close();
  });

  it('rule 13: multiget in bounded batches; hrefs not returned are not-found, not errors', async () => {
    const h = await createHarness(server, { multigetBatchSize: 2 });
    for (const uid of ['a', 'b', 'c', 'd', 'e']) await h.putOnServer(uid, `Event ${uid}`);
    h.middleware.push(
      once(isMultiget, async (_request, next) => {
        await h.deleteOnServer('a'); // deleted between the listing and the multiget
        return next();
      }),
    );
    const report = await h.sync();
    const batches = h.seen.filter(isMultiget);
    expect(batches).toHaveLength(3);
    for (const batch of batches) expect(batch.body.match(/<d:href>/g)?.length ?? 0).toBeLessThanOrEqual(2);
    expect(report.pulled).toBe(4);
    expect((await h.events()).map((event) => event.uid).sort()).toEqual(['b', 'c', 'd', 'e']);
    h.close();
  });

  it('rule 6: a malformed object is set aside with its reason and raw text; the rest commits', async () => {
    const h = await createHarness(server);
    await h.putOnServer('good', 'Good');
    await h.putOnServer('bad', 'Bad', ['X-BREAK-ME:1']);
    h.middleware.push(async (request, next) => {
      const response = await next();
      if (!isMultiget(request)) return response;
      const text = (await response.text()).replace('X-BREAK-ME:1', 'DTEND:not-a-date');
      return new Response(text, { status: response.status, headers: response.headers });
    });
    const report = await h.sync();
    expect(report).toMatchObject({ pulled: 1, setAside: 1 });
    expect((await h.events()).map((event) => event.uid)).toEqual(['good']);
    const [aside] = await h.db.setAside.toArray();
    expect(aside?.href).toBe(h.hrefFor('bad'));
    expect(aside?.raw).toContain('not-a-date');
    expect(aside?.reason).toMatch(/DTEND/);
    h.close();
  });
});
