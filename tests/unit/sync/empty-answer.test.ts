/** docs/sync-rules.md rule 5: the user's answers to "this calendar is empty on the server", on the database alone. */
import { describe, expect, it } from 'vitest';
import { putEvent } from '../../../src/core/events/event-store';
import type { CalendarId, EventId } from '../../../src/core/model/ids';
import type { OutboxOp } from '../../../src/core/model/outbox';
import { answerEmptyOnServer } from '../../../workers/sync/engine/empty-answer';
import { freshDb, testContext, vevent } from '../data/helpers';

const CAL = 'cal' as CalendarId;
const ctx = testContext('2026-11-02T09:00:00Z');
const NOW = ctx.now();

async function setUp() {
  const db = freshDb();
  const put = (uid: string, synced: boolean) =>
    putEvent(
      db,
      {
        calendarId: CAL,
        ics: vevent({ uid, start: '20261105T090000Z', end: '20261105T100000Z' }),
        href: synced ? `https://dav.example/cal/${uid}.ics` : null,
        etag: synced ? `"${uid}-1"` : null,
        syncedIcs: synced ? vevent({ uid, start: '20261105T090000Z', end: '20261105T100000Z' }) : null,
      },
      ctx,
    );
  const queue = (eventId: EventId, uid: string, op: OutboxOp) =>
    db.outbox.add({
      eventId,
      calendarId: CAL,
      op,
      uid,
      href: op === 'create' ? null : `https://dav.example/cal/${uid}.ics`,
      etag: op === 'create' ? null : `"${uid}-1"`,
      createdAt: NOW,
      attempts: 0,
      notBefore: 0,
    });
  const plain = await put('plain', true);
  const edited = await put('edited', true);
  await queue(edited, 'edited', 'update');
  const fresh = await put('fresh', false);
  await queue(fresh, 'fresh', 'create');
  await queue('gone' as EventId, 'gone', 'delete');
  await db.syncState.put({
    calendarId: CAL,
    syncToken: 'token-1',
    ctag: 'ctag-1',
    initialSyncInProgress: false,
    status: { phase: 'idle', lastOkAt: NOW },
    emptyOnServer: { askedAt: NOW, localCount: 2 },
  });
  const events = async () =>
    (await db.events.where('calendarId').equals(CAL).toArray()).sort((a, b) => a.uid.localeCompare(b.uid));
  const outbox = async () =>
    (await db.outbox.orderBy('seq').toArray()).map((entry) => `${entry.uid} ${entry.op}`).sort();
  return { db, plain, edited, fresh, events, outbox };
}

describe('answering the rule-5 question', () => {
  it('rule 5: "Empty it here too" deletes the synced events, keeps new ones and unsent edits (rule 4) as creates', async () => {
    const t = await setUp();
    const outcome = await answerEmptyOnServer(t.db, CAL, 'empty-here', NOW);

    expect(outcome).toEqual({ applied: true, deleted: 1, queued: 1 });
    const events = await t.events();
    expect(events.map((event) => event.uid)).toEqual(['edited', 'fresh']);
    for (const event of events) expect(event).toMatchObject({ href: null, etag: null });
    // The edited event keeps its last synced text as the base of a later merge; the new one has none.
    expect(events.find((event) => event.uid === 'edited')?.syncedIcs).toContain('SUMMARY:edited');
    expect(events.find((event) => event.uid === 'fresh')?.syncedIcs).toBeNull();
    // A queued delete stays: the server may hold what the sync that asked pushed (found by npm run soak).
    expect(await t.outbox()).toEqual(['edited create', 'fresh create', 'gone delete']);
    expect(await t.db.occurrences.where('eventId').equals(t.plain).count()).toBe(0);
  });

  it('rule 5: "Put my events back" queues every event as a create; queued deletes stay', async () => {
    const t = await setUp();
    const outcome = await answerEmptyOnServer(t.db, CAL, 'put-back', NOW);

    expect(outcome).toEqual({ applied: true, deleted: 0, queued: 2 });
    expect((await t.events()).map((event) => [event.uid, event.href])).toEqual([
      ['edited', null],
      ['fresh', null],
      ['plain', null],
    ]);
    expect(await t.outbox()).toEqual(['edited create', 'fresh create', 'gone delete', 'plain create']);
  });

  it('rule 5: either answer clears the question and the token with its effect, so the next sync re-lists', async () => {
    const t = await setUp();
    await answerEmptyOnServer(t.db, CAL, 'put-back', NOW);
    expect(await t.db.syncState.get(CAL)).toMatchObject({
      emptyOnServer: null,
      syncToken: null,
      ctag: null,
      initialSyncInProgress: false,
      status: { phase: 'idle', lastOkAt: NOW },
    });
  });

  it('rule 5: an answer without a pending question (answered in another tab) changes nothing', async () => {
    const t = await setUp();
    await answerEmptyOnServer(t.db, CAL, 'empty-here', NOW);
    const before = { events: await t.events(), outbox: await t.outbox() };

    const again = await answerEmptyOnServer(t.db, CAL, 'put-back', NOW);

    expect(again).toEqual({ applied: false, deleted: 0, queued: 0 });
    expect({ events: await t.events(), outbox: await t.outbox() }).toEqual(before);
  });
});
