/**
 * A create (or a recreate, docs/sync-rules.md rule 4) made here whose every answer was lost, so the
 * sync failed, then deleted here before a sync confirmed it: the server holds the item, and the
 * delete waits as a tombstone by UID (rule 7) for the pull to show it. Graph gives each event its own
 * iCalUId, so the item is read under the app's UID by the `transactionId` it was created with
 * (app-uids.ts); before, it came back under Graph's UID, the tombstone never met it and the deleted
 * event came back (found by the Graph convergence test, seed 2026).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvent, deleteOccurrence } from '../../../src/core/agenda/commands';
import { GraphFaultKind } from '../../servers/graph/index';
import { createGraphHarness, type GraphHarness } from './graph-harness';

let h: GraphHarness;

beforeEach(async () => {
  h = await createGraphHarness();
});

afterEach(async () => {
  await h.close();
});

/** The next create is applied and both its answers (the attempt and the client's resend) are lost. */
function loseNextCreateAnswers(): void {
  let used = false;
  h.middleware.push((request, next) => {
    if (used || request.method !== 'POST' || !request.url.endsWith('/events')) return next();
    used = true;
    h.graph.faults.plan.setPlan({
      mode: 'schedule',
      faults: [GraphFaultKind.dropResponse, GraphFaultKind.dropResponse],
    });
    return next();
  });
}

const onServer = () => h.graph.inspect.events(h.graphCalendarId).map((json) => json['subject']);

describe('a delete here after a create whose answers were lost (Graph)', () => {
  it('rules 4 and 7: a create, deleted here before a sync confirmed it, is deleted on Microsoft 365 and stays deleted here', async () => {
    const eventId = await createEvent(
      h.db,
      {
        calendarId: h.calendarId,
        draft: {
          title: 'Review',
          location: '',
          description: '',
          timing: { allDay: false, start: '2026-03-13T10:00', end: '2026-03-13T11:00', timeZone: 'UTC' },
          repeat: null,
        },
      },
      h.ctx,
    );
    loseNextCreateAnswers();
    await expect(h.sync()).rejects.toMatchObject({ kind: 'network' });
    expect(onServer()).toEqual(['Review']);
    await deleteOccurrence(h.db, { eventId, recurrenceId: null, scope: 'all' }, h.ctx);

    await h.sync();

    expect(onServer()).toEqual([]);
    expect(await h.events()).toEqual([]);
    expect(await h.db.outbox.count()).toBe(0);
  });

  it('rule 4: a recreate of an event deleted there and edited here, its answers lost, then deleted here, is deleted on Microsoft 365 too', async () => {
    const remote = h.single('Lunch');
    await h.sync();
    const local = await h.localEventOf(remote.id);
    await h.editLocal(local.id, { title: 'Lunch with Ana' });
    h.graph.store.deleteEvent(remote.id);
    loseNextCreateAnswers();
    await expect(h.sync()).rejects.toMatchObject({ kind: 'network' });
    expect(onServer()).toEqual(['Lunch with Ana']);
    await deleteOccurrence(h.db, { eventId: local.id, recurrenceId: null, scope: 'all' }, h.ctx);

    await h.sync();

    expect(onServer()).toEqual([]);
    expect(await h.events()).toEqual([]);
    expect(await h.db.outbox.count()).toBe(0);
  });
});
