import { createUniqueId, type Accessor } from 'solid-js';
import type { DraftErrors, DraftField } from '../../core/ical/event-draft';
import { useCatalog } from '../../lib/i18n/locale';
import { agendaMessages } from './agenda-messages';
import { draftErrorMessage } from './editor-errors';

export interface FieldErrors {
  /** The translated message for a field, or null. */
  readonly message: (field: DraftField) => string | null;
  /** The id of the field's message element (for aria-describedby). */
  readonly id: (field: DraftField) => string;
  /** Attributes for an input that shows a field's error. */
  readonly aria: (field: DraftField) => { 'aria-invalid': boolean; 'aria-describedby': string | undefined };
}

/** Field-level messages for the editor: next to the field, referenced by aria-describedby. */
export function createFieldErrors(errors: Accessor<DraftErrors>): FieldErrors {
  const t = useCatalog(agendaMessages);
  const prefix = createUniqueId();
  const message = (field: DraftField): string | null => {
    const code = errors()[field];
    return code === undefined ? null : t(draftErrorMessage(field, code));
  };
  const id = (field: DraftField): string => `${prefix}-${field}-error`;
  const aria = (field: DraftField) => {
    const invalid = message(field) !== null;
    return { 'aria-invalid': invalid, 'aria-describedby': invalid ? id(field) : undefined };
  };
  return { message, id, aria };
}
