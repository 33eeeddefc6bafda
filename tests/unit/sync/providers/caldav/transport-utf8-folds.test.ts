/**
 * CalDAV answers are read as bytes, so a line fold inside a UTF-8 character of calendar-data is
 * mended before the XML is decoded. The multistatus shapes are those Radicale 3 and Xandikos send
 * (recorded from the integration servers: raw CRLF inside calendar-data, default or ns0/ns1 prefixes)
 * and the one with one-space indents and CRs written `&#13;` that SabreDAV-based servers send
 * (docs/sync-rules.md rule 25).
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { multigetBatch } from '../../../../../workers/sync/providers/caldav/multiget';
import { getObject } from '../../../../../workers/sync/providers/caldav/object-writes';
import { createTransport } from '../../../../../workers/sync/providers/caldav/transport';
import { fixtureBytes } from '../../../ical/fixture';

const COLLECTION = 'https://dav.example.com/alice/cal/';
const HREF = `${COLLECTION}folded.ics`;
const OBJECT = fixtureBytes('folds-inside-utf8-characters-crlf.ics');

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(parts.flatMap((part) => [...part]));

/** The object with each CRLF written `&#13;` + LF, as an XML writer that escapes CR does. */
function escapedCr(bytes: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (let index = 0; index < bytes.length; index += 1) {
    if (bytes[index] === 0x0d && bytes[index + 1] === 0x0a) out.push(...utf8('&#13;'));
    else out.push(bytes[index] ?? 0);
  }
  return Uint8Array.from(out);
}

const SHAPES = {
  radicale: (data: Uint8Array) =>
    concat(
      utf8(
        `<?xml version='1.0' encoding='utf-8'?>\n<multistatus xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><response><href>/alice/cal/folded.ics</href><propstat><prop><getetag>"483e3c8c"</getetag><C:calendar-data>`,
      ),
      data,
      utf8('</C:calendar-data></prop><status>HTTP/1.1 200 OK</status></propstat></response></multistatus>'),
    ),
  xandikos: (data: Uint8Array) =>
    concat(
      utf8(
        `<ns0:multistatus xmlns:ns0="DAV:" xmlns:ns1="urn:ietf:params:xml:ns:caldav"><ns0:response><ns0:href>/alice/cal/folded.ics</ns0:href><ns0:propstat><ns0:status>HTTP/1.1 200 OK</ns0:status><ns0:prop><ns0:getetag>"ed40b9e4"</ns0:getetag><ns1:calendar-data>`,
      ),
      data,
      utf8('</ns1:calendar-data></ns0:prop></ns0:propstat></ns0:response></ns0:multistatus>'),
    ),
  sabre: (data: Uint8Array) =>
    concat(
      utf8(
        '<?xml version="1.0"?>\n<d:multistatus\n xmlns:d="DAV:"\n xmlns:cal="urn:ietf:params:xml:ns:caldav">\n <d:response>\n  <d:href>/alice/cal/folded.ics</d:href>\n  <d:propstat>\n   <d:prop>\n    <d:getetag>&quot;7c1f&quot;</d:getetag>\n    <cal:calendar-data>',
      ),
      escapedCr(data),
      utf8(
        '</cal:calendar-data>\n   </d:prop>\n   <d:status>HTTP/1.1 200 OK</d:status>\n  </d:propstat>\n </d:response>\n</d:multistatus>\n',
      ),
    ),
} as const;

function transportAnswering(status: number, body: Uint8Array<ArrayBuffer>, contentType: string) {
  return createTransport({
    fetch: () => Promise.resolve(new Response(body, { status, headers: { 'Content-Type': contentType } })),
    now: () => 0,
    username: 'u',
    password: 'p',
  });
}

function expectWholeCharacters(ics: string): void {
  expect(ics).not.toContain('\uFFFD');
  const vevent = new ICAL.Component(ICAL.parse(ics) as unknown[]).getFirstSubcomponent('vevent');
  expect(vevent?.getFirstPropertyValue('summary')).toBe('Café crème');
  expect(vevent?.getFirstPropertyValue('location')).toBe('Entrée 5 € ou 10 €');
  expect(vevent?.getFirstPropertyValue('description')).toBe('Fête 🎉 puis 🎉 et 🎉 fin');
}

describe('CalDAV bodies with a fold inside a UTF-8 character', () => {
  it.each(Object.keys(SHAPES) as (keyof typeof SHAPES)[])(
    'calendar-multiget in the %s shape brings é, € and 🎉 back whole',
    async (shape) => {
      const body = SHAPES[shape](OBJECT);
      // What Response.text() makes of it: the split characters are lost.
      expect(new TextDecoder().decode(body)).toContain('\uFFFD');
      const transport = transportAnswering(207, body, 'application/xml; charset=utf-8');
      const result = await multigetBatch(transport, COLLECTION, [HREF]);
      expect(result.missing).toEqual([]);
      expect(result.found).toHaveLength(1);
      expectWholeCharacters(result.found[0]?.ics ?? '');
    },
  );

  it('a GET of the object brings them back whole too', async () => {
    const transport = transportAnswering(200, OBJECT, 'text/calendar; charset=utf-8');
    const read = await getObject(transport, HREF);
    expect(read.kind).toBe('ok');
    expectWholeCharacters(read.kind === 'ok' ? read.ics : '');
  });
});
