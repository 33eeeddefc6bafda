// Rule numbers in test names: docs/sync-rules.md.
import { describe, expect, it } from 'vitest';
import {
  collectionKey,
  hrefPath,
  normaliseHref,
  objectHrefFor,
} from '../../../../../workers/sync/providers/caldav/href';

const BASE = 'https://dav.example.com/cal/alice/work/';

describe('href normalisation (rules 13, 30)', () => {
  it('rule 13: a path and an absolute URL of one resource normalise alike', () => {
    expect(normaliseHref('/cal/alice/work/a.ics', BASE)).toBe('https://dav.example.com/cal/alice/work/a.ics');
    expect(normaliseHref('https://DAV.example.com:443/cal/alice/work/a.ics#x', BASE)).toBe(
      'https://dav.example.com/cal/alice/work/a.ics',
    );
    expect(normaliseHref('a.ics', BASE)).toBe('https://dav.example.com/cal/alice/work/a.ics');
  });

  it('rule 13: percent-encoding is made canonical (case, needless escapes, unsafe characters)', () => {
    const forms = [
      '/cal/alice/work/x%40y%7e.ics',
      '/cal/alice/work/x@y~.ics',
      '/cal/alice/work/x%40y%7E.ics',
    ];
    const normal = forms.map((href) => normaliseHref(href, BASE));
    expect(new Set(normal).size).toBe(1);
    expect(normaliseHref('/cal/alice/work/caf%C3%A9 1.ics', BASE)).toBe(
      normaliseHref('/cal/alice/work/café%201.ics', BASE),
    );
    expect(normaliseHref('/cal/alice/work/a%2Fb.ics', BASE)).toBe(
      'https://dav.example.com/cal/alice/work/a%2Fb.ics',
    );
    expect(normaliseHref('/cal/alice/work/bad%zz.ics', BASE)).toBe(
      'https://dav.example.com/cal/alice/work/bad%zz.ics',
    );
  });

  it('rule 30: URLs compare exactly, never by substring', () => {
    expect(collectionKey('https://dav.example.com/cal/alice/work')).toBe(BASE);
    expect(collectionKey('https://dav.example.com/cal/alice/work2/')).not.toBe(BASE);
  });

  it('rule 14: a new object gets an href derived from its UID (a retried create lands on it again)', () => {
    const hash = (text: string) => `h${text.length}`;
    expect(objectHrefFor(BASE, 'abc@almanac', hash)).toBe(`${BASE}abc@almanac.ics`);
    expect(objectHrefFor(BASE, 'with space/slash', hash)).toBe(`${BASE}h16.ics`);
    expect(hrefPath(`${BASE}a%20b.ics`)).toBe('/cal/alice/work/a%20b.ics');
  });
});
