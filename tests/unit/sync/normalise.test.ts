// Rule numbers in test names: docs/sync-rules.md.
import { describe, expect, it } from 'vitest';
import {
  canonicalLine,
  contentHash,
  normaliseIcs,
  sameContent,
} from '../../../workers/sync/engine/normalise';

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//A//EN',
  'X-WR-CALNAME:Work',
  'BEGIN:VEVENT',
  'UID:1',
  'DTSTAMP:20260101T000000Z',
  'CREATED:20260101T000000Z',
  'LAST-MODIFIED:20260101T000000Z',
  'DTSTART;TZID=Europe/Zurich;VALUE=DATE-TIME:20260310T090000',
  'RRULE:FREQ=WEEKLY;BYMONTH=3;BYDAY=TU',
  'SUMMARY:A long summary that a server may fold at seventy-five octets, like this one does',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

describe('normalised content (rule 2)', () => {
  it('rule 2: drops PRODID, DTSTAMP, LAST-MODIFIED, CREATED, X-WR-CALNAME, X-RADICALE-NAME', () => {
    const text = normaliseIcs(ICS);
    for (const name of ['PRODID', 'DTSTAMP', 'LAST-MODIFIED', 'CREATED', 'X-WR-CALNAME'])
      expect(text).not.toContain(name);
    expect(text).toContain('SUMMARY:A long summary');
    const rewritten = ICS.replace('PRODID:-//A//EN', 'PRODID:-//B//EN\r\nX-RADICALE-NAME:x.ics').replace(
      /DTSTAMP:\d+T\d+Z/,
      'DTSTAMP:20300101T000000Z',
    );
    expect(contentHash(rewritten)).toBe(contentHash(ICS));
  });

  it('rule 2: folding, line order, parameter order and RRULE part order do not count as changes', () => {
    const folded = ICS.replace('like this one does', 'like\r\n  this one does')
      .replace('DTSTART;TZID=Europe/Zurich;VALUE=DATE-TIME', 'DTSTART;VALUE=DATE-TIME;tzid=Europe/Zurich')
      .replace('RRULE:FREQ=WEEKLY;BYMONTH=3;BYDAY=TU', 'RRULE:FREQ=WEEKLY;BYDAY=TU;BYMONTH=3')
      .replace('UID:1\r\n', '')
      .replace('END:VEVENT', 'UID:1\r\nEND:VEVENT');
    expect(sameContent(folded, ICS)).toBe(true);
    expect(canonicalLine('dtstart;tzid="A:B";value=DATE:20260101')).toBe(
      'DTSTART;TZID="A:B";VALUE=DATE:20260101',
    );
  });

  it('rule 2: a real change changes the hash', () => {
    expect(contentHash(ICS.replace('SUMMARY:A long', 'SUMMARY:A short'))).not.toBe(contentHash(ICS));
    expect(sameContent(ICS, null)).toBe(false);
    expect(sameContent(null, null)).toBe(true);
  });
});
