import { describe, expect, it } from 'vitest';
import {
  commitOnce,
  COMMITTED_WRITES_KEY,
  createEvent,
  editOccurrence,
} from '../../../src/core/agenda/commands';
import { COMMITTED_WRITES_KEPT } from '../../../src/core/agenda/commands/commit-once';
import type { EventId } from '../../../src/core/model/ids';
import { timedDraft, weeklySix } from './drafts';
import { expectAppError, freshDb, localCalendar, snapshot, testContext } from './helpers';

const ctx = testContext('2026-03-01T08:00:00Z');

describe('commitOnce', () => {
  it('applies a write once, however often it is run with the same id', async () => {
    const db = freshDb();
    const calendarId = await localCalendar(db, ctx);
    const write = () => createEvent(db, { calendarId, draft: timedDraft() }, ctx);
    expect(await commitOnce(db, 'write-1', write)).toBe(true);
    expect(await commitOnce(db, 'write-1', write)).toBe(false);
    expect(await db.events.count()).toBe(1);
    expect(await commitOnce(db, 'write-2', write)).toBe(true);
    expect(await db.events.count()).toBe(2);
    expect((await db.meta.get(COMMITTED_WRITES_KEY))?.value).toEqual(['write-1', 'write-2']);
  });

  it('keeps a "this and following" edit replayed after it committed from splitting the series twice', async () => {
    const db = freshDb();
    const calendarId = await localCalendar(db, ctx);
    const eventId = await createEvent(db, { calendarId, draft: timedDraft({ repeat: weeklySix }) }, ctx);
    const third = (await db.occurrences.where('eventId').equals(eventId).sortBy('start'))[2];
    if (!third?.recurrenceId) throw new Error('no third occurrence');
    const edit = () =>
      editOccurrence(
        db,
        {
          eventId,
          recurrenceId: third.recurrenceId,
          scope: 'following',
          calendarId,
          draft: timedDraft({
            title: 'Standup (new room)',
            repeat: weeklySix,
            timing: {
              allDay: false,
              start: '2026-03-24T09:00',
              end: '2026-03-24T09:30',
              timeZone: 'Europe/Zurich',
            },
          }),
        },
        ctx,
      );
    await commitOnce(db, 'split', edit);
    const after = await snapshot(db);
    expect(await db.events.count()).toBe(2);
    expect(await commitOnce(db, 'split', edit)).toBe(false);
    expect(await snapshot(db)).toEqual(after);
  });

  it('records nothing when the write fails, so it can be tried again', async () => {
    const db = freshDb();
    const calendarId = await localCalendar(db, ctx);
    const missing = 'no-such-event' as EventId;
    await expectAppError(
      () =>
        commitOnce(db, 'edit-1', () =>
          editOccurrence(
            db,
            { eventId: missing, recurrenceId: null, scope: 'all', calendarId, draft: timedDraft() },
            ctx,
          ),
        ),
      'not-found',
    );
    expect(await db.meta.get(COMMITTED_WRITES_KEY)).toBeUndefined();
    // A write that fails halfway leaves nothing of itself either: the id's record and the write are one.
    await expect(
      commitOnce(db, 'create-then-fail', async () => {
        await createEvent(db, { calendarId, draft: timedDraft() }, ctx);
        throw new Error('after the event was put');
      }),
    ).rejects.toThrow('after the event was put');
    expect(await db.events.count()).toBe(0);
    expect(
      await commitOnce(db, 'create-then-fail', () =>
        createEvent(db, { calendarId, draft: timedDraft() }, ctx),
      ),
    ).toBe(true);
  });

  it('keeps only the last ids', async () => {
    const db = freshDb();
    await localCalendar(db, ctx);
    for (let index = 0; index < COMMITTED_WRITES_KEPT + 5; index += 1) {
      await commitOnce(db, `w${index}`, () => Promise.resolve());
    }
    const kept = (await db.meta.get(COMMITTED_WRITES_KEY))?.value as string[];
    expect(kept).toHaveLength(COMMITTED_WRITES_KEPT);
    expect(kept[0]).toBe('w5');
    expect(kept.at(-1)).toBe(`w${COMMITTED_WRITES_KEPT + 4}`);
  });
});
