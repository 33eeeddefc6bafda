import { createSignal, createUniqueId, For, Match, Show, Switch, type JSX } from 'solid-js';
import { useCatalog } from '../../../lib/i18n/locale';
import { AccountItem } from './AccountItem';
import { accountsMessages } from './accounts-messages';
import { useCalDavAccounts } from './accounts-data';
import { AddAccountFlow } from './AddAccountFlow';
import { GraphAccountItem } from './GraphAccountItem';
import { useGraphAccounts } from './graph-accounts-data';
import { MicrosoftSignIn } from './MicrosoftSignIn';
import './accounts.css';

/** Settings › Accounts: the CalDAV and Microsoft 365 accounts, "Add account" and "Sign in with Microsoft". */
export function AccountsSection(): JSX.Element {
  const t = useCatalog(accountsMessages);
  const headingId = createUniqueId();
  const accounts = useCalDavAccounts();
  const graphAccounts = useGraphAccounts();
  const ready = () => {
    const current = accounts();
    const graph = graphAccounts();
    return current.state === 'ready' && graph.state === 'ready'
      ? { caldav: current.value, graph: graph.value }
      : null;
  };
  const [added, setAdded] = createSignal<string | null>(null);

  return (
    <section class="card settings-section accounts" aria-labelledby={headingId}>
      <h2 id={headingId} class="card__title">
        {t('heading')}
      </h2>
      <p class="muted">{t('intro')}</p>
      <Switch>
        <Match when={accounts().state === 'loading' || graphAccounts().state === 'loading'}>
          <p role="status" aria-busy="true">
            {t('loading')}
          </p>
        </Match>
        <Match when={accounts().state === 'error' || graphAccounts().state === 'error'}>
          <p role="alert" class="field__error">
            {t('loadFailed')}
          </p>
        </Match>
        <Match when={ready()}>
          {(list) => (
            <Show when={list().caldav.length + list().graph.length > 0} fallback={<p>{t('none')}</p>}>
              <ul class="accounts__list" aria-label={t('accountsList')}>
                <For each={list().caldav}>{(account) => <AccountItem account={account} />}</For>
                <For each={list().graph}>{(account) => <GraphAccountItem account={account} />}</For>
              </ul>
            </Show>
          )}
        </Match>
      </Switch>
      <p role="status" class="field__hint">
        <Show when={added()}>{(name) => t('added', { name: name() })}</Show>
      </p>
      <AddAccountFlow onAdded={(name) => setAdded(name)} />
      <MicrosoftSignIn onAdded={(name) => setAdded(name)} />
    </section>
  );
}
