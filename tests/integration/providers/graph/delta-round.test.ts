// calendarView delta rounds and series assembly against the Graph test server (docs/sync-rules.md
// rules 17, 40, 41, 42, 43 and 44): every nextLink followed (empty pages too), an entity twice and a
// replayed round folded, @removed inside the window deleting and outside ignored, 410 and
// syncStateNotFound refusing the cursor, series rebuilt from master and instances (an exception and
// a cancellation), and a cancellation Graph never announces noticed through the master's etag.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  decodeCursor,
  deltaPath,
  runDeltaRound,
  type SyncWindow,
} from '../../../../workers/sync/providers/graph/delta-round';
import type { GraphClient } from '../../../../workers/sync/providers/graph/graph-client';
import type { Members } from '../../../../workers/sync/providers/graph/provider-state';
import {
  fetchGraphItems,
  foldChanges,
  membersAfterFetch,
  type FoldedChanges,
} from '../../../../workers/sync/providers/graph/series-assembly';
import { startGraphServer, type GraphServer } from '../../../servers/graph/index';
import { graphClientFor } from './graph-kit';

const WINDOW: SyncWindow = { start: Date.UTC(2026, 0, 1), end: Date.UTC(2027, 0, 1) };

let graph: GraphServer;
let client: GraphClient;
let calendarId: string;

beforeEach(async () => {
  graph = await startGraphServer();
  client = graphClientFor(graph);
  calendarId = graph.seed.calendar({ name: 'Work' }).id;
});

afterEach(async () => {
  await graph.stop();
});

const at = (day: string, hour: number) => ({
  dateTime: `${day}T${String(hour).padStart(2, '0')}:00:00`,
  timeZone: 'UTC',
});

function single(subject: string, day: string) {
  return graph.seed.event({ subject, start: at(day, 10), end: at(day, 11) }, calendarId);
}

function weekly(subject: string, edits: Parameters<GraphServer['seed']['series']>[1] = {}) {
  return graph.seed.series(
    {
      subject,
      start: at('2026-03-02', 9),
      end: at('2026-03-02', 10),
      recurrence: {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'] },
        range: { type: 'numbered', startDate: '2026-03-02', numberOfOccurrences: 6 },
      },
    },
    edits,
    calendarId,
  );
}

interface Synced {
  readonly cursor: string;
  readonly folded: FoldedChanges;
}

async function sync(
  cursor: string | null,
  members: Members,
  pageSize = 3,
): Promise<Synced | 'cursor-refused'> {
  const start =
    cursor === null ? deltaPath(calendarId, false, WINDOW) : (decodeCursor(cursor)?.deltaLink ?? '');
  const round = await runDeltaRound(client, start, WINDOW, pageSize);
  if (round.kind === 'cursor-refused') return round.kind;
  return { cursor: round.cursor, folded: foldChanges(members, round.rows.values()) };
}

async function synced(cursor: string | null, members: Members, pageSize = 3): Promise<Synced> {
  const result = await sync(cursor, members, pageSize);
  if (result === 'cursor-refused') throw new Error('cursor refused');
  return result;
}

describe('a delta round', () => {
  it('follows every nextLink, empty pages included, to the deltaLink, and the cursor keeps the window', async () => {
    const events = ['a', 'b', 'c', 'd', 'e'].map((name, index) => single(name, `2026-05-0${index + 1}`));
    graph.faults.setDelta({ emptyPages: 3 });
    const first = await synced(null, {}, 2);
    expect([...first.folded.changed.keys()].sort()).toEqual(events.map((event) => event.id).sort());
    expect(first.folded.singles.size).toBe(5);
    // 3 empty pages, 3 pages of at most 2 rows, and the deltaLink on an empty page of its own.
    expect(graph.stats().byKind['delta']).toBe(3 + 3 + 1);
    expect(decodeCursor(first.cursor)?.window).toEqual(WINDOW);
  });

  it('folds an entity sent twice in one answer and a replayed round, the last in page order winning', async () => {
    const lunch = single('Lunch', '2026-05-04');
    graph.faults.setDelta({ duplicates: true });
    const first = await synced(null, {});
    expect(first.folded.changed.size).toBe(1);
    graph.store.updateEvent(lunch.id, { subject: 'Lunch, moved' });
    graph.faults.setDelta({ duplicates: true, replay: true });
    const second = await synced(first.cursor, first.folded.members);
    expect([...second.folded.changed.keys()]).toEqual([lunch.id]);
    expect(second.folded.singles.get(lunch.id)?.subject).toBe('Lunch, moved');
    // The same round again from the old cursor (a round whose apply failed) says the same.
    const again = await synced(first.cursor, first.folded.members);
    expect(again.folded.singles.get(lunch.id)?.subject).toBe('Lunch, moved');
  });

  it('deletes what was removed inside the window and ignores removals of what it never listed', async () => {
    const kept = single('Kept', '2026-05-04');
    const gone = single('Gone', '2026-05-05');
    const first = await synced(null, {});
    graph.store.deleteEvent(gone.id);
    // Created and changed outside the window: Graph says @removed for it.
    const outside = graph.seed.event(
      { subject: 'Far', start: at('2028-05-01', 10), end: at('2028-05-01', 11) },
      calendarId,
    );
    graph.store.updateEvent(outside.id, { subject: 'Far, changed' });
    const second = await synced(first.cursor, first.folded.members);
    expect([...second.folded.removed]).toEqual([gone.id]);
    expect(second.folded.changed.size).toBe(0);
    expect(second.folded.members).toEqual({ [kept.id]: kept.id });
  });

  it('410 Gone and syncStateNotFound refuse the cursor', async () => {
    single('One', '2026-05-04');
    const first = await synced(null, {});
    graph.faults.goneOnNextDelta(1);
    expect(await sync(first.cursor, first.folded.members)).toBe('cursor-refused');
    graph.faults.syncStateNotFoundOnNextDelta(1, 400);
    expect(await sync(first.cursor, first.folded.members)).toBe('cursor-refused');
    graph.forgetDeltaState();
    expect(await sync(first.cursor, first.folded.members)).toBe('cursor-refused');
  });
});

