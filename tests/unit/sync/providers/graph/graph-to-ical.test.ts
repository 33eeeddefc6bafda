/**
 * A series as the Graph test server serialises it (master, instances, window: a fixture), rebuilt
 * by seriesToIcal and read back by icalToGraph (docs/sync-rules.md rules 42 and 45): the text says
 * the series the way other clients read it, and every field comes back.
 */
import { describe, expect, it } from 'vitest';
import { expandEvent } from '../../../../../src/core/ical/expand';
import { seriesToIcal } from '../../../../../workers/sync/providers/graph/graph-to-ical';
import { GraphShapeError, readGraphEvent } from '../../../../../workers/sync/providers/graph/graph-types';
import { icalToGraph } from '../../../../../workers/sync/providers/graph/ical-to-graph';
import { graphFixture } from './fixtures';

interface SeriesFixture {
  readonly master: unknown;
  readonly instances: readonly unknown[];
  readonly window: { readonly from: number; readonly to: number };
}

const fixture = graphFixture(
  'series-relative-monthly-last-tue-wed-new-york-two-exceptions-one-cancelled',
) as SeriesFixture;
const master = readGraphEvent(fixture.master);
const instances = fixture.instances.map(readGraphEvent);
const ics = seriesToIcal({ master, instances, window: fixture.window });
const lines = (name: string) => ics.split(/\r\n/).filter((line) => line.startsWith(name));

describe('seriesToIcal on the last Tuesday or Wednesday of the month in New York', () => {
  it('starts on the first occurrence and repeats with BYSETPOS until the end of 31 August there', () => {
    expect(lines('DTSTART;TZID')[0]).toBe('DTSTART;TZID=America/New_York:20250129T140000');
    expect(lines('RRULE:FREQ=MONTHLY')).toEqual([
      'RRULE:FREQ=MONTHLY;BYDAY=TU,WE;BYSETPOS=-1;UNTIL=20250901T035959Z;WKST=SU',
    ]);
  });

  it('gives the two exceptions as overrides and the cancelled 30 April as EXDATE', () => {
    expect(lines('RECURRENCE-ID')).toEqual([
      'RECURRENCE-ID;TZID=America/New_York:20250326T140000',
      'RECURRENCE-ID;TZID=America/New_York:20250625T140000',
    ]);
    expect(lines('EXDATE')).toEqual(['EXDATE;TZID=America/New_York:20250430T140000']);
    expect(lines('SUMMARY')).toEqual([
      'SUMMARY:Budget review',
      'SUMMARY:Budget review (CFO joins)',
      'SUMMARY:Budget review',
    ]);
    expect(lines('LOCATION').at(-1)).toMatch(/^LOCATION;.*:Room 12$/);
  });

  it('expands to the instances listed, moved exception included', () => {
    const expanded = expandEvent(ics, fixture.window, 'UTC', { minInstancesAfterWindow: 0 }).instances;
    expect(expanded.map((instance) => new Date(instance.start).toISOString().slice(0, 16))).toEqual(
      instances.map((instance) => instance.start.dateTime.slice(0, 16)),
    );
  });

  it('comes back as the same recurrence, exceptions by original start and the cancellation', () => {
    const back = icalToGraph(ics);
    // The same series, its range starting on its first occurrence rather than on 1 January.
    const recurrence = master.recurrence;
    if (!recurrence) throw new Error('the fixture is a series');
    expect(back.event.recurrence).toEqual({
      ...recurrence,
      range: { ...recurrence.range, startDate: '2025-01-29' },
    });
    expect(back.event.start).toEqual({ dateTime: '2025-01-29T14:00:00', timeZone: 'Eastern Standard Time' });
    expect(back.event.body).toEqual(master.body);
    expect(back.overrides.map((override) => override.originalStart)).toEqual(
      instances
        .filter((instance) => instance.type === 'exception')
        .map((instance) => Date.parse(instance.originalStart ?? '')),
    );
    expect(back.overrides[0]?.event.start).toEqual({
      dateTime: '2025-03-26T16:00:00',
      timeZone: 'Eastern Standard Time',
    });
    expect(back.cancelled).toEqual([Date.UTC(2025, 3, 30, 18)]);
  });

  it('refuses an exception without its original start, naming it', () => {
    const trimmed = readGraphEvent({ ...(fixture.instances[2] as object), originalStart: undefined });
    expect(() => seriesToIcal({ master, instances: [trimmed], window: fixture.window })).toThrow(
      GraphShapeError,
    );
    expect(() => seriesToIcal({ master, instances: [trimmed], window: fixture.window })).toThrow(
      /originalStart is missing/,
    );
  });
});
