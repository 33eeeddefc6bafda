import { createSignal, Show, type JSX } from 'solid-js';
import type { CalDavAccount } from '../../../core/model/account';
import { useCatalog } from '../../../lib/i18n/locale';
import { displayServer } from './account-form';
import { AccountRow } from './AccountRow';
import { accountsMessages } from './accounts-messages';
import { PasswordForm } from './PasswordForm';
import { SyncIntervalField } from './SyncIntervalField';

/** One CalDAV account: its row (AccountRow.tsx) with the password and the sync interval. */
export function AccountItem(props: { readonly account: CalDavAccount }): JSX.Element {
  const t = useCatalog(accountsMessages);
  const [editingPassword, setEditingPassword] = createSignal(false);
  const [saved, setSaved] = createSignal(false);
  const passwordOpen = () => props.account.needsPassword || editingPassword();

  return (
    <AccountRow
      account={props.account}
      state={props.account.needsPassword ? t('stateNeedsPassword') : t('stateOk')}
      waiting={props.account.needsPassword}
      identity={t('userOnServer', {
        username: props.account.username,
        server: displayServer(props.account.serverUrl),
      })}
      notice={
        <Show when={props.account.needsPassword}>
          <p class="field__error">{t('stateNeedsPasswordHelp')}</p>
        </Show>
      }
    >
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
    </AccountRow>
  );
}
