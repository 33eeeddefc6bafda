// What the provider holds of a round for one run (workers/sync/providers/graph/listed-round.ts,
// docs/sync-rules.md rules 17 and 42): the members kept in memory change exactly as
// membersAfterFetch changes them, and a series fetched while the round paged is used only when it
// agrees with every row the round gave of it.
import { describe, expect, it } from 'vitest';
import type { FoldedRow } from '../../../../../workers/sync/providers/graph/delta-round';
import type { GraphEvent } from '../../../../../workers/sync/providers/graph/graph-types';
import { listedRound, memberIndex } from '../../../../../workers/sync/providers/graph/listed-round';
import {
  membersAfterFetch,
  type FetchedGraphItems,
  type GraphItem,
} from '../../../../../workers/sync/providers/graph/series-assembly';

const time = { dateTime: '2026-03-02T09:00:00', timeZone: 'UTC' };

function event(fields: Partial<GraphEvent> & Pick<GraphEvent, 'id' | 'type'>): GraphEvent {
  return { start: time, end: time, ...fields };
}

function row(fields: Partial<GraphEvent> & Pick<GraphEvent, 'id' | 'type'>): FoldedRow {
  return { kind: 'event', event: event(fields) };
}

function fetched(found: [string, GraphItem][], missing: string[] = []): FetchedGraphItems {
  return { found: new Map(found), missing, warnings: [] };
}

function series(ref: string, instances: [id: string, etag: string][]): [string, GraphItem] {
  return [
    ref,
    {
      kind: 'series',
      master: event({ id: ref, type: 'seriesMaster', '@odata.etag': 'W/"m"' }),
      instances: instances.map(([id, etag]) =>
        event({ id, type: 'occurrence', seriesMasterId: ref, '@odata.etag': etag }),
      ),
    },
  ];
}

describe('memberIndex', () => {
  it('replaces what a fetch names exactly as membersAfterFetch does, and says whether it changed', () => {
    const known = { o1: 'M', o2: 'M', S: 'S', T: 'T', p1: 'N' };
    const index = memberIndex(known);
    expect(index.isSeries('M')).toBe(true);
    expect(index.isSeries('S')).toBe(false);
    const same = fetched([
      series('M', [
        ['o1', 'e'],
        ['o2', 'e'],
      ]),
    ]);
    expect(index.replace(same)).toBe(false);
    const changes = fetched(
      [
        series('M', [
          ['o2', 'e'],
          ['o3', 'e'],
          ['p1', 'e'],
        ]),
        ['S', { kind: 'single', event: event({ id: 'S', type: 'singleInstance' }) }],
      ],
      ['T'],
    );
    expect(index.replace(changes)).toBe(true);
    expect(index.toRecord()).toEqual(membersAfterFetch(known, changes));
    expect(index.isSeries('N')).toBe(false);
  });
});

describe('listedRound.agrees', () => {
  const rows: FoldedRow[] = [
    row({ id: 'o1', type: 'occurrence', seriesMasterId: 'M', '@odata.etag': 'W/"1"' }),
    row({ id: 'x2', type: 'exception', seriesMasterId: 'M', '@odata.etag': 'W/"x"' }),
    row({ id: 'S', type: 'singleInstance', '@odata.etag': 'W/"s"' }),
    { kind: 'unreadable', id: 'u1', seriesMasterId: 'U', reason: 'no start' },
  ];
  const round = listedRound({ rows, singles: new Map(), prefetched: new Map(), members: {} });

  it('takes a series whose every listed row has the etag its fetched instance has', () => {
    const answer = fetched([
      series('M', [
        ['o1', 'W/"1"'],
        ['x2', 'W/"x"'],
        ['o3', 'W/"1"'],
      ]),
    ]);
    expect(round.agrees('M', answer)).toBe(true);
  });

  it('refuses one fetched before a later row changed it, or missing an instance the round listed', () => {
    expect(
      round.agrees(
        'M',
        fetched([
          series('M', [
            ['o1', 'W/"2"'],
            ['x2', 'W/"x"'],
          ]),
        ]),
      ),
    ).toBe(false);
    expect(round.agrees('M', fetched([series('M', [['o1', 'W/"1"']])]))).toBe(false);
  });

  it('refuses what is not a series the round listed, and a series with a row it could not read', () => {
    expect(round.agrees('M', fetched([], ['M']))).toBe(false);
    expect(round.agrees('Z', fetched([series('Z', [['z1', 'W/"z"']])]))).toBe(false);
    expect(round.agrees('U', fetched([series('U', [['u1', 'W/"u"']])]))).toBe(false);
  });
});
