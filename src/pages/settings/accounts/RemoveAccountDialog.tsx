import { createSignal, type JSX } from 'solid-js';
import { Dialog } from '../../../components/Dialog';
import { toAppErrorData, type AppErrorData } from '../../../core/errors';
import type { Account } from '../../../core/model/account';
import { useCatalog } from '../../../lib/i18n/locale';
import { syncApi } from '../../../lib/sync-client';
import { accountsMessages } from './accounts-messages';
import { ErrorNote } from './ErrorNote';

/**
 * Asks before removing an account (→ `syncApi.removeAccount`, then `afterRemoval`: a Microsoft account's
 * sign-in forgotten); Cancel has the focus first.
 */
export function RemoveAccountDialog(props: {
  readonly account: Pick<Account, 'id' | 'name'>;
  /** What is removed, when it is not the CalDAV words. */
  readonly body?: string;
  readonly afterRemoval?: () => Promise<void>;
  readonly onClose: () => void;
}): JSX.Element {
  const t = useCatalog(accountsMessages);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<AppErrorData | null>(null);

  const remove = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await syncApi.removeAccount(props.account.id);
      await props.afterRemoval?.();
      props.onClose();
    } catch (caught) {
      setError(toAppErrorData(caught));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('removeTitle', { name: props.account.name })}
      role="alertdialog"
      onClose={() => {
        if (!busy()) props.onClose();
      }}
    >
      <p>{props.body ?? t('removeBody')}</p>
      <ErrorNote error={error()} />
      <div class="dialog__actions">
        <button
          type="button"
          class="button"
          autofocus
          disabled={busy()}
          onClick={() => {
            props.onClose();
          }}
        >
          {t('cancel')}
        </button>
        <button
          type="button"
          class="button button--danger"
          disabled={busy()}
          onClick={() => {
            void remove();
          }}
        >
          {busy() ? t('removing') : t('remove')}
        </button>
      </div>
    </Dialog>
  );
}
