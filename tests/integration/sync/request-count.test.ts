/**
 * What a sync costs in requests (docs/sync-rules.md rules 9, 10, 13), counted at the fetch: nothing changed →
 * one request per calendar; 20 changes on the server → at most 3 (state, delta, one multiget batch).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDavServer, type DavServer, type ServerKind } from './dav-server';
import { createHarness } from './sync-harness';

const KINDS: readonly ServerKind[] = ['radicale', 'xandikos'];

describe.each(KINDS)('requests per sync on %s', (kind) => {
  let server: DavServer;
  beforeAll(async () => {
    server = await startDavServer(kind);
  }, 30_000);
  afterAll(async () => {
    await server.stop();
  });

  it('rules 10, 13: a first sync asks the capabilities (no ctag, no token), lists once, fetches the bodies', async () => {
    const h = await createHarness(server);
    for (const uid of ['a', 'b', 'c']) await h.putOnServer(uid, `Event ${uid}`);
    h.seen.length = 0;
    expect(await h.sync()).toMatchObject({ pulled: 3, requests: 3 });
    const [state, listing, multiget] = h.seen;
    expect(state?.method).toBe('PROPFIND');
    // A calendar never listed has no version to compare: the server is not asked to compute one.
    expect(state?.body).toContain('supported-report-set');
    expect(state?.body).not.toMatch(/getctag|sync-token/);
    expect(listing?.body).toContain('sync-collection');
    expect(multiget?.body).toContain('calendar-multiget');
    // The token came with the listing: the next sync compares it and stops there.
    h.seen.length = 0;
    expect(await h.sync()).toMatchObject({ skipped: true, requests: 1 });
    expect(h.seen[0]?.body).toContain('sync-token');
    h.close();
  });

  it('rule 9: a sync with nothing changed on either side costs one request', async () => {
    const h = await createHarness(server);
    for (const uid of ['a', 'b', 'c']) await h.putOnServer(uid, `Event ${uid}`);
    await h.sync();
    for (let round = 0; round < 3; round += 1) {
      h.seen.length = 0;
      expect(await h.sync()).toMatchObject({ skipped: true, requests: 1 });
      expect(h.seen).toHaveLength(1);
      // Synced by token: the ctag (a second pass over every item on some servers) is not asked.
      expect(h.seen[0]?.body).toContain('sync-token');
      expect(h.seen[0]?.body).not.toContain('getctag');
    }
    h.close();
  });

  it('rules 10, 13: 20 changes on the server cost at most 3 requests', async () => {
    const h = await createHarness(server);
    for (let index = 0; index < 12; index += 1) await h.putOnServer(`e${index}`, `Event ${index}`);
    await h.sync();
    for (let index = 0; index < 8; index += 1) await h.putOnServer(`e${index}`, `Edited ${index}`);
    for (let index = 8; index < 12; index += 1) await h.deleteOnServer(`e${index}`);
    for (let index = 0; index < 8; index += 1) await h.putOnServer(`n${index}`, `New ${index}`);
    h.seen.length = 0;
    const report = await h.sync();
    expect(report).toMatchObject({ pulled: 16, deletedLocally: 4 });
    expect(report.requests).toBeLessThanOrEqual(3);
    expect(h.seen).toHaveLength(report.requests);
    expect(await h.events()).toHaveLength(16);
    h.close();
  });
});
