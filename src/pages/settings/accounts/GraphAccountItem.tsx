import { Show, type JSX } from 'solid-js';
import type { GraphAccount } from '../../../core/model/account';
import { useCatalog } from '../../../lib/i18n/locale';
import { forgetMicrosoftAccount } from '../../../lib/microsoft/microsoft-auth';
import { createSignInAgain } from '../../../lib/microsoft/sign-in-again-action';
import { AccountRow } from './AccountRow';
import { accountsMessages } from './accounts-messages';
import { microsoftMessages } from './microsoft-messages';
import { SignInErrorNote } from './SignInErrorNote';

/**
 * One Microsoft 365 account: its row (AccountRow.tsx) with who is signed in, "Sign in again" when
 * Microsoft wants it (the same action as the banner's), and a removal that also forgets MSAL's account.
 */
export function GraphAccountItem(props: { readonly account: GraphAccount }): JSX.Element {
  const t = useCatalog(accountsMessages);
  const tm = useCatalog(microsoftMessages);
  const again = createSignInAgain(() => props.account);

  return (
    <AccountRow
      account={props.account}
      state={props.account.needsSignIn ? tm('stateNeedsSignIn') : t('stateOk')}
      waiting={props.account.needsSignIn}
      identity={tm('signedInAs', { username: props.account.username })}
      removeBody={tm('removeBody')}
      afterRemoval={() => forgetMicrosoftAccount(props.account.homeAccountId)}
      notice={
        <>
          <Show when={props.account.needsSignIn}>
            <p class="field__error">{tm('stateNeedsSignInHelp')}</p>
            <button
              type="button"
              class="button button--primary"
              disabled={again.busy()}
              onClick={() => {
                again.run();
              }}
            >
              {tm('signInAgain')}
            </button>
          </Show>
          <SignInErrorNote error={again.error()} username={props.account.username} />
          <p role="status" class="field__hint">
            <Show when={again.done() && !props.account.needsSignIn}>{tm('signedInAgain')}</Show>
          </p>
        </>
      }
    />
  );
}
