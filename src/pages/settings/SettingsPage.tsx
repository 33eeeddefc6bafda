import { Show, type JSX } from 'solid-js';
import { useCatalog } from '../../lib/i18n/locale';
import { useSettingsState } from '../../lib/settings';
import { createLiveQuery } from '../../lib/live-query';
import { db } from '../../lib/db';
import { SyncIssuesPanel } from '../../components/sync';
import { AccountsSection } from './accounts/AccountsSection';
import { AgendaPreferencesSection } from './AgendaPreferencesSection';
import { BackgroundSection } from './BackgroundSection';
import { PreferencesSection } from './PreferencesSection';
import { settingsMessages } from './settings-messages';
import { StorageSection } from './StorageSection';
import { SyncLogSection } from './sync-log/SyncLogSection';

export function SettingsPage(): JSX.Element {
  const t = useCatalog(settingsMessages);
  const state = useSettingsState();
  const settings = () => {
    const current = state();
    return current.state === 'ready' ? current.value : undefined;
  };
  const remoteAccounts = createLiveQuery(() => db.accounts.where('kind').notEqual('local').count());
  const hasRemoteAccounts = (): boolean => {
    const current = remoteAccounts();
    return current.state === 'ready' && current.value > 0;
  };
  return (
    <main id="main" class="page page--settings" tabindex="-1">
      <h1 class="page__title">{t('heading')}</h1>
      <div class="settings-grid">
        <Show
          when={settings()}
          fallback={
            <p class="card" role="status" aria-busy="true">
              {t('loading')}
            </p>
          }
        >
          {(current) => (
            <>
              <PreferencesSection settings={current()} />
              <AgendaPreferencesSection settings={current()} />
            </>
          )}
        </Show>
        <AccountsSection />
        <Show when={hasRemoteAccounts()}>
          <SyncIssuesPanel>
            <SyncLogSection />
          </SyncIssuesPanel>
        </Show>
        <BackgroundSection />
        <StorageSection />
      </div>
    </main>
  );
}
