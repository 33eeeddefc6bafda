import { Show, type JSX } from 'solid-js';
import type { DraftField } from '../../core/ical/event-draft';
import type { FieldErrors } from './editor-field-errors';

/** The message shown under a field while it is invalid. */
export function FieldError(props: { readonly errors: FieldErrors; readonly field: DraftField }): JSX.Element {
  return (
    <Show when={props.errors.message(props.field)}>
      {(message) => (
        <p id={props.errors.id(props.field)} class="agenda-field__error">
          {message()}
        </p>
      )}
    </Show>
  );
}
