/**
 * An item the server lists as changed, then answers "not found" when its body is fetched, was deleted
 * there in between (docs/sync-rules.md rule 13): it is deleted here in the same sync, like a removal
 * the server names, on CalDAV (a multiget 404) and on Microsoft 365 (a series whose master is gone).
 * An edit waiting here is not lost: the push writes it back (rule 4). A complete listing left with
 * nothing but such items is a rule-5 question, not a mass delete. The Graph case was found by the
 * convergence test: a series deleted by the other client stayed here for good.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { editOccurrence, loadEventForEditing } from '../../../src/core/agenda/commands';
import { startDavServer, type DavServer, type ServerKind } from './dav-server';
import { at, createGraphHarness, startMs, type GraphHarness } from './graph-harness';
import { createHarness, isMultiget, isSyncReport, once, type Harness, type Middleware } from './sync-harness';

/** A Graph JSON property that is text (ids, subjects). */
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const KINDS: readonly ServerKind[] = ['radicale', 'xandikos'];

/** The objects at `uids` deleted by another client just before this multiget reaches the server. */
const deletedBeforeMultiget = (h: Harness, uids: readonly string[]): Middleware =>
  once(isMultiget, async (_request, next) => {
    for (const uid of uids) await h.deleteOnServer(uid);
    return next();
  });

/** The stored token refused once (403 DAV:valid-sync-token): the engine re-lists the calendar. */
const refuseTokenOnce = (): Middleware =>
  once(
    (request) => isSyncReport(request) && /sync-token>[^<]/.test(request.body),
    () =>
      Promise.resolve(
        new Response('<?xml version="1.0"?><D:error xmlns:D="DAV:"><D:valid-sync-token/></D:error>', {
          status: 403,
          headers: { 'Content-Type': 'application/xml' },
        }),
      ),
  );

describe.each(KINDS)('listed as changed, gone when fetched, on %s', (kind) => {
  let server: DavServer;
  beforeAll(async () => {
    server = await startDavServer(kind);
  }, 30_000);
  afterAll(async () => {
    await server.stop();
  });

  it('rule 13: an object the delta names as changed and the multiget answers 404 is deleted here in that sync', async () => {
    const h = await createHarness(server);
    await h.putOnServer('a', 'Lunch');
    await h.putOnServer('b', 'Kept');
    await h.sync();
    await h.putOnServer('a', 'Lunch moved');
    h.middleware.push(deletedBeforeMultiget(h, ['a']));
    const report = await h.sync();
    expect(report).toMatchObject({ deletedLocally: 1, awaitingDecision: false });
    expect((await h.events()).map((event) => event.uid)).toEqual(['b']);
    h.close();
  });

  it('rule 4: with an edit waiting here, the event stays and the next push writes the edit back', async () => {
    const h = await createHarness(server);
    await h.putOnServer('a', 'Lunch');
    await h.sync();
    const local = await h.event('a');
    if (!local) throw new Error('a is missing');
    await h.editLocal(local.id, { location: 'Room 4' });
    // The edit waits (as after a failed attempt) while the server's change and delete come in.
    await h.db.outbox.toCollection().modify({ notBefore: Number.MAX_SAFE_INTEGER });
    await h.putOnServer('a', 'Lunch moved');
    h.middleware.push(deletedBeforeMultiget(h, ['a']));
    expect(await h.sync()).toMatchObject({ deletedLocally: 0 });
    expect((await h.event('a'))?.ics).toContain('Room 4');

    await h.db.outbox.toCollection().modify({ notBefore: 0 });
    await h.sync();
    const objects = await h.serverObjects();
    expect(objects).toHaveLength(1);
    expect(objects[0]?.ics).toContain('Room 4');
    expect(await h.db.outbox.count()).toBe(0);
    h.close();
  });

  it('rule 5: a complete re-list whose every object is gone when fetched asks instead of emptying the calendar', async () => {
    const h = await createHarness(server);
    for (const uid of ['a', 'b']) await h.putOnServer(uid, `Event ${uid}`);
    await h.sync();
    // Both rewritten, so the re-list fetches both (it fetches only what changed).
    for (const uid of ['a', 'b']) await h.putOnServer(uid, `Event ${uid} moved`);
    h.middleware.push(refuseTokenOnce(), deletedBeforeMultiget(h, ['a', 'b']));
    const report = await h.sync();
    expect(report).toMatchObject({ awaitingDecision: true, deletedLocally: 0 });
    expect((await h.events()).map((event) => event.uid).sort()).toEqual(['a', 'b']);
    expect((await h.db.syncState.get(h.calendarId))?.emptyOnServer?.localCount).toBe(2);
    h.close();
  });
});

