import { createSignal, createUniqueId, Show, type JSX } from 'solid-js';
import { AccountSyncStatus } from '../../../components/sync';
import type { CalDavAccount } from '../../../core/model/account';
import { useCatalog } from '../../../lib/i18n/locale';
import { displayServer } from './account-form';
import { accountsMessages } from './accounts-messages';
import { PasswordForm } from './PasswordForm';
import { RemoveAccountDialog } from './RemoveAccountDialog';
import { SyncIntervalField } from './SyncIntervalField';

/** One account: name, server, state, its calendars' sync, and what the user can change. */
export function AccountItem(props: { readonly account: CalDavAccount }): JSX.Element {
  const t = useCatalog(accountsMessages);
  const headingId = createUniqueId();
  const [editingPassword, setEditingPassword] = createSignal(false);
  const [removing, setRemoving] = createSignal(false);
  const [saved, setSaved] = createSignal(false);
  const passwordOpen = () => props.account.needsPassword || editingPassword();

  return (
    <li class="account" aria-labelledby={headingId}>
      <div class="account__head">
        <h3 id={headingId} class="account__name">
          {props.account.name}
        </h3>
        <span class={props.account.needsPassword ? 'account__state account__state--alert' : 'account__state'}>
          {props.account.needsPassword ? t('stateNeedsPassword') : t('stateOk')}
        </span>
      </div>
      <p class="muted account__server">
        {t('userOnServer', {
          username: props.account.username,
          server: displayServer(props.account.serverUrl),
        })}
      </p>
      <Show when={props.account.needsPassword}>
        <p class="field__error">{t('stateNeedsPasswordHelp')}</p>
      </Show>
      <AccountSyncStatus accountId={props.account.id} />
      <Show
        when={passwordOpen()}
        fallback={
          <button
            type="button"
            class="button"
            onClick={() => {
              setSaved(false);
              setEditingPassword(true);
            }}
          >
            {t('changePassword')}
          </button>
        }
      >
        <PasswordForm
          account={props.account}
          onDone={() => {
            setSaved(props.account.needsPassword || editingPassword());
            setEditingPassword(false);
          }}
        />
      </Show>
      <p role="status" class="field__hint">
        <Show when={saved() && !passwordOpen()}>{t('passwordSaved')}</Show>
      </p>
      <SyncIntervalField account={props.account} />
      <div class="account__actions">
        <button type="button" class="button button--danger" onClick={() => setRemoving(true)}>
          {t('removeAccount')}
        </button>
      </div>
      <Show when={removing()}>
        <RemoveAccountDialog account={props.account} onClose={() => setRemoving(false)} />
      </Show>
    </li>
  );
}
