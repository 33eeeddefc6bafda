// A create whose answer is lost, on Microsoft 365 (issue 11 point 5; docs/sync-rules.md rules 16 and
// 46): the Graph test server applies the POST and closes the connection before answering. The
// provider sends it once more with the same transactionId, Graph answers the event it already made,
// and the sync ends with one event on each side, as lost-answers.test.ts proves for CalDAV.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvent, deleteOccurrence, moveOccurrence } from '../../../src/core/agenda/commands';
import { GraphFaultKind } from '../../servers/graph/index';
import { at, createGraphHarness, startMs, type GraphHarness, type GraphMiddleware } from './graph-harness';

let h: GraphHarness;

beforeEach(async () => {
  h = await createGraphHarness();
});

afterEach(async () => {
  await h.close();
});

/** The server applies the next POST of an event and drops the connection instead of answering. */
function dropFirstCreateAnswer(): GraphMiddleware {
  let used = false;
  return (request, next) => {
    if (used || request.method !== 'POST' || !request.url.endsWith('/events')) return next();
    used = true;
    h.graph.faults.plan.setPlan({ mode: 'schedule', faults: [GraphFaultKind.dropResponse] });
    return next();
  };
}

const posts = () => h.seen.filter((request) => request.method === 'POST' && request.url.endsWith('/events'));

