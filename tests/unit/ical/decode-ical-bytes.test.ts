/**
 * A line fold inside a UTF-8 character is mended on the bytes, before decoding (RFC 5545 §3.1), and
 * nothing else changes: the same function reads .ics files, feeds and whole CalDAV XML answers
 * (docs/sync-rules.md rule 25).
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { decodeIcalBytes, joinSplitCharacters } from '../../../src/core/ical/decode-ical-bytes';
import { fixtureBytes } from './fixture';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const concat = (...parts: (Uint8Array | string)[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => [...(typeof part === 'string' ? utf8(part) : part)]));

function vevent(text: string): ICAL.Component {
  const vevent = new ICAL.Component(ICAL.parse(text) as unknown[]).getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return vevent;
}

describe('decodeIcalBytes', () => {
  it.each(['folds-inside-utf8-characters-crlf.ics', 'folds-inside-utf8-characters-lf.ics'])(
    '%s: é, € and 🎉 split by folds come back whole',
    (name) => {
      const bytes = fixtureBytes(name);
      // Decoding first (what File.text() and Response.text() do) loses them.
      expect(new TextDecoder().decode(bytes)).toContain('\uFFFD');
      const text = decodeIcalBytes(bytes);
      expect(text).not.toContain('\uFFFD');
      const event = vevent(text);
      expect(event.getFirstPropertyValue('summary')).toBe('Café crème');
      expect(event.getFirstPropertyValue('location')).toBe('Entrée 5 € ou 10 €');
      expect(event.getFirstPropertyValue('description')).toBe('Fête 🎉 puis 🎉 et 🎉 fin');
      // A fold between two characters is left for ical.js, which unfolds it.
      expect(text).toMatch(/not ins\r?\n ide one/);
      expect(event.getFirstPropertyValue('comment')).toBe(
        'A long comment that a careful writer folds between two characters, not inside one: été.',
      );
    },
  );

  it('drops a UTF-8 byte order mark', () => {
    const text = decodeIcalBytes(
      concat(new Uint8Array([0xef, 0xbb, 0xbf]), 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'),
    );
    expect(text).toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
  });

  it('reads UTF-16 when a UTF-16 byte order mark says so', () => {
    const text = 'BEGIN:VCALENDAR\r\nX-WR-CALNAME:Café 🎉\r\nEND:VCALENDAR\r\n';
    const little = new Uint8Array(2 + text.length * 2);
    little.set([0xff, 0xfe]);
    for (let index = 0; index < text.length; index += 1) {
      const unit = text.charCodeAt(index);
      little[2 + index * 2] = unit & 0xff;
      little[3 + index * 2] = unit >> 8;
    }
    expect(decodeIcalBytes(little)).toBe(text);
    const big = little.map((_, index) => little[index ^ 1] ?? 0);
    expect(decodeIcalBytes(big)).toBe(text);
  });

  it('joins folds written with XML character references for CR and LF', () => {
    const euro = utf8('€');
    for (const fold of ['&#13;\n ', '&#xD;\n ', '&#x0d;\n\t', '&#13;&#10; ', '\r\n ']) {
      const body = concat(
        '<c:calendar-data>SUMMARY:5 ',
        euro.subarray(0, 2),
        fold,
        euro.subarray(2),
        '</c:calendar-data>',
      );
      expect(decodeIcalBytes(body)).toBe('<c:calendar-data>SUMMARY:5 €</c:calendar-data>');
    }
  });

  it('changes nothing in valid UTF-8, XML with one-space indents and escaped CRs included', () => {
    const body = utf8(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<d:multistatus',
        ' xmlns:d="DAV:"',
        ' xmlns:c="urn:ietf:params:xml:ns:caldav">',
        ' <d:response><d:href>/cal/caf%C3%A9.ics</d:href>',
        '  <d:propstat><d:prop><d:displayname>Été\n à Zürich</d:displayname>',
        '   <c:calendar-data>BEGIN:VCALENDAR&#13;\nSUMMARY:Caf&#13;\n é 🎉&#13;\nEND:VCALENDAR&#13;\n</c:calendar-data>',
        '  </d:prop></d:propstat></d:response>',
        '</d:multistatus>',
      ].join('\n'),
    );
    // The very same array: no copy, no byte changed.
    expect(joinSplitCharacters(body)).toBe(body);
    expect(decodeIcalBytes(body)).toBe(new TextDecoder().decode(body));
  });

  it('leaves a fold alone when the bytes around it are not one split character', () => {
    // Latin-1 "é" (0xE9) before a fold, an ASCII letter after it: not UTF-8, nothing to join.
    const latin1 = concat('SUMMARY:caf', new Uint8Array([0xe9]), '\r\n x');
    expect(joinSplitCharacters(latin1)).toBe(latin1);
    expect(decodeIcalBytes(latin1)).toBe('SUMMARY:caf\uFFFD\r\n x');
  });
});
