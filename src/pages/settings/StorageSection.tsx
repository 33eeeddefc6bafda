import { createResource, createSignal, createUniqueId, Match, Show, Switch, type JSX } from 'solid-js';
import { formatBytes } from '../../lib/format-time';
import { intlLocale, useCatalog } from '../../lib/i18n/locale';
import { readStorageStatus, requestPersistentStorage } from '../../lib/storage';
import { settingsMessages } from './settings-messages';

type AskState = 'idle' | 'pending' | 'granted' | 'refused';

/** Whether the browser keeps our data under storage pressure, how much we use, and a way to ask again. */
export function StorageSection(): JSX.Element {
  const t = useCatalog(settingsMessages);
  const headingId = createUniqueId();
  const [status, { refetch }] = createResource(readStorageStatus);
  const [ask, setAsk] = createSignal<AskState>('idle');

  const askAgain = (): void => {
    setAsk('pending');
    requestPersistentStorage()
      .then((granted) => {
        setAsk(granted ? 'granted' : 'refused');
      })
      .catch(() => {
        setAsk('refused');
      })
      .finally(() => {
        void refetch();
      });
  };

  const usage = (): string => {
    const current = status();
    if (!current) return t('checking');
    if (current.usage === null || current.quota === null) return t('usageUnknown');
    const locale = intlLocale();
    return t('usageValue', {
      usage: formatBytes(current.usage, locale),
      quota: formatBytes(current.quota, locale),
    });
  };

  return (
    <section class="card settings-section" aria-labelledby={headingId}>
      <h2 id={headingId} class="card__title">
        {t('storage')}
      </h2>
      <p class="muted">{t('storageIntro')}</p>
      <dl class="facts">
        <div class="facts__row">
          <dt>{t('persistence')}</dt>
          <dd>
            <Switch fallback={t('checking')}>
              <Match when={status()?.persisted === true}>{t('persistenceGranted')}</Match>
              <Match when={status()?.persisted === false}>{t('persistenceDenied')}</Match>
              <Match when={status() && status()?.persisted === null}>{t('persistenceUnknown')}</Match>
            </Switch>
          </dd>
        </div>
        <div class="facts__row">
          <dt>{t('usage')}</dt>
          <dd>{usage()}</dd>
        </div>
      </dl>
      <Show when={status()?.persisted !== true}>
        <button type="button" class="button" disabled={ask() === 'pending'} onClick={askAgain}>
          {ask() === 'pending' ? t('askPending') : t('askPersistence')}
        </button>
      </Show>
      <p class="field__hint" role="status">
        <Show when={ask() === 'refused'}>{t('askRefused')}</Show>
        <Show when={ask() === 'granted'}>{t('askGranted')}</Show>
      </p>
    </section>
  );
}
