import { Show, type JSX } from 'solid-js';
import { ErrorKind, type AppErrorData } from '../../../core/errors';
import { errorMessage } from '../../../lib/error-messages';
import { useCatalog } from '../../../lib/i18n/locale';
import { accountsMessages } from './accounts-messages';

/**
 * An error in plain words (what happened, what to do), announced to screen readers. Where the user has
 * just typed a password (`typedPassword`: adding an account, a new password), a refused sign-in says
 * the password or username is wrong and how to fix it, not "sign in to the account again".
 */
export function ErrorNote(props: {
  readonly error: AppErrorData | null;
  readonly id?: string;
  readonly typedPassword?: boolean;
}): JSX.Element {
  const t = useCatalog(accountsMessages);
  return (
    <div id={props.id} role="alert" class="account-error">
      <Show when={props.error}>
        {(error) => {
          const words = () =>
            props.typedPassword === true && error().kind === ErrorKind.auth
              ? { title: t('wrongPasswordTitle'), action: t('wrongPasswordAction') }
              : errorMessage(error());
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
