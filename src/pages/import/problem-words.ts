import type { ImportProblem } from '../../core/import/import-problem';
import type { Params } from '../../lib/i18n/locale';
import type { ImportMessageKey } from './import-messages';

type Translate = (key: ImportMessageKey, params?: Params) => string;

const FIELDS: Readonly<Record<string, ImportMessageKey>> = {
  DTSTART: 'fieldStart',
  DTEND: 'fieldEnd',
  DURATION: 'fieldDuration',
  RRULE: 'fieldRepeat',
  EXDATE: 'fieldExceptions',
  RDATE: 'fieldExtraDates',
  'RECURRENCE-ID': 'fieldRecurrenceId',
};

function reason(problem: ImportProblem, t: Translate): string {
  switch (problem.kind) {
    case 'unterminated':
      return t('problemUnterminated');
    case 'no-start':
      return t('problemNoStart');
    case 'bad-value': {
      const field = problem.property === null ? undefined : FIELDS[problem.property];
      return t('problemBadValue', { field: field === undefined ? (problem.property ?? '?') : t(field) });
    }
    case 'no-events':
      return t('problemNoEvents');
    case 'duplicate':
      return t('problemDuplicate');
    case 'unreadable':
      return t('problemUnreadable');
  }
}

/** "Raffle draw (line 45): its start date cannot be read" in the user's language. */
export function problemWords(problem: ImportProblem, t: Translate): string {
  const entry = problem.entry ?? t('unnamedEntry');
  const where = problem.line === null ? '' : ` (${t('atLine', { line: problem.line })})`;
  return `${entry}${where}: ${reason(problem, t)}`;
}
