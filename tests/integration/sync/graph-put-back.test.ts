/**
 * docs/sync-rules.md rule 5 on Microsoft 365: "put my events back" after the other client emptied the
 * calendar. Graph chooses the ref of a create, so a create never meets a conflict: an event the server
 * holds after all (here, one the sync that asked recreated itself, rule 4) is looked up by its UID and
 * followed, never created a second time (found by the Graph convergence test: one event twice). The
 * put-back's creates carry a transactionId of their own, never the one the event's first create used.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvent } from '../../../src/core/agenda/commands';
import { EmptyOnServerAnswer } from '../../../src/core/sync/sync-api';
import { createGraphHarness, type GraphHarness } from './graph-harness';

/** A Graph JSON property that is text (ids, subjects). */
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

let h: GraphHarness;

beforeEach(async () => {
  h = await createGraphHarness();
});

afterEach(async () => {
  await h.close();
});

/** The next delta round from a stored deltaLink answers 410 (Graph lost the sync state): a re-list. */
function refuseDeltaLinkOnce(): void {
  let done = false;
  h.middleware.push((request, next) => {
    if (done || !request.url.includes('calendarView/delta') || !request.url.includes('deltatoken'))
      return next();
    done = true;
    return Promise.resolve(
      new Response(JSON.stringify({ error: { code: 'resyncRequired', message: 'Resync required.' } }), {
        status: 410,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
  });
}

const subjects = () =>
  h.graph.inspect
    .events(h.graphCalendarId)
    .map((json) => text(json['subject']))
    .sort();

describe('put my events back (Graph)', () => {
  it('rules 5 and 4: an event the asking sync recreated itself is followed, not created twice; the server edit made since is kept', async () => {
    const lunch = h.single('Lunch');
    const review = h.single('Review');
    await h.sync();
    // The other client empties the calendar; meanwhile Lunch is edited here.
    const local = await h.localEventOf(lunch.id);
    await h.editLocal(local.id, { title: 'Lunch with Ana' });
    h.graph.store.deleteEvent(lunch.id);
    h.graph.store.deleteEvent(review.id);
    refuseDeltaLinkOnce();
    // The edit meets 404 and is recreated (rule 4); the re-list shows nothing but that: the question.
    expect(await h.sync()).toMatchObject({ awaitingDecision: true, deletedLocally: 0 });
    const [recreated] = h.graph.inspect.events(h.graphCalendarId);
    if (!recreated) throw new Error('the edit was not recreated');
    h.graph.store.updateEvent(text(recreated['id']), { location: { displayName: 'Canteen' } });

    await h.engine.answerEmptyOnServer(h.calendarId, EmptyOnServerAnswer.putBack);
    await h.sync();
    await h.sync();

    expect(subjects()).toEqual(['Lunch with Ana', 'Review']);
    const here = await h.events();
    expect(here.map((event) => event.summary).sort()).toEqual(['Lunch with Ana', 'Review']);
    const lunchHere = here.find((event) => event.summary === 'Lunch with Ana');
    expect(lunchHere?.href).toBe(recreated['id']);
    expect(lunchHere?.ics).toContain('Canteen');
    expect(await h.db.outbox.count()).toBe(0);
  });

  it("rule 5: an event created here and put back is sent under a transactionId of its own, not its first create's", async () => {
    const eventId = await createEvent(
      h.db,
      {
        calendarId: h.calendarId,
        draft: {
          title: 'Made here',
          location: '',
          description: '',
          timing: {
            allDay: false,
            start: '2026-03-12T10:00',
            end: '2026-03-12T11:00',
            timeZone: 'Europe/Zurich',
          },
          repeat: null,
        },
      },
      h.ctx,
    );
    h.single('Other');
    await h.sync();
    const [first] = h.graph.inspect
      .events(h.graphCalendarId)
      .filter((json) => json['subject'] === 'Made here');
    expect(first?.['transactionId']).toBe(eventId);
    for (const json of h.graph.inspect.events(h.graphCalendarId)) h.graph.store.deleteEvent(text(json['id']));
    refuseDeltaLinkOnce();
    expect(await h.sync()).toMatchObject({ awaitingDecision: true });

    await h.engine.answerEmptyOnServer(h.calendarId, EmptyOnServerAnswer.putBack);
    await h.sync();

    expect(subjects()).toEqual(['Made here', 'Other']);
    const [again] = h.graph.inspect
      .events(h.graphCalendarId)
      .filter((json) => json['subject'] === 'Made here');
    expect(again?.['transactionId']).toMatch(new RegExp(`^${eventId}-\\d+$`));
    expect((await h.events()).map((event) => event.summary).sort()).toEqual(['Made here', 'Other']);
  });
});
