import { Show, type JSX } from 'solid-js';
import type { AppErrorData } from '../../../core/errors';
import { errorMessage } from '../../../lib/error-messages';

/** An error in plain words (what happened, what to do), announced to screen readers. */
export function ErrorNote(props: { readonly error: AppErrorData | null; readonly id?: string }): JSX.Element {
  return (
    <div id={props.id} role="alert" class="account-error">
      <Show when={props.error}>
        {(error) => {
          const words = () => errorMessage(error());
          return (
            <>
              <p class="account-error__title">{words().title}</p>
              <p>{words().action}</p>
            </>
          );
        }}
      </Show>
    </div>
  );
}
