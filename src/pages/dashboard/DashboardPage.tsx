import type { JSX } from 'solid-js';
import { useCatalog } from '../../lib/i18n/locale';
import { dashboardMessages } from './dashboard-messages';
import { UpcomingWidget } from './UpcomingWidget';

export function DashboardPage(): JSX.Element {
  const t = useCatalog(dashboardMessages);
  return (
    <main id="main" class="page page--dashboard" tabindex="-1">
      <h1 class="page__title">{t('heading')}</h1>
      <div class="dashboard-grid">
        <UpcomingWidget />
      </div>
    </main>
  );
}