describe('a create whose answer is lost (Graph)', () => {
  it('is sent again with the same transactionId: one event on the server, one here, the outbox empty', async () => {
    const id = await createEvent(
      h.db,
      {
        calendarId: h.calendarId,
        draft: {
          title: 'Planning',
          location: '',
          description: '',
          timing: { allDay: false, start: '2026-03-12T10:00', end: '2026-03-12T11:00', timeZone: 'UTC' },
          repeat: null,
        },
      },
      h.ctx,
    );
    h.middleware.push(dropFirstCreateAnswer());
    const report = await h.sync();

    // The first POST was applied and its answer never came; the second carried the same key.
    const dropped = h.graph.faults.plan.stats().recent.filter((event) => event.fault !== null);
    expect(dropped).toEqual([
      expect.objectContaining({ method: 'POST', fault: GraphFaultKind.dropResponse, status: null }),
    ]);
    const sent = posts();
    expect(sent).toHaveLength(2);
    const keys = sent.map(
      (request) => (JSON.parse(request.body) as { transactionId?: string }).transactionId,
    );
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);

    expect(report.pushed).toBe(1);
    const onServer = h.graph.inspect.events(h.graphCalendarId);
    expect(onServer.map((json) => json['subject'])).toEqual(['Planning']);
    const local = await h.events();
    expect(local.map((event) => [event.id, event.href])).toEqual([[id, onServer[0]?.['id']]]);
    expect(await h.db.outbox.count()).toBe(0);

    // The next sync finds nothing to do and nothing doubled.
    await h.sync();
    expect(h.graph.inspect.events(h.graphCalendarId)).toHaveLength(1);
    expect(await h.events()).toHaveLength(1);
  });

  it('dropped twice, the sync fails as a network error and the next one sends the same key: still one event', async () => {
    await createEvent(
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
    let armed = true;
    h.middleware.push((request, next) => {
      if (armed && request.method === 'POST' && request.url.endsWith('/events')) {
        h.graph.faults.plan.setPlan({ mode: 'schedule', faults: [GraphFaultKind.dropResponse] });
      }
      return next();
    });
    await expect(h.sync()).rejects.toMatchObject({ kind: 'network' });
    expect(h.graph.inspect.events(h.graphCalendarId)).toHaveLength(1);
    expect(await h.db.outbox.count()).toBe(1);

    armed = false;
    await h.sync();
    const keys = posts().map(
      (request) => (JSON.parse(request.body) as { transactionId?: string }).transactionId,
    );
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(h.graph.inspect.events(h.graphCalendarId).map((json) => json['subject'])).toEqual(['Review']);
    expect((await h.events()).map((event) => event.summary)).toEqual(['Review']);
    expect(await h.db.outbox.count()).toBe(0);
  });

  it('rule 46: a create whose answer was lost, edited here before the next sync, puts the edit on Microsoft 365 (its transactionId answers the event the first attempt made, not the text sent; found by the Graph convergence test)', async () => {
    const id = await createEvent(
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
    let armed = true;
    h.middleware.push((request, next) => {
      if (armed && request.method === 'POST' && request.url.endsWith('/events')) {
        h.graph.faults.plan.setPlan({ mode: 'schedule', faults: [GraphFaultKind.dropResponse] });
      }
      return next();
    });
    await expect(h.sync()).rejects.toMatchObject({ kind: 'network' });
    armed = false;
    await h.editLocal(id, {
      title: 'Review with Ana',
      timing: { allDay: false, start: '2026-03-14T10:00', end: '2026-03-14T11:00', timeZone: 'UTC' },
    });
    await h.sync();
    await h.sync();

    const [onServer, ...more] = h.graph.inspect.events(h.graphCalendarId);
    expect(more).toEqual([]);
    expect(onServer?.['subject']).toBe('Review with Ana');
    expect(startMs(onServer ?? {})).toBe(Date.UTC(2026, 2, 14, 10));
    const local = await h.events();
    expect(local.map((event) => [event.id, event.summary, event.href])).toEqual([
      [id, 'Review with Ana', onServer?.['id']],
    ]);
    expect(await h.db.conflicts.count()).toBe(0);
    expect(await h.db.outbox.count()).toBe(0);
  });

  it('rule 46: … and one retitled by another client meanwhile, unchanged here, shows their title here (the answer is their version, not the text sent)', async () => {
    const id = await createEvent(
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
    let armed = true;
    h.middleware.push((request, next) => {
      if (armed && request.method === 'POST' && request.url.endsWith('/events')) {
        h.graph.faults.plan.setPlan({ mode: 'schedule', faults: [GraphFaultKind.dropResponse] });
      }
      return next();
    });
    await expect(h.sync()).rejects.toMatchObject({ kind: 'network' });
    armed = false;
    const [made] = h.graph.inspect.events(h.graphCalendarId);
    const madeId = made?.['id'];
    if (typeof madeId !== 'string') throw new Error('the create did not arrive');
    expect(h.graph.store.updateEvent(madeId, { subject: 'Review (room 4)' }).ok).toBe(true);

    await h.sync();
    await h.sync();

    expect(h.graph.inspect.events(h.graphCalendarId).map((json) => json['subject'])).toEqual([
      'Review (room 4)',
    ]);
    expect((await h.events()).map((event) => [event.id, event.summary])).toEqual([[id, 'Review (room 4)']]);
    expect(await h.db.conflicts.count()).toBe(0);
    expect(await h.db.outbox.count()).toBe(0);
  });

  it('rules 3, 46: … and a series so created, retitled and moved here while another client cancelled an occurrence, keeps every change: the title on both sides, the cancellation, the move as a conflict copy (found by the Graph convergence test, seed 42 case 134)', async () => {
    const id = await createEvent(
      h.db,
      {
        calendarId: h.calendarId,
        draft: {
          title: 'Standup',
          location: '',
          description: '',
          timing: { allDay: false, start: '2026-03-16T09:00', end: '2026-03-16T09:30', timeZone: 'UTC' },
          repeat: { frequency: 'daily', interval: 1, byDay: [], end: { kind: 'count', count: 4 } },
        },
      },
      h.ctx,
    );
    let armed = true;
    h.middleware.push((request, next) => {
      if (armed && request.method === 'POST' && request.url.endsWith('/events')) {
        h.graph.faults.plan.setPlan({ mode: 'schedule', faults: [GraphFaultKind.dropResponse] });
      }
      return next();
    });
    await expect(h.sync()).rejects.toMatchObject({ kind: 'network' });
    armed = false;
    await h.editLocal(id, {
      title: 'Standup (moved)',
      timing: { allDay: false, start: '2026-03-16T10:00', end: '2026-03-16T10:30', timeZone: 'UTC' },
    });
    const [master] = h.graph.inspect.events(h.graphCalendarId);
    const masterId = master?.['id'];
    if (typeof masterId !== 'string') throw new Error('the create did not arrive');
    const instances = h.graph.store.instancesOf(masterId, Date.UTC(2026, 2, 1), Date.UTC(2026, 3, 1));
    const third = instances.ok ? instances.value[2] : undefined;
    expect(h.graph.store.deleteEvent(third?.id ?? 'none').ok).toBe(true);

    await h.sync();
    await h.sync();

    // The title changed here only: merged. The series placed anew here while an occurrence was
    // cancelled there: the server's placement and cancellation are kept, the move is a conflict copy.
    expect(h.graph.inspect.events(h.graphCalendarId).map((json) => [json['id'], json['subject']])).toEqual([
      [masterId, 'Standup (moved)'],
    ]);
    const [local, ...others] = await h.events();
    expect(others).toEqual([]);
    expect(local).toMatchObject({ id, summary: 'Standup (moved)', href: masterId });
    const starts = (await h.db.occurrences.where('eventId').equals(id).toArray()).map((o) => o.start).sort();
    expect(starts).toEqual([Date.UTC(2026, 2, 16, 9), Date.UTC(2026, 2, 17, 9), Date.UTC(2026, 2, 19, 9)]);
    const copies = await h.db.conflicts.toArray();
    expect(copies).toHaveLength(1);
    expect(copies[0]?.localIcs).toContain('DTSTART:20260316T100000Z');
    expect(await h.db.outbox.count()).toBe(0);
  });

  it('rules 3, 46: … and a series so created whose occurrence edit never arrived (the POST did), then moved by another client, keeps that edit (found by the Graph convergence test, seed 42 case 163 with every operation)', async () => {
    const id = await createEvent(
      h.db,
      {
        calendarId: h.calendarId,
        draft: {
          title: 'Standup',
          location: '',
          description: '',
          timing: { allDay: false, start: '2026-03-16T09:00', end: '2026-03-16T09:30', timeZone: 'UTC' },
          repeat: { frequency: 'daily', interval: 1, byDay: [], end: { kind: 'count', count: 4 } },
        },
      },
      h.ctx,
    );
    await h.editLocal(id, { title: 'Standup (demo)' }, { recurrenceId: '20260317T090000Z', scope: 'this' });
    // The series' POST arrives and its answer is lost; the occurrence's PATCH never reaches the server.
    let armed = true;
    h.middleware.push((request, next) => {
      if (armed && request.method === 'POST' && request.url.endsWith('/events'))
        h.graph.faults.plan.setPlan({ mode: 'schedule', faults: [GraphFaultKind.dropResponse] });
      if (armed && request.method === 'PATCH') {
        armed = false;
        h.graph.faults.plan.setPlan({ mode: 'schedule', faults: [GraphFaultKind.dropRequest] });
      }
      return next();
    });
    await expect(h.sync()).rejects.toMatchObject({ kind: 'network' });
    armed = false;
    const [master] = h.graph.inspect.events(h.graphCalendarId);
    const masterId = master?.['id'];
    if (typeof masterId !== 'string') throw new Error('the create did not arrive');
    // Another client moves the series an hour later (its occurrences' original starts move with it).
    const moved = h.graph.store.updateEvent(masterId, {
      start: at('2026-03-16', 10),
      end: { dateTime: '2026-03-16T10:30:00', timeZone: 'UTC' },
    });
    expect(moved.ok).toBe(true);

    await h.sync();
    await h.sync();

    // The move there is kept; the occurrence edit made here is not lost: on the server or in a copy.
    const onServer = h.graph.inspect.events(h.graphCalendarId);
    expect(onServer.map((json) => [json['id'], startMs(json)])).toEqual([
      [masterId, Date.UTC(2026, 2, 16, 10)],
    ]);
    const copies = await h.db.conflicts.toArray();
    const instances = h.graph.store.instancesOf(masterId, Date.UTC(2026, 2, 1), Date.UTC(2026, 3, 1));
    const titles = instances.ok ? instances.value.map((view) => view.content.subject) : [];
    const kept =
      titles.includes('Standup (demo)') || copies.some((copy) => copy.localIcs.includes('Standup (demo)'));
    expect(kept).toBe(true);
    // And this device shows the series as the server has it.
    const here = (await h.db.occurrences.where('eventId').equals(id).toArray()).map((o) => [
      o.start,
      o.summary,
    ]);
    const there = instances.ok
      ? instances.value.map((view) => [view.timing.startMs, view.content.subject])
      : [];
    expect(here.sort()).toEqual(there.sort());
    expect(await h.db.outbox.count()).toBe(0);
  });

  it('rules 4, 46: an edit whose answer was lost, then a delete here, deletes the event on Microsoft 365 (Graph gives its own text for what was sent: compared as fields, not as text; found by the soak)', async () => {
    const remote = h.single('Lunch');
    await h.sync();
    const local = await h.localEventOf(remote.id);
    await h.editLocal(local.id, { title: 'Lunch with Ana' });
    let armed = true;
    h.middleware.push((request, next) => {
      if (armed && request.method === 'PATCH') {
        armed = false;
        h.graph.faults.plan.setPlan({ mode: 'schedule', faults: [GraphFaultKind.dropResponse] });
      }
      return next();
    });
    await expect(h.sync()).rejects.toMatchObject({ kind: 'network' });
    // The edit arrived; this device never heard so.
    expect(h.graph.inspect.event(remote.id)?.['subject']).toBe('Lunch with Ana');

    await deleteOccurrence(h.db, { eventId: local.id, recurrenceId: null, scope: 'all' }, h.ctx);
    await h.sync();
    await h.sync();

    // What the server holds is the user's own (lost-answer) version: the delete goes through.
    expect(h.graph.inspect.event(remote.id)).toBeNull();
    expect(await h.events()).toEqual([]);
    expect(await h.db.outbox.count()).toBe(0);
  });

  it('rules 4, 46: a series moved here whose write stopped part way (the master sent, its occurrence not), then deleted here, is deleted on Microsoft 365 (found by the soak)', async () => {
    const series = h.graph.seed.series(
      {
        subject: 'Standup',
        start: at('2026-03-02', 9),
        end: at('2026-03-02', 10),
        recurrence: {
          pattern: { type: 'daily', interval: 1 },
          range: { type: 'numbered', startDate: '2026-03-02', numberOfOccurrences: 4 },
        },
      },
      { exceptions: [{ at: 2, patch: { subject: 'Standup (long)' } }] },
      h.graphCalendarId,
    );
    await h.sync();
    const local = await h.localEventOf(series.master.id);
    const hour = 3_600_000;
    await moveOccurrence(
      h.db,
      {
        eventId: local.id,
        recurrenceId: null,
        start: Date.UTC(2026, 2, 2, 9) + hour,
        end: Date.UTC(2026, 2, 2, 10) + hour,
        allDay: false,
        scope: 'all',
      },
      h.ctx,
    );
    // The master's PATCH arrives; the occurrence's, sent next, never reaches the server.
    let patches = 0;
    h.middleware.push((request, next) => {
      if (request.method === 'PATCH') {
        patches += 1;
        if (patches === 2)
          h.graph.faults.plan.setPlan({ mode: 'schedule', faults: [GraphFaultKind.dropRequest] });
      }
      return next();
    });
    await expect(h.sync()).rejects.toMatchObject({ kind: 'network' });
    expect(patches).toBe(2);

    await deleteOccurrence(h.db, { eventId: local.id, recurrenceId: null, scope: 'all' }, h.ctx);
    await h.sync();
    await h.sync();

    // The server held only this device's own texts, part of each: the user's delete goes through.
    expect(h.graph.inspect.event(series.master.id)).toBeNull();
    expect(await h.events()).toEqual([]);
    expect(await h.db.outbox.count()).toBe(0);
  });
});
