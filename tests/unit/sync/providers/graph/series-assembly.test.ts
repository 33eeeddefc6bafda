// Folding a delta round's rows into items (workers/sync/providers/graph/series-assembly.ts,
// docs/sync-rules.md rules 42 and 43): instances into their series, removals of occurrence ids into
// "series changed" or "series gone" through the kept map, removals of ids never listed ignored, an
// unreadable row fetched rather than lost, a single that became a series under the same id fetched.
import { describe, expect, it } from 'vitest';
import type { FoldedRow } from '../../../../../workers/sync/providers/graph/delta-round';
import type { GraphEvent } from '../../../../../workers/sync/providers/graph/graph-types';
import { foldChanges } from '../../../../../workers/sync/providers/graph/series-assembly';

const time = { dateTime: '2026-03-02T09:00:00', timeZone: 'UTC' };

function row(event: Partial<GraphEvent> & Pick<GraphEvent, 'id' | 'type'>): FoldedRow {
  return { kind: 'event', event: { start: time, end: time, ...event } };
}

function removed(id: string): FoldedRow {
  return { kind: 'removed', removed: { id, '@removed': { reason: 'deleted' } } };
}

describe('foldChanges', () => {
  it('folds occurrences and exceptions into their series, singles by themselves with their etag', () => {
    const folded = foldChanges({}, [
      row({ id: 'o1', type: 'occurrence', seriesMasterId: 'M' }),
      row({ id: 'x2', type: 'exception', seriesMasterId: 'M', '@odata.etag': 'W/"x"' }),
      row({ id: 'S', type: 'singleInstance', '@odata.etag': 'W/"s"', subject: 'Lunch' }),
    ]);
    expect([...folded.changed]).toEqual([
      ['M', null],
      ['S', 'W/"s"'],
    ]);
    expect(folded.members).toEqual({ o1: 'M', x2: 'M', S: 'S' });
    expect(folded.singles.get('S')?.subject).toBe('Lunch');
    expect(folded.removed.size).toBe(0);
  });

  it('a removed occurrence changes its series while another instance is listed, and removes it when none is', () => {
    const known = { o1: 'M', o2: 'M', S: 'S' };
    const cancelled = foldChanges(known, [removed('o1')]);
    expect([...cancelled.changed]).toEqual([['M', null]]);
    expect(cancelled.removed.size).toBe(0);
    const deleted = foldChanges(known, [removed('o1'), removed('o2')]);
    expect([...deleted.removed]).toEqual(['M']);
    expect(deleted.changed.size).toBe(0);
    expect(deleted.members).toEqual({ S: 'S' });
  });

  it('ignores the removal of an id it never listed (outside the window)', () => {
    const folded = foldChanges({ S: 'S' }, [removed('far-away')]);
    expect(folded.changed.size + folded.removed.size).toBe(0);
    expect(folded.members).toEqual({ S: 'S' });
  });

  it('a single that became a series under the same id is fetched, not removed', () => {
    const folded = foldChanges({ S: 'S' }, [
      removed('S'),
      row({ id: 'o1', type: 'occurrence', seriesMasterId: 'S' }),
    ]);
    expect([...folded.changed]).toEqual([['S', null]]);
    expect(folded.removed.size).toBe(0);
  });

  it('an unreadable row makes its item fetched (and reported there) instead of lost', () => {
    const folded = foldChanges({}, [
      { kind: 'unreadable', id: 'o9', seriesMasterId: 'M', reason: 'start.dateTime is not a date' },
      { kind: 'unreadable', id: 'S', seriesMasterId: null, reason: 'type is unknown' },
    ]);
    expect([...folded.changed]).toEqual([
      ['M', null],
      ['S', null],
    ]);
  });
});
