import { createSignal, createUniqueId, Show, type JSX } from 'solid-js';
import { toAppErrorData, type AppErrorData } from '../../../core/errors';
import type { CalDavAccount } from '../../../core/model/account';
import { useCatalog } from '../../../lib/i18n/locale';
import { syncApi } from '../../../lib/sync-client';
import { accountsMessages } from './accounts-messages';
import { ErrorNote } from './ErrorNote';

/** "Change password" → `syncApi.updatePassword`, which stores it encrypted and resumes the sync. */
export function PasswordForm(props: {
  readonly account: CalDavAccount;
  readonly onDone: () => void;
}): JSX.Element {
  const t = useCatalog(accountsMessages);
  const inputId = createUniqueId();
  const errorId = createUniqueId();
  const [password, setPassword] = createSignal('');
  const [missing, setMissing] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<AppErrorData | null>(null);

  const save = async (): Promise<void> => {
    setMissing(password() === '');
    if (password() === '') return;
    setBusy(true);
    setError(null);
    try {
      await syncApi.updatePassword(props.account.id, password());
      setPassword('');
      props.onDone();
    } catch (caught) {
      setError(toAppErrorData(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="account-form account-form--inline"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      aria-busy={busy()}
    >
      <div class="field">
        <label for={inputId}>{t('newPassword')}</label>
        <input
          id={inputId}
          type="password"
          autocomplete="current-password"
          required
          value={password()}
          aria-invalid={missing() ? 'true' : undefined}
          aria-describedby={missing() || error() ? errorId : undefined}
          onInput={(event) => setPassword(event.currentTarget.value)}
        />
      </div>
      <Show when={missing()}>
        <p id={errorId} class="field__error">
          {t('passwordMissing')}
        </p>
      </Show>
      <Show when={!missing()}>
        <ErrorNote id={errorId} error={error()} typedPassword />
      </Show>
      <div class="account-form__actions">
        <button type="submit" class="button button--primary" disabled={busy()}>
          {busy() ? t('savingPassword') : t('savePassword')}
        </button>
        <Show when={!props.account.needsPassword}>
          <button
            type="button"
            class="button"
            disabled={busy()}
            onClick={() => {
              props.onDone();
            }}
          >
            {t('cancel')}
          </button>
        </Show>
      </div>
    </form>
  );
}
