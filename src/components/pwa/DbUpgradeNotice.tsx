import { Show, type JSX } from 'solid-js';
import { useCatalog } from '../../lib/i18n/locale';
import { isClosedForUpgrade } from '../../lib/pwa/db-upgrade-guard';
import { pwaMessages } from './pwa-messages';

/** This tab closed its database so another tab could upgrade it: it must reload to go on. */
export function DbUpgradeNotice(): JSX.Element {
  const t = useCatalog(pwaMessages);
  return (
    <Show when={isClosedForUpgrade()}>
      <div class="banner pwa-banner" role="alert">
        <div class="banner__text">
          <p class="banner__title">{t('closedForUpgradeTitle')}</p>
          <p>{t('closedForUpgradeText')}</p>
        </div>
        <div class="banner__actions">
          <button
            type="button"
            class="button button--primary"
            onClick={() => {
              window.location.reload();
            }}
          >
            {t('reload')}
          </button>
        </div>
      </div>
    </Show>
  );
}
