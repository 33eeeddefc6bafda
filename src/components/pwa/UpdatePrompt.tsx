import { Show, type JSX } from 'solid-js';
import { useCatalog } from '../../lib/i18n/locale';
import { applyUpdate, isUpdateReady, isUpdating } from '../../lib/pwa/register';
import { pwaMessages } from './pwa-messages';

/**
 * "A new version is ready — Reload to update". Polite: a status region that waits for the user, who
 * may finish what they are doing first. The region is always in the page so screen readers announce
 * the message when it appears.
 */
export function UpdatePrompt(): JSX.Element {
  const t = useCatalog(pwaMessages);
  return (
    <div role="status" class="pwa-status">
      <Show when={isUpdateReady()}>
        <div class="banner pwa-banner">
          <div class="banner__text">
            <p class="banner__title">{t('updateReady')}</p>
            <p>{t('updateReadyHint')}</p>
          </div>
          <div class="banner__actions">
            <button
              type="button"
              class="button button--primary"
              disabled={isUpdating()}
              onClick={applyUpdate}
            >
              {isUpdating() ? t('updating') : t('reloadToUpdate')}
            </button>
          </div>
        </div>
      </Show>
    </div>
  );
}
