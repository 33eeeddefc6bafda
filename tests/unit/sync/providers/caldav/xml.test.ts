import { describe, expect, it } from 'vitest';
import { AppError, ErrorKind } from '../../../../../src/core/errors';
import {
  NS,
  childNamed,
  childrenNamed,
  parseXml,
  textOf,
} from '../../../../../workers/sync/providers/caldav/xml';

function failure(text: string): AppError {
  try {
    parseXml(text);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('parseXml accepted the document');
}

describe('parseXml', () => {
  it('resolves prefixes and the default namespace per element, redeclarations included', () => {
    const root = parseXml(
      '<d:a xmlns:d="DAV:" xmlns:c="urn:c"><c:b xmlns:c="urn:other"><c:c/></c:b><c:d/>' +
        '<e/><f xmlns="urn:f"><g/><d:h xmlns:d="urn:d2"/><i xmlns=""/></f><xml:j/><p:k/></d:a>',
    );
    expect(root).toMatchObject({ ns: NS.dav, local: 'a' });
    const names = root.children.map((child) => [child.ns, child.local]);
    expect(names).toEqual([
      ['urn:other', 'b'],
      ['urn:c', 'd'],
      ['', 'e'],
      ['urn:f', 'f'],
      ['http://www.w3.org/XML/1998/namespace', 'j'],
      ['', 'k'], // an unbound prefix reads as no namespace
    ]);
    expect(root.children[0]?.children[0]).toMatchObject({ ns: 'urn:other', local: 'c' });
    expect(root.children[3]?.children.map((child) => [child.ns, child.local])).toEqual([
      ['urn:f', 'g'],
      ['urn:d2', 'h'],
      ['', 'i'],
    ]);
  });

  it('joins text and CDATA directly inside an element, decoded and untrimmed', () => {
    const root = parseXml(
      '<a xmlns="DAV:"> Tom &amp; Jerry &#x20AC;&#8364; &lt;x&gt; &quot;q&quot;<![CDATA[ <raw> & ]]>' +
        '<b>inner</b>tail <!-- note -->end</a>',
    );
    expect(root.text).toBe(' Tom & Jerry €€ <x> "q" <raw> & tail end');
    expect(childNamed(root, NS.dav, 'b')?.text).toBe('inner');
  });

  it('drops whitespace-only runs between elements but keeps whitespace around text', () => {
    const root = parseXml('<a>\n  <b>  </b>\n  <c> x </c>\r\n<d><![CDATA[  ]]></d></a>');
    expect(root.text).toBe('');
    expect(root.children.map((child) => child.text)).toEqual(['', ' x ', '  ']);
    expect(textOf(root.children[1] ?? null)).toBe('x');
  });

  it('keeps numeric-looking values as the exact text (sync tokens, ctags)', () => {
    const root = parseXml(
      '<?xml version="1.0" encoding="utf-8"?>\n<d:multistatus xmlns:d="DAV:" xmlns:cs="http://calendarserver.org/ns/">' +
        '<d:sync-token>0012345678901234567890</d:sync-token><cs:getctag>1.50</cs:getctag><d:x>true</d:x></d:multistatus>\n',
    );
    expect(textOf(childNamed(root, NS.dav, 'sync-token'))).toBe('0012345678901234567890');
    expect(textOf(childNamed(root, NS.calendarServer, 'getctag'))).toBe('1.50');
    expect(childNamed(root, NS.dav, 'x')?.text).toBe('true');
    expect(childrenNamed(root, NS.dav, 'sync-token')).toHaveLength(1);
  });

  it('rejects what is not well-formed XML as a retryable server error with the parser error as cause', () => {
    for (const text of [
      'Internal Server Error',
      '<html><body>Bad gateway<br></body></html>',
      '<a><b></a>',
      '<a>1</a>2',
      '<d:multistatus xmlns:d="DAV:"><d:response><d:href>/a</d:href>', // cut off
    ]) {
      const error = failure(text);
      expect(error).toMatchObject({
        kind: ErrorKind.server,
        message: 'The server sent XML that cannot be read.',
        retryable: true,
      });
      expect(error.cause).toBeInstanceOf(Error);
      expect((error.cause as Error).message).toMatch(/Line: \d+/);
    }
  });

  it('rejects a document without a root element', () => {
    for (const text of ['', '  \n', '<?xml version="1.0"?>\n<!-- nothing -->']) {
      expect(failure(text)).toMatchObject({
        kind: ErrorKind.server,
        message: 'The server sent an empty XML answer.',
        retryable: true,
      });
    }
  });
});
