/**
 * The pull's pipeline (pull.ts): the next calendar-multiget is requested while the current batch is
 * applied, one request ahead at most, in bounded batches (docs/sync-rules.md rule 13); a failure of a
 * request made ahead surfaces as it did without the pipeline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/core/errors';
import { startDavServer, type DavServer, type ServerKind } from './dav-server';
import { createHarness, isMultiget } from './sync-harness';

const KINDS: readonly ServerKind[] = ['radicale', 'xandikos'];
const UIDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

describe.each(KINDS)('pull pipeline on %s', (kind) => {
  let server: DavServer;
  beforeAll(async () => {
    server = await startDavServer(kind);
  }, 30_000);
  afterAll(async () => {
    await server.stop();
  });

  it('rule 13: the next batch is requested before the current one is applied, never two requests at once', async () => {
    const h = await createHarness(server, { multigetBatchSize: 2 });
    for (const uid of UIDS) await h.putOnServer(uid, `Event ${uid}`);
    const timeline: string[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    let multigets = 0;
    h.middleware.push(async (request, next) => {
      if (!isMultiget(request)) return next();
      timeline.push(`request ${multigets}`);
      multigets += 1;
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      try {
        return await next();
      } finally {
        inFlight -= 1;
      }
    });
    const report = await h.engine.syncCalendar(h.calendarId, (done) => timeline.push(`applied ${done}`));

    expect(report).toMatchObject({ pulled: 8, requests: 6 });
    expect(mostInFlight).toBe(1);
    const at = (entry: string) => timeline.indexOf(entry);
    // Ahead: batch n+1 is asked for before batch n is applied …
    expect(at('request 1')).toBeLessThan(at('applied 2'));
    expect(at('request 2')).toBeLessThan(at('applied 4'));
    expect(at('request 3')).toBeLessThan(at('applied 6'));
    // … and no further: batch n+2 only once batch n-1 is applied (one batch written, one in hand).
    expect(at('request 3')).toBeGreaterThan(at('applied 2'));
    expect(timeline.filter((entry) => entry.startsWith('applied'))).toEqual([
      'applied 0',
      'applied 2',
      'applied 4',
      'applied 6',
      'applied 8',
    ]);
    expect((await h.events()).map((event) => event.uid).sort()).toEqual(UIDS);
    h.close();
  });

  it('a failed request made ahead fails the sync after the batches before it are applied; the next sync completes', async () => {
    const h = await createHarness(server, { multigetBatchSize: 2 });
    for (const uid of UIDS) await h.putOnServer(uid, `Event ${uid}`);
    let multigets = 0;
    let failing = true;
    h.middleware.push((request, next) => {
      if (!isMultiget(request)) return next();
      multigets += 1;
      if (failing && multigets === 2) return Promise.resolve(new Response('', { status: 403 }));
      return next();
    });

    const timeline: string[] = [];
    const error: unknown = await h.engine
      .syncCalendar(h.calendarId, (done) => timeline.push(`applied ${done}`))
      .then(
        () => null,
        (failure: unknown) => failure,
      );
    timeline.push('failed');

    expect(isAppError(error) && error.kind).toBe('auth');
    // The first batch was applied before the failure surfaced; nothing after it, no token stored.
    expect(timeline).toEqual(['applied 0', 'applied 2', 'failed']);
    expect(await h.events()).toHaveLength(2);
    const state = await h.db.syncState.get(h.calendarId);
    expect(state?.initialSyncInProgress).toBe(true);
    expect(state?.syncToken ?? null).toBeNull();
    failing = false;
    expect(await h.sync()).toMatchObject({ pulled: 6, deletedLocally: 0 });
    expect((await h.events()).map((event) => event.uid).sort()).toEqual(UIDS);
    h.close();
  });
});
