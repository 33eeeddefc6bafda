// Rule numbers in test names: docs/sync-rules.md.
import { describe, expect, it } from 'vitest';
import { threeWayMerge } from '../../../workers/sync/engine/three-way-merge';

function ics(props: readonly string[], extra = ''): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//T//EN',
    'BEGIN:VEVENT',
    'UID:m1',
    'DTSTAMP:20260101T000000Z',
    ...props,
    'END:VEVENT',
    extra,
    'END:VCALENDAR',
    '',
  ]
    .filter((line) => line !== '' || false)
    .join('\r\n');
}

const BASE = ['DTSTART:20260310T090000Z', 'DTEND:20260310T100000Z', 'SUMMARY:Plan', 'SEQUENCE:1'];

describe('three-way merge (rule 3)', () => {
  it('rule 3: changes to different properties on each side both survive and SEQUENCE goes above the server', () => {
    const local = ics(['DTSTART:20260310T090000Z', 'DTEND:20260310T100000Z', 'SUMMARY:Plan B', 'SEQUENCE:2']);
    const server = ics([...BASE.slice(0, 3), 'LOCATION:Room 1', 'SEQUENCE:2']);
    const result = threeWayMerge(ics(BASE), local, server);
    expect(result.conflicts).toEqual([]);
    expect(result.differsFromServer).toBe(true);
    expect(result.ics).toContain('SUMMARY:Plan B');
    expect(result.ics).toContain('LOCATION:Room 1');
    expect(result.ics).toContain('SEQUENCE:3');
  });

  it('rule 3: the same property changed differently keeps the server value and names the conflict', () => {
    const local = ics(['DTSTART:20260310T090000Z', 'DTEND:20260310T100000Z', 'SUMMARY:Ours']);
    const server = ics(['DTSTART:20260310T110000Z', 'DTEND:20260310T100000Z', 'SUMMARY:Theirs']);
    const result = threeWayMerge(ics(BASE), local, server);
    expect(result.conflicts).toEqual(['SUMMARY']);
    expect(result.ics).toContain('SUMMARY:Theirs');
    expect(result.ics).toContain('DTSTART:20260310T110000Z');
    expect(result.differsFromServer).toBe(false);
  });

  it('rule 3: the same change on both sides is no conflict', () => {
    const both = ics(['DTSTART:20260310T090000Z', 'DTEND:20260310T100000Z', 'SUMMARY:Same']);
    const result = threeWayMerge(ics(BASE), both, both);
    expect(result).toMatchObject({ conflicts: [], differsFromServer: false });
  });

  it('rule 3: without a base (never synced), every differing property is a conflict', () => {
    const result = threeWayMerge(
      null,
      ics(['DTSTART:20260310T090000Z', 'SUMMARY:A']),
      ics(['DTSTART:20260310T090000Z', 'SUMMARY:B']),
    );
    expect(result.conflicts).toEqual(['SUMMARY']);
  });

  it('rules 3, 4: an override added here is kept; an alarm changed on the server is taken', () => {
    const alarm = (minutes: number) =>
      `BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT${minutes}M\r\nDESCRIPTION:x\r\nEND:VALARM`;
    const base = ics([...BASE, 'RRULE:FREQ=DAILY', alarm(10)]);
    const override =
      'BEGIN:VEVENT\r\nUID:m1\r\nDTSTAMP:20260101T000000Z\r\nRECURRENCE-ID:20260311T090000Z\r\nDTSTART:20260311T150000Z\r\nSUMMARY:Moved\r\nEND:VEVENT';
    const local = ics([...BASE, 'RRULE:FREQ=DAILY', alarm(10)], override);
    const server = ics([...BASE, 'RRULE:FREQ=DAILY', alarm(30)]);
    const result = threeWayMerge(base, local, server);
    expect(result.conflicts).toEqual([]);
    expect(result.differsFromServer).toBe(true);
    expect(result.ics).toContain('TRIGGER:-PT30M');
    expect(result.ics).toContain('RECURRENCE-ID:20260311T090000Z');
  });

  // Found by the Graph convergence test: the override named an occurrence of the old placement, and
  // the merge kept the move and the override side by side (Outlook then dropped it: an edit lost).
  const series = ['RRULE:FREQ=DAILY;COUNT=4', 'SUMMARY:Plan'];
  const edited = (summary: string) =>
    `BEGIN:VEVENT\r\nUID:m1\r\nDTSTAMP:20260101T000000Z\r\nRECURRENCE-ID:20260311T090000Z\r\nDTSTART:20260311T090000Z\r\nDTEND:20260311T100000Z\r\nSUMMARY:${summary}\r\nEND:VEVENT`;
  const placed = (start: string, ...more: string[]) => [
    `DTSTART:${start}`,
    'DTEND:20260310T100000Z',
    ...series,
    ...more,
  ];

  it('rule 3: a series moved here while one of its occurrences was edited on the server keeps the server placement and override, and names the conflict', () => {
    const base = ics(placed('20260310T090000Z'));
    const local = ics([
      ...placed('20260311T090000Z').filter((line) => line !== 'SUMMARY:Plan'),
      'SUMMARY:Plan B',
    ]);
    const server = ics(placed('20260310T090000Z'), edited('Plan late'));
    const result = threeWayMerge(base, local, server);
    expect(result.conflicts).toEqual(['RECURRENCE-ID']);
    expect(result.ics).toContain('DTSTART:20260310T090000Z');
    expect(result.ics).toContain('SUMMARY:Plan late');
    // What does not touch the placement still merges.
    expect(result.ics).toContain('SUMMARY:Plan B');
  });

  it('rules 3, 4: an occurrence deleted here that the server edited meanwhile keeps the edit (no EXDATE over it)', () => {
    const base = ics(placed('20260310T090000Z'));
    const local = ics(placed('20260310T090000Z', 'EXDATE:20260311T090000Z'));
    const server = ics(placed('20260310T090000Z'), edited('Plan late'));
    const result = threeWayMerge(base, local, server);
    expect(result.conflicts).toEqual(['RECURRENCE-ID']);
    expect(result.ics).toContain('SUMMARY:Plan late');
    expect(result.ics).not.toContain('EXDATE');
    expect(result.differsFromServer).toBe(false);
  });

  it('rule 3: an occurrence edited here while the server moved the series is a conflict, the server placement kept', () => {
    const base = ics(placed('20260310T090000Z'));
    const local = ics(placed('20260310T090000Z'), edited('Mine'));
    const server = ics(placed('20260312T090000Z'));
    const result = threeWayMerge(base, local, server);
    expect(result.conflicts).toEqual(['RECURRENCE-ID']);
    expect(result.ics).toContain('DTSTART:20260312T090000Z');
    expect(result.ics).not.toContain('RECURRENCE-ID');
  });

  it('rule 3: a series moved here while the server cancelled one of its occurrences keeps the server placement and cancellation', () => {
    const base = ics(placed('20260310T090000Z'));
    const local = ics(placed('20260312T090000Z'));
    const server = ics(placed('20260310T090000Z', 'EXDATE:20260311T090000Z'));
    const result = threeWayMerge(base, local, server);
    expect(result.conflicts).toEqual(['RECURRENCE-ID']);
    expect(result.ics).toContain('DTSTART:20260310T090000Z');
    expect(result.ics).toContain('EXDATE:20260311T090000Z');
    expect(result.differsFromServer).toBe(false);
  });

  it('rule 3: an override changed on one side and the other field changed on the other still merge', () => {
    const base = ics(placed('20260310T090000Z'), edited('Late'));
    const local = ics([...placed('20260310T090000Z'), 'LOCATION:Room 2'], edited('Late'));
    const server = ics(placed('20260310T090000Z'), edited('Later'));
    const result = threeWayMerge(base, local, server);
    expect(result.conflicts).toEqual([]);
    expect(result.ics).toContain('LOCATION:Room 2');
    expect(result.ics).toContain('SUMMARY:Later');
  });
});
