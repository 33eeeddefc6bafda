import { createSignal, createUniqueId, Show, type JSX } from 'solid-js';
import { AccountSyncStatus } from '../../../components/sync';
import { toAppErrorData, type AppErrorData } from '../../../core/errors';
import type { GraphAccount } from '../../../core/model/account';
import { useCatalog } from '../../../lib/i18n/locale';
import { forgetMicrosoftAccount } from '../../../lib/microsoft/microsoft-auth';
import { signInAgain } from '../../../lib/microsoft/sign-in-again';
import { accountsMessages } from './accounts-messages';
import { microsoftMessages } from './microsoft-messages';
import { RemoveAccountDialog } from './RemoveAccountDialog';
import { SignInErrorNote } from './SignInErrorNote';

/** One Microsoft 365 account: who is signed in, whether Microsoft wants a new sign-in, its sync, removal. */
export function GraphAccountItem(props: { readonly account: GraphAccount }): JSX.Element {
  const t = useCatalog(accountsMessages);
  const tm = useCatalog(microsoftMessages);
  const headingId = createUniqueId();
  const [removing, setRemoving] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal(false);
  const [error, setError] = createSignal<AppErrorData | null>(null);

  const again = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await signInAgain(props.account);
      setDone(true);
    } catch (caught) {
      setError(toAppErrorData(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li class="account" aria-labelledby={headingId}>
      <div class="account__head">
        <h3 id={headingId} class="account__name">
          {props.account.name}
        </h3>
        <span class={props.account.needsSignIn ? 'account__state account__state--alert' : 'account__state'}>
          {props.account.needsSignIn ? tm('stateNeedsSignIn') : t('stateOk')}
        </span>
      </div>
      <p class="muted account__server">{tm('signedInAs', { username: props.account.username })}</p>
      <Show when={props.account.needsSignIn}>
        <p class="field__error">{tm('stateNeedsSignInHelp')}</p>
        <button
          type="button"
          class="button button--primary"
          disabled={busy()}
          onClick={() => {
            void again();
          }}
        >
          {tm('signInAgain')}
        </button>
      </Show>
      <SignInErrorNote error={error()} username={props.account.username} />
      <p role="status" class="field__hint">
        <Show when={done() && !props.account.needsSignIn}>{tm('signedInAgain')}</Show>
      </p>
      <AccountSyncStatus accountId={props.account.id} />
      <div class="account__actions">
        <button type="button" class="button button--danger" onClick={() => setRemoving(true)}>
          {t('removeAccount')}
        </button>
      </div>
      <Show when={removing()}>
        <RemoveAccountDialog
          account={props.account}
          body={tm('removeBody')}
          afterRemoval={() => forgetMicrosoftAccount(props.account.homeAccountId)}
          onClose={() => setRemoving(false)}
        />
      </Show>
    </li>
  );
}
