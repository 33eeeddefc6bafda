import { createEffect, createSignal, createUniqueId, on, Show, untrack, type JSX } from 'solid-js';
import { MAX_SYNC_INTERVAL_MINUTES, MIN_SYNC_INTERVAL_MINUTES } from '../../../core/accounts/account-input';
import { setSyncInterval } from '../../../core/accounts/account-repo';
import type { CalDavAccount } from '../../../core/model/account';
import { db } from '../../../lib/db';
import { useCatalog } from '../../../lib/i18n/locale';
import { accountsMessages } from './accounts-messages';

/** A whole number of minutes in range, or null. */
export function parseInterval(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const value = Number(text);
  return value >= MIN_SYNC_INTERVAL_MINUTES && value <= MAX_SYNC_INTERVAL_MINUTES ? value : null;
}

/** How often the account syncs while the app is open; the scheduler reads it from the database. */
export function SyncIntervalField(props: { readonly account: CalDavAccount }): JSX.Element {
  const t = useCatalog(accountsMessages);
  const inputId = createUniqueId();
  const hintId = createUniqueId();
  const errorId = createUniqueId();
  const range = { min: MIN_SYNC_INTERVAL_MINUTES, max: MAX_SYNC_INTERVAL_MINUTES };
  const [draft, setDraft] = createSignal(String(untrack(() => props.account.syncIntervalMinutes)));
  const [problem, setProblem] = createSignal<'invalid' | 'failed' | null>(null);

  createEffect(
    on(
      () => props.account.syncIntervalMinutes,
      (minutes) => {
        setDraft(String(minutes));
        setProblem(null);
      },
      { defer: true },
    ),
  );

  const commit = (text: string): void => {
    setDraft(text);
    const minutes = parseInterval(text);
    setProblem(minutes === null ? 'invalid' : null);
    if (minutes === null || minutes === props.account.syncIntervalMinutes) return;
    setSyncInterval(db, props.account.id, minutes).catch(() => setProblem('failed'));
  };

  return (
    <div class="field">
      <label for={inputId}>{t('syncInterval')}</label>
      <input
        id={inputId}
        class="field__number"
        type="number"
        inputmode="numeric"
        min={MIN_SYNC_INTERVAL_MINUTES}
        max={MAX_SYNC_INTERVAL_MINUTES}
        step="1"
        required
        value={draft()}
        aria-invalid={problem() === 'invalid' ? 'true' : undefined}
        aria-describedby={problem() ? `${errorId} ${hintId}` : hintId}
        onChange={(event) => {
          commit(event.currentTarget.value);
        }}
      />
      <p id={hintId} class="field__hint">
        {t('syncIntervalHint', range)}
      </p>
      <Show when={problem()}>
        {(current) => (
          <p id={errorId} class="field__error" role="alert">
            {current() === 'invalid' ? t('syncIntervalError', range) : t('syncIntervalFailed')}
          </p>
        )}
      </Show>
    </div>
  );
}
