import { createEffect, For, Show, type JSX } from 'solid-js';
import { listGraphAccounts } from '../core/accounts/graph-account-repo';
import type { GraphAccount } from '../core/model/account';
import { db } from '../lib/db';
import { errorMessage } from '../lib/error-messages';
import { useCatalog } from '../lib/i18n/locale';
import { createLiveQuery } from '../lib/live-query';
import { createSignInAgain } from '../lib/microsoft/sign-in-again-action';
import { SignInDetail } from '../lib/microsoft/sign-in-detail';
import { signInAgainMessages } from './sign-in-again-messages';

/** Loaded on first need: MSAL's chunk stays out of the start-up. */
const authCode = () => import('../lib/microsoft/microsoft-auth');

function AccountBanner(props: { readonly account: GraphAccount }): JSX.Element {
  const t = useCatalog(signInAgainMessages);
  const action = createSignInAgain(() => props.account);
  const problem = (): string | null => {
    const current = action.error();
    if (current === null) return null;
    switch (current.detail) {
      case SignInDetail.cancelled:
        return t('cancelled');
      case SignInDetail.popupBlocked:
        return t('popupBlocked');
      case SignInDetail.otherUser:
        return t('otherUser', { username: props.account.username });
      default:
        return t('failed', { reason: `${errorMessage(current).title}. ${errorMessage(current).action}` });
    }
  };
  return (
    <div class="banner banner--warning" role="region" aria-label={t('title', { name: props.account.name })}>
      <div class="banner__text">
        <p class="banner__title">{t('title', { name: props.account.name })}</p>
        <p>{t('body', { username: props.account.username })}</p>
        <p role="status">{action.busy() ? t('signingIn') : (problem() ?? '')}</p>
      </div>
      <div class="banner__actions">
        <button
          type="button"
          class="button button--primary"
          disabled={action.busy()}
          onClick={() => {
            action.run();
          }}
        >
          {t('signInAgain')}
        </button>
      </div>
    </div>
  );
}

/**
 * "Sign in again" on every page (docs/sync-rules.md rule 51) for each Microsoft account whose sign-in
 * ran out: the sync worker marked it (`needsSignIn`); nothing else stops, edits wait in the outbox.
 */
export function SignInAgainBanner(): JSX.Element {
  const accounts = createLiveQuery(async () =>
    (await listGraphAccounts(db)).filter((account) => account.needsSignIn),
  );
  const waiting = () => {
    const current = accounts();
    return current.state === 'ready' ? current.value : [];
  };
  createEffect(() => {
    // MSAL ahead of the click, so the sign-in popup opens within the click's user activation.
    if (waiting().length > 0) {
      void authCode().then((auth) => {
        auth.prepareMicrosoftSignIn();
      });
    }
  });
  return (
    <Show when={waiting().length > 0}>
      <For each={waiting()}>{(account) => <AccountBanner account={account} />}</For>
    </Show>
  );
}
