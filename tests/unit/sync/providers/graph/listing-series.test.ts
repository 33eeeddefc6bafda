// A listing round's series rebuilt from its rows (workers/sync/providers/graph/listing-series.ts,
// docs/sync-rules.md rule 42): only the master and the exceptions are asked for, occurrences are taken
// as listed (trimmed), and any disagreement between the rows and what was fetched (an occurrence not
// carrying the master's etag, an exception's etag changed, a row that could not be read, a fetch that
// failed) leaves the series to be fetched in full.
import { describe, expect, it } from 'vitest';
import type { BatchResult } from '../../../../../workers/sync/providers/graph/batch';
import type { BatchQueue, QueuedRequest } from '../../../../../workers/sync/providers/graph/batch-queue';
import type { FoldedRow } from '../../../../../workers/sync/providers/graph/delta-round';
import type { GraphEvent } from '../../../../../workers/sync/providers/graph/graph-types';
import { listingSeries } from '../../../../../workers/sync/providers/graph/listing-series';

const time = { dateTime: '2026-03-02T09:00:00', timeZone: 'UTC' };
const window = { start: Date.UTC(2026, 0, 1), end: Date.UTC(2027, 0, 1) };

function event(fields: Partial<GraphEvent> & Pick<GraphEvent, 'id' | 'type'>): GraphEvent {
  return { start: time, end: time, ...fields };
}

function row(fields: Partial<GraphEvent> & Pick<GraphEvent, 'id' | 'type'>): FoldedRow {
  return { kind: 'event', event: event(fields) };
}

const master = event({ id: 'M', type: 'seriesMaster', '@odata.etag': 'W/"m"', subject: 'Standup' });
const exception = event({
  id: 'x2',
  type: 'exception',
  seriesMasterId: 'M',
  '@odata.etag': 'W/"x"',
  subject: 'Standup (moved)',
  originalStart: '2026-03-09T09:00:00Z',
});

/** A queue answering GETs from `server` by the event id in the URL (404 when absent), recording them. */
function fakeQueue(server: Record<string, GraphEvent>) {
  const asked: string[] = [];
  const queue: BatchQueue = {
    enqueue(request: QueuedRequest): Promise<BatchResult> {
      asked.push(request.url);
      const id = decodeURIComponent(request.url.replace('/me/events/', ''));
      const body = server[id];
      return Promise.resolve({ id: '1', status: body ? 200 : 404, headers: {}, body: body ?? {} });
    },
    flush: () => undefined,
  };
  return { queue, asked };
}

async function rebuilt(server: Record<string, GraphEvent>, rows: FoldedRow[]) {
  const { queue, asked } = fakeQueue(server);
  const listing = listingSeries(queue, window);
  for (const each of rows) listing.note(each);
  const series = listing.assembled(rows);
  const fetched = await series.get('M')?.();
  return { fetched, asked, refs: [...series.keys()] };
}

const listed = (etag = 'W/"m"', exceptionEtag = 'W/"x"'): FoldedRow[] => [
  row({ id: 'o1', type: 'occurrence', seriesMasterId: 'M', '@odata.etag': etag }),
  row({ id: 'x2', type: 'exception', seriesMasterId: 'M', '@odata.etag': exceptionEtag }),
  row({ id: 'o3', type: 'occurrence', seriesMasterId: 'M', '@odata.etag': etag }),
  row({ id: 'S', type: 'singleInstance', '@odata.etag': 'W/"s"' }),
];

describe('listingSeries', () => {
  it('asks for the master and each exception only, and rebuilds the series from the rows', async () => {
    const { fetched, asked, refs } = await rebuilt({ M: master, x2: exception }, listed());
    expect(asked).toEqual(['/me/events/M', '/me/events/x2']);
    expect(refs).toEqual(['M']);
    const item = fetched?.found.get('M');
    if (item?.kind !== 'series') throw new Error('no series');
    expect(item.master.subject).toBe('Standup');
    expect(item.instances.map((instance) => [instance.id, instance.type, instance.subject])).toEqual([
      ['o1', 'occurrence', undefined],
      ['x2', 'exception', 'Standup (moved)'],
      ['o3', 'occurrence', undefined],
    ]);
    expect(fetched?.missing).toEqual([]);
  });

  it('an occurrence row not carrying the fetched master etag: fetched in full', async () => {
    const { fetched } = await rebuilt({ M: master, x2: exception }, listed('W/"older"'));
    expect(fetched).toBeNull();
  });

  it("an exception whose etag is not its row's: fetched in full", async () => {
    const { fetched } = await rebuilt({ M: master, x2: exception }, listed('W/"m"', 'W/"x-before"'));
    expect(fetched).toBeNull();
  });

  it('a master gone, or an exception gone, by the time they were asked for: fetched in full', async () => {
    expect((await rebuilt({ x2: exception }, listed())).fetched).toBeNull();
    expect((await rebuilt({ M: master }, listed())).fetched).toBeNull();
  });

  it('a row of the series this app could not read: fetched in full', async () => {
    const rows: FoldedRow[] = [
      ...listed(),
      { kind: 'unreadable', id: 'o4', seriesMasterId: 'M', reason: 'start is missing' },
    ];
    expect((await rebuilt({ M: master, x2: exception }, rows)).fetched).toBeNull();
  });
});
