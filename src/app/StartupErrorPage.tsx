import type { JSX } from 'solid-js';
import { toAppErrorData } from '../core/errors';
import { errorMessage } from '../lib/error-messages';
import { useCatalog } from '../lib/i18n/locale';
import { shellMessages } from './shell-messages';

/** Full-page message when the app cannot start (no IndexedDB, blocked, full): what happened, what to do. */
export function StartupErrorPage(props: { readonly error: unknown }): JSX.Element {
  const t = useCatalog(shellMessages);
  const data = () => toAppErrorData(props.error);
  const message = () => errorMessage(data());
  return (
    <main id="main" class="page page--narrow startup-error">
      <div class="card" role="alert">
        <h1 class="page__title">{message().title}</h1>
        <p>{message().action}</p>
        <button
          type="button"
          class="button button--primary"
          onClick={() => {
            window.location.reload();
          }}
        >
          {t('retry')}
        </button>
        <details class="startup-error__detail">
          <summary>{t('technicalDetail')}</summary>
          <code>
            {data().kind}: {data().message}
          </code>
        </details>
      </div>
    </main>
  );
}
