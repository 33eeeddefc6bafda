import { createUniqueId, For, Show, type JSX } from 'solid-js';
import type { AccountId } from '../../core/model/ids';
import { useCatalog } from '../../lib/i18n/locale';
import { CalendarSyncStatus } from './CalendarSyncStatus';
import { syncMessages } from './sync-messages';
import { createSyncNow } from './sync-now';
import { useAccountSyncInfo, waitsFor } from './sync-status-data';
import './sync.css';

/** An account's calendars, each with its sync status, and "Sync now" for the whole account (in
 *  Settings, where the Sync issues panel asks the rule-5 question, docs/sync-rules.md). */
export function AccountSyncStatus(props: { readonly accountId: AccountId }): JSX.Element {
  const t = useCatalog(syncMessages);
  const info = useAccountSyncInfo(() => props.accountId);
  const action = createSyncNow(() => ({ kind: 'account', accountId: props.accountId }));
  const listId = createUniqueId();
  return (
    <Show when={info()}>
      {(current) => (
        <div class="sync-account">
          <ul
            id={listId}
            class="sync-account__calendars"
            aria-label={t('accountCalendars', { name: current().account.name })}
          >
            <For each={current().calendars}>
              {(calendar) => (
                <li>
                  <span class="sync-account__name">{calendar.name}</span>
                  <CalendarSyncStatus calendarId={calendar.id} askHere={false} />
                </li>
              )}
            </For>
          </ul>
          <Show when={waitsFor(current().account) === null && current().calendars.length > 1}>
            <button
              type="button"
              class="button"
              aria-controls={listId}
              aria-label={t('syncNowLabel', { name: current().account.name })}
              disabled={action.pending()}
              onClick={() => {
                action.run();
              }}
            >
              {t('syncNow')}
            </button>
          </Show>
        </div>
      )}
    </Show>
  );
}
