import { createSignal, For, Show, type JSX } from 'solid-js';
import type { Calendar } from '../../core/model/calendar';
import { db } from '../../lib/db';
import { intlLocale, useCatalog } from '../../lib/i18n/locale';
import { createLiveQuery } from '../../lib/live-query';
import { refreshNow } from './subscribe-data';
import { subscribeMessages } from './subscribe-messages';

/** The subscribed calendars: last check, last failure, "Refresh now". */
export function SubscriptionList(): JSX.Element {
  const t = useCatalog(subscribeMessages);
  const result = createLiveQuery(async () =>
    (await db.calendars.orderBy('order').toArray()).filter((calendar) => calendar.subscription !== undefined),
  );
  const subscriptions = (): readonly Calendar[] => {
    const current = result();
    return current.state === 'ready' ? current.value : [];
  };
  const [status, setStatus] = createSignal<string | null>(null);
  const when = (ms: number): string =>
    new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(ms);

  return (
    <Show when={subscriptions().length > 0}>
      <section class="card" aria-labelledby="subscriptions-heading">
        <h2 id="subscriptions-heading" class="card__title">
          {t('subscriptionsHeading')}
        </h2>
        <ul class="subscription-list">
          <For each={subscriptions()}>
            {(calendar) => (
              <li>
                <strong>{calendar.name}</strong>
                <span class="muted"> — {calendar.subscription?.url}</span>
                <p class="muted">
                  {(calendar.subscription?.lastCheckedAt ?? 0) > 0
                    ? t('lastChecked', { when: when(calendar.subscription?.lastCheckedAt ?? 0) })
                    : t('neverChecked')}
                </p>
                <Show when={calendar.subscription?.lastError}>
                  {(message) => <p>{t('lastError', { message: message() })}</p>}
                </Show>
                <button
                  type="button"
                  class="button"
                  onClick={() =>
                    void refreshNow(calendar.id).then((outcome) => {
                      setStatus(
                        outcome.status === 'failed'
                          ? t('lastError', { message: outcome.message })
                          : t('refreshed', { name: calendar.name }),
                      );
                    })
                  }
                >
                  {t('refreshNow', { name: calendar.name })}
                </button>
              </li>
            )}
          </For>
        </ul>
        <Show when={status()}>{(message) => <p role="status">{message()}</p>}</Show>
      </section>
    </Show>
  );
}
