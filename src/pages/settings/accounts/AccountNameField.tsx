import { createEffect, createSignal, createUniqueId, on, Show, untrack, type JSX } from 'solid-js';
import { renameAccount } from '../../../core/accounts/rename-account';
import type { Account } from '../../../core/model/account';
import { db } from '../../../lib/db';
import { useCatalog } from '../../../lib/i18n/locale';
import { reportStorageProblem } from '../../../lib/storage';
import { accountsMessages } from './accounts-messages';

/** The account's name, saved when the field changes; empty or too long says what to type and keeps the old one. */
export function AccountNameField(props: { readonly account: Pick<Account, 'id' | 'name'> }): JSX.Element {
  const t = useCatalog(accountsMessages);
  const inputId = createUniqueId();
  const errorId = createUniqueId();
  const [draft, setDraft] = createSignal(untrack(() => props.account.name));
  const [problem, setProblem] = createSignal<'empty' | 'failed' | null>(null);

  createEffect(
    on(
      () => props.account.name,
      (name) => {
        setDraft(name);
        setProblem(null);
      },
      { defer: true },
    ),
  );

  const commit = (text: string): void => {
    setDraft(text);
    if (text.trim() === '') {
      setProblem('empty');
      return;
    }
    setProblem(null);
    if (text.trim() === props.account.name) return;
    renameAccount(db, props.account.id, text).catch((error: unknown) => {
      reportStorageProblem(error);
      setProblem('failed');
    });
  };

  return (
    <div class="field">
      <label for={inputId}>{t('accountName')}</label>
      <input
        id={inputId}
        type="text"
        maxLength={200}
        autocomplete="off"
        value={draft()}
        aria-invalid={problem() === null ? undefined : 'true'}
        aria-describedby={problem() === null ? undefined : errorId}
        onChange={(event) => {
          commit(event.currentTarget.value);
        }}
      />
      <Show when={problem()}>
        {(kind) => (
          <p id={errorId} class="field__error">
            {kind() === 'empty' ? t('accountNameEmpty') : t('accountNameFailed')}
          </p>
        )}
      </Show>
    </div>
  );
}
