import { Show, type JSX } from 'solid-js';
import type { AppErrorData } from '../../../core/errors';
import { useCatalog } from '../../../lib/i18n/locale';
import { ErrorNote } from './ErrorNote';
import { microsoftMessages } from './microsoft-messages';
import { signInErrorKey } from './sign-in-error';

/** A sign-in failure in words: its own for a cancelled or blocked window, else the general ones. */
export function SignInErrorNote(props: {
  readonly error: AppErrorData | null;
  readonly username?: string;
}): JSX.Element {
  const t = useCatalog(microsoftMessages);
  const key = () => {
    const error = props.error;
    return error === null ? null : signInErrorKey(error);
  };
  return (
    <Show when={key()} fallback={<ErrorNote error={props.error} />}>
      {(found) => (
        <p role="alert" class="account-error">
          {t(found(), { username: props.username ?? '' })}
        </p>
      )}
    </Show>
  );
}
