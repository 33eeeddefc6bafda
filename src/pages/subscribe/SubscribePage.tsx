import { A, useSearchParams } from '@solidjs/router';
import { createSignal, createUniqueId, onMount, Show, type JSX } from 'solid-js';
import { CALENDAR_PALETTE } from '../../core/model/calendar';
import type { FeedPreview } from '../../core/subscriptions/subscribe';
import { useCatalog } from '../../lib/i18n/locale';
import { addSubscription, feedErrorMessage, fetchPreview, isInsecureFeed } from './subscribe-data';
import { subscribeMessages } from './subscribe-messages';
import { SubscriptionList } from './SubscriptionList';
import '../import/import.css';

/** `/subscribe?url=…`: preview a webcal:/https: feed, then subscribe to it as a read-only calendar. */
export function SubscribePage(): JSX.Element {
  const t = useCatalog(subscribeMessages);
  const [search] = useSearchParams();
  const ids = {
    address: createUniqueId(),
    hint: createUniqueId(),
    name: createUniqueId(),
    colour: createUniqueId(),
  };
  const initial = typeof search['url'] === 'string' ? search['url'] : '';
  const [address, setAddress] = createSignal(initial);
  const [preview, setPreview] = createSignal<FeedPreview | null>(null);
  const [name, setName] = createSignal('');
  const [colour, setColour] = createSignal<string>(CALENDAR_PALETTE[2]);
  const [status, setStatus] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  const load = async (): Promise<void> => {
    setBusy(true);
    setPreview(null);
    setDone(null);
    setStatus(t('previewing'));
    try {
      const found = await fetchPreview(address());
      setPreview(found);
      setName(found.name);
      setStatus(null);
    } catch (thrown) {
      const message = feedErrorMessage(thrown);
      setStatus(t(message.key, message.params));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (current: FeedPreview): Promise<void> => {
    setBusy(true);
    setStatus(t('subscribing'));
    try {
      await addSubscription(current, name(), colour());
      setPreview(null);
      setStatus(null);
      setDone(t('subscribed', { name: name() }));
    } catch (thrown) {
      const message = feedErrorMessage(thrown);
      setStatus(t(message.key, message.params));
    } finally {
      setBusy(false);
    }
  };

  onMount(() => {
    if (initial !== '') void load();
  });

  return (
    <main id="main" class="page page--narrow import-page" tabindex="-1">
      <h1 class="page__title">{t('heading')}</h1>
      <form
        class="card"
        onSubmit={(event) => {
          event.preventDefault();
          void load();
        }}
      >
        <p>{t('intro')}</p>
        <div class="field">
          <label for={ids.address}>{t('address')}</label>
          <input
            id={ids.address}
            type="url"
            inputmode="url"
            autocomplete="url"
            value={address()}
            aria-describedby={ids.hint}
            onInput={(event) => setAddress(event.currentTarget.value)}
          />
          <p id={ids.hint} class="field__hint">
            {t('addressHint')}
          </p>
        </div>
        <button type="submit" class="button" disabled={busy() || address().trim() === ''}>
          {t('preview')}
        </button>
      </form>
      <Show when={status()}>{(message) => <p role="status">{message()}</p>}</Show>
      <Show when={done()}>
        {(message) => (
          <p role="status">
            {message()} <A href="/agenda">{t('openAgenda')}</A>
          </p>
        )}
      </Show>
      <Show when={preview()} keyed>
        {(current) => (
          <section class="card" aria-label={t('previewHeading')}>
            <h2 class="card__title">{t('previewHeading')}</h2>
            <p>{current.url}</p>
            <Show when={isInsecureFeed(current)}>
              <p class="field__error subscribe-insecure" role="alert">
                {t('insecure')}
              </p>
            </Show>
            <div role="status">
              <ul class="import-preview__counts">
                <li>{t('eventCount', { count: current.content.entries.length })}</li>
                <li>
                  {t('brokenCount', { count: current.content.problems.filter((p) => p.skipped).length })}
                </li>
              </ul>
            </div>
            <div class="field">
              <label for={ids.name}>{t('name')}</label>
              <input
                id={ids.name}
                type="text"
                value={name()}
                onInput={(event) => setName(event.currentTarget.value)}
              />
            </div>
            <div class="field">
              <label for={ids.colour}>{t('colour')}</label>
              <input
                id={ids.colour}
                type="color"
                value={colour()}
                onInput={(event) => setColour(event.currentTarget.value)}
              />
            </div>
            <button
              type="button"
              class="button button--primary"
              disabled={busy() || name().trim() === ''}
              onClick={() => void confirm(current)}
            >
              {t('subscribe')}
            </button>
          </section>
        )}
      </Show>
      <SubscriptionList />
    </main>
  );
}
