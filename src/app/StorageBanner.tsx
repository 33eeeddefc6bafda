import { Show, type JSX } from 'solid-js';
import { errorMessage } from '../lib/error-messages';
import { useCatalog } from '../lib/i18n/locale';
import { dismissStorageProblem, storageProblem } from '../lib/storage';
import { shellMessages } from './shell-messages';

/** The storage trouble reported at run time (quota exceeded, storage gone): what happened and what to do. */
export function StorageBanner(): JSX.Element {
  const t = useCatalog(shellMessages);
  return (
    <Show when={storageProblem()}>
      {(problem) => (
        <div class="banner banner--danger" role="alert">
          <div class="banner__text">
            <p class="banner__title">{errorMessage(problem()).title}</p>
            <p>{errorMessage(problem()).action}</p>
          </div>
          <div class="banner__actions">
            <a class="button" href="/settings">
              {t('storageProblemSettings')}
            </a>
            <button type="button" class="button button--quiet" onClick={dismissStorageProblem}>
              {t('dismiss')}
            </button>
          </div>
        </div>
      )}
    </Show>
  );
}