describe('listed as changed, gone when fetched, on Microsoft 365', () => {
  let h: GraphHarness;
  beforeEach(async () => {
    h = await createGraphHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  /** Standup, daily 09:00–10:00 UTC from 2 March 2026, 4 times. */
  const seedStandup = () =>
    h.graph.seed.series(
      {
        subject: 'Standup',
        start: at('2026-03-02', 9),
        end: at('2026-03-02', 10),
        recurrence: {
          pattern: { type: 'daily', interval: 1 },
          range: { type: 'numbered', startDate: '2026-03-02', numberOfOccurrences: 4 },
        },
      },
      {},
      h.graphCalendarId,
    );

  /** The series' occurrence of 3 March, as calendarView lists it. */
  const secondOccurrence = (masterId: string) => {
    const listed = h.graph.inspect.window(Date.UTC(2026, 2, 1), Date.UTC(2026, 3, 1), h.graphCalendarId);
    const found = listed.find(
      (json) => json['seriesMasterId'] === masterId && startMs(json) === Date.UTC(2026, 2, 3, 9),
    );
    if (!found) throw new Error('no occurrence on 3 March');
    return found;
  };

  /** The series deleted by the other client just before its master is fetched. */
  const deleteBeforeFetch = (masterId: string) => {
    let done = false;
    h.middleware.push((request, next) => {
      const named = request.body.includes(encodeURIComponent(masterId));
      if (done || !request.url.includes('$batch') || !named) return next();
      done = true;
      h.graph.store.deleteEvent(masterId);
      return next();
    });
  };

  it('rule 13: a series the delta names as changed (an occurrence edited there), deleted before its master is fetched, is deleted here', async () => {
    const series = seedStandup();
    const kept = h.single('Kept');
    await h.sync();
    const occurrence = secondOccurrence(series.master.id);
    h.graph.store.updateEvent(text(occurrence['id']), { subject: 'Standup (long)' });
    deleteBeforeFetch(series.master.id);
    const report = await h.sync();
    expect(report).toMatchObject({ deletedLocally: 1 });
    expect((await h.events()).map((event) => event.href)).toEqual([kept.id]);
  });

  it('rule 4: with an edit of the series waiting here, the series stays and the next push creates it again', async () => {
    const series = seedStandup();
    await h.sync();
    const local = await h.localEventOf(series.master.id);
    const loaded = await loadEventForEditing(h.db, { eventId: local.id, recurrenceId: null }, h.ctx);
    await editOccurrence(
      h.db,
      {
        eventId: local.id,
        recurrenceId: null,
        scope: 'all',
        calendarId: h.calendarId,
        draft: { ...loaded.draft, title: 'Standup, kept' },
      },
      h.ctx,
    );
    await h.db.outbox.toCollection().modify({ notBefore: Number.MAX_SAFE_INTEGER });
    const occurrence = secondOccurrence(series.master.id);
    h.graph.store.updateEvent(text(occurrence['id']), { subject: 'Standup (long)' });
    deleteBeforeFetch(series.master.id);
    expect(await h.sync()).toMatchObject({ deletedLocally: 0 });
    expect((await h.events()).map((event) => event.summary)).toEqual(['Standup, kept']);

    await h.db.outbox.toCollection().modify({ notBefore: 0 });
    await h.sync();
    expect(h.graph.inspect.events(h.graphCalendarId).map((json) => json['subject'])).toEqual([
      'Standup, kept',
    ]);
    expect(await h.db.outbox.count()).toBe(0);
  });
});
