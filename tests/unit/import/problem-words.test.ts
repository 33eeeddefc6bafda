import { describe, expect, it } from 'vitest';
import { readIcsFile } from '../../../src/core/import/read-ics-file';
import { formatMessage } from '../../../src/lib/i18n/locale';
import { importMessages } from '../../../src/pages/import/import-messages';
import { problemWords } from '../../../src/pages/import/problem-words';
import { fixture } from '../ical/fixture';

function translator(locale: 'en' | 'fr') {
  return (key: keyof (typeof importMessages)['en'], params?: Readonly<Record<string, string | number>>) =>
    formatMessage(importMessages[locale][key], locale, params);
}

describe('problemWords', () => {
  it('says per entry, in plain words and in both languages, why it cannot be imported', () => {
    const { problems } = readIcsFile(fixture('import-duplicate-uid-and-broken.ics'));
    const [broken, duplicate] = problems;
    if (!broken || !duplicate) throw new Error('expected two problems');
    expect(problemWords(broken, translator('en'))).toMatch(
      /^Raffle draw \(line \d+\): its start date cannot be read$/,
    );
    expect(problemWords(broken, translator('fr'))).toMatch(
      /^Raffle draw \(ligne \d+\) : |^Raffle draw \(ligne \d+\): /,
    );
    expect(problemWords(duplicate, translator('en'))).toBe(
      'Quiz night: it appears more than once in the file; the last copy is used',
    );
  });

  it('names an entry without a title', () => {
    const { problems } = readIcsFile(fixture('malformed-unterminated.ics'));
    const [first] = problems;
    if (!first) throw new Error('expected a problem');
    expect(problemWords({ ...first, entry: null }, translator('en'))).toMatch(
      /^An entry without a title.*: it is cut short/,
    );
  });
});