describe('series', () => {
  it('folds occurrences into their series and rebuilds it from the master and its instances', async () => {
    const { master, instanceIds } = weekly('Standup', {
      exceptions: [{ at: 1, patch: { subject: 'Standup (moved)' } }],
      cancelled: [3],
    });
    const first = await synced(null, {});
    expect([...first.folded.changed]).toEqual([[master.id, null]]);
    const before = graph.stats().requests;
    const fetched = await fetchGraphItems(client, [master.id], () => true, WINDOW);
    expect(graph.stats().requests - before).toBe(1);
    const item = fetched.found.get(master.id);
    if (item?.kind !== 'series') throw new Error('expected a series');
    expect(item.master.recurrence?.pattern.type).toBe('weekly');
    expect(item.instances).toHaveLength(5);
    expect(item.instances.find((instance) => instance.id === instanceIds.get(1))?.type).toBe('exception');
    expect(item.instances.some((instance) => instance.id === instanceIds.get(3))).toBe(false);
    // An exception keeps its own fields; an occurrence only what the series needs of it (ids, times, etag).
    expect(item.instances.find((instance) => instance.id === instanceIds.get(1))?.subject).toBe(
      'Standup (moved)',
    );
    const occurrence = item.instances.find((instance) => instance.type === 'occurrence');
    expect(occurrence?.['@odata.etag']).toBe(item.master['@odata.etag']);
    expect(Object.keys(occurrence ?? {}).sort()).toEqual(
      ['@odata.etag', 'end', 'id', 'isAllDay', 'seriesMasterId', 'start', 'type'].sort(),
    );
  });

  it('a cancelled occurrence makes the series changed; every occurrence removed makes it gone', async () => {
    const { master } = weekly('Review');
    const first = await synced(null, {});
    graph.store.deleteEvent(graph.seed.occurrenceId(master.id, 2));
    const second = await synced(first.cursor, first.folded.members);
    expect(second.folded.changed.get(master.id)).toBeNull();
    expect(second.folded.removed.size).toBe(0);
    graph.store.deleteEvent(master.id);
    const third = await synced(second.cursor, second.folded.members);
    expect([...third.folded.removed]).toEqual([master.id]);
    expect(third.folded.changed.size).toBe(0);
  });

  it('notices a cancellation Graph does not announce, when the master etag changes', async () => {
    const { master } = weekly('Planning');
    const first = await synced(null, {});
    const fetched = await fetchGraphItems(client, [master.id], () => true, WINDOW);
    const members = membersAfterFetch(first.folded.members, fetched);
    expect(Object.values(members).filter((ref) => ref === master.id)).toHaveLength(6);
    graph.faults.setDelta({ silentCancellations: true });
    const cancelled = graph.seed.occurrenceId(master.id, 4);
    graph.store.deleteEvent(cancelled);
    const second = await synced(first.cursor, members);
    expect(second.folded.changed.get(master.id)).toBeNull();
    const again = await fetchGraphItems(client, [master.id], () => true, WINDOW);
    const item = again.found.get(master.id);
    expect(item?.kind === 'series' ? item.instances.map((instance) => instance.id) : []).not.toContain(
      cancelled,
    );
    expect(membersAfterFetch(second.folded.members, again)[cancelled]).toBeUndefined();
  });

  it('reads a ref of unknown kind first and lists a master’s instances after', async () => {
    const { master } = weekly('Unknown kind');
    const lunch = single('Lunch', '2026-05-04');
    const fetched = await fetchGraphItems(client, [master.id, lunch.id, 'AAMkAGone'], () => false, WINDOW);
    expect(fetched.found.get(master.id)?.kind).toBe('series');
    expect(fetched.found.get(lunch.id)?.kind).toBe('single');
    expect(fetched.missing).toEqual(['AAMkAGone']);
    expect(graph.stats().byKind['batch']).toBe(2);
  });
});
