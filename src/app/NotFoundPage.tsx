import type { JSX } from 'solid-js';
import { useCatalog } from '../lib/i18n/locale';
import { shellMessages } from './shell-messages';

export function NotFoundPage(): JSX.Element {
  const t = useCatalog(shellMessages);
  return (
    <main id="main" class="page page--narrow" tabindex="-1">
      <h1 class="page__title">{t('notFoundTitle')}</h1>
      <div class="card">
        <p>{t('notFoundText')}</p>
        <a class="button button--primary" href="/">
          {t('backToDashboard')}
        </a>
      </div>
    </main>
  );
}
