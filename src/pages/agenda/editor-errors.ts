import type { DraftErrorCode, DraftErrors, DraftField } from '../../core/ical/event-draft';
import type { AgendaMessageKey } from './agenda-messages';

const CODE_MESSAGE = {
  'invalid-date': 'errorInvalidDate',
  'end-before-start': 'errorEndBeforeStart',
  'interval-not-positive': 'errorInterval',
  'count-not-positive': 'errorCount',
  'repeat-ends-before-start': 'errorRepeatEnd',
  'unknown-time-zone': 'errorTimeZone',
} as const satisfies Record<DraftErrorCode, AgendaMessageKey>;

/** The message shown next to a field for a validation code. A title error can only mean it is missing. */
export function draftErrorMessage(field: DraftField, code: DraftErrorCode): AgendaMessageKey {
  return field === 'title' ? 'errorTitle' : CODE_MESSAGE[code];
}

export function hasErrors(errors: DraftErrors): boolean {
  return Object.keys(errors).length > 0;
}
