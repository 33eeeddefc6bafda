import { createResource, createSignal, createUniqueId, Match, Show, Switch, type JSX } from 'solid-js';
import { useCatalog } from '../../lib/i18n/locale';
import { readBackgroundCapabilities } from '../../lib/pwa/background-capabilities';
import { backgroundMode, type BackgroundMode } from '../../lib/pwa/background-mode';
import {
  askForNotifications,
  notificationState,
  type NotificationState,
} from '../../lib/pwa/notification-permission';
import { backgroundMessages } from './background-messages';

async function readMode(): Promise<BackgroundMode> {
  return backgroundMode(await readBackgroundCapabilities());
}

/** How Almanac keeps in step when closed (background-mode.ts) and the reminders' permission. */
export function BackgroundSection(): JSX.Element {
  const t = useCatalog(backgroundMessages);
  const headingId = createUniqueId();
  const [mode] = createResource(readMode);
  const [permission, setPermission] = createSignal<NotificationState>(notificationState());
  const [asking, setAsking] = createSignal(false);

  const allow = (): void => {
    setAsking(true);
    askForNotifications()
      .then(async (state) => {
        setPermission(state);
        if (state === 'granted') (await import('../../lib/pwa/reminder-scheduler')).startReminders();
      })
      .catch(() => setPermission(notificationState()))
      .finally(() => setAsking(false));
  };

  const periodicHours = (): number | null => {
    const current = mode();
    return current?.kind === 'periodic' ? current.everyHours : null;
  };

  return (
    <section class="card settings-section" aria-labelledby={headingId}>
      <h2 id={headingId} class="card__title">
        {t('heading')}
      </h2>
      <dl class="facts">
        <div class="facts__row">
          <dt>{t('syncLabel')}</dt>
          <dd data-testid="background-sync-mode">
            <Switch fallback={t('syncChecking')}>
              <Match when={mode()?.kind === 'periodic'}>
                {t('syncPeriodic', { hours: periodicHours() ?? 0 })}
              </Match>
              <Match when={mode()?.kind === 'outbox-only'}>
                {t('syncOutboxOnly')} {t('syncInstallHint')}
              </Match>
              <Match when={mode()?.kind === 'while-open'}>{t('syncWhileOpen')}</Match>
            </Switch>
          </dd>
        </div>
        <div class="facts__row">
          <dt>{t('remindersLabel')}</dt>
          <dd data-testid="reminders-state">
            <Switch>
              <Match when={permission() === 'granted'}>
                {t('remindersOn')}{' '}
                <Show when={periodicHours()} fallback={t('remindersOnOpenOnly')}>
                  {(hours) => t('remindersOnClosed', { hours: hours() })}
                </Show>
              </Match>
              <Match when={permission() === 'default'}>{t('remindersOff')}</Match>
              <Match when={permission() === 'denied'}>{t('remindersDenied')}</Match>
              <Match when={permission() === 'unsupported'}>{t('remindersUnsupported')}</Match>
            </Switch>
          </dd>
        </div>
      </dl>
      <Show when={permission() === 'default'}>
        <button type="button" class="button" disabled={asking()} onClick={allow}>
          {asking() ? t('asking') : t('allowNotifications')}
        </button>
      </Show>
    </section>
  );
}
