import { Match, Show, Switch, type JSX } from 'solid-js';
import type { AppErrorData } from '../../core/errors';
import type { CalendarId } from '../../core/model/ids';
import type { SyncStatus } from '../../core/model/sync-state';
import { createMinuteClock } from '../../lib/clock';
import { errorMessage } from '../../lib/error-messages';
import { asSentence } from '../../lib/i18n/sentence';
import { intlLocale, useCatalog } from '../../lib/i18n/locale';
import { EmptyOnServerPrompt } from './EmptyOnServerPrompt';
import { formatCount, relativeTime } from './relative-time';
import { syncMessages } from './sync-messages';
import { createSyncNow } from './sync-now';
import { useCalendarSyncInfo, waitsFor } from './sync-status-data';
import './sync.css';

type Failed = Extract<SyncStatus, { phase: 'failed' }>;
type Syncing = Extract<SyncStatus, { phase: 'syncing' }>;

/**
 * One synced calendar's state: "Synced 2 minutes ago" (live), progress during a long sync, or the
 * last error in words with Retry; and a "Sync now" control. A calendar found empty on the server
 * (docs/sync-rules.md rule 5) shows the question with its two answers instead. Local calendars render nothing.
 */
export function CalendarSyncStatus(props: {
  readonly calendarId: CalendarId;
  /** False where the Sync issues panel asks instead (Settings), so the buttons appear once per page. */
  readonly askHere?: boolean;
}): JSX.Element {
  const t = useCatalog(syncMessages);
  const info = useCalendarSyncInfo(() => props.calendarId);
  const now = createMinuteClock();
  const action = createSyncNow(() => ({ kind: 'calendar', calendarId: props.calendarId }));

  const when = (instant: number): string => relativeTime(instant, now(), intlLocale()) ?? t('justNow');
  const name = (): string => info()?.calendar.name ?? '';
  const status = (): SyncStatus => info()?.status ?? { phase: 'idle', lastOkAt: null };
  const failed = (): Failed | null => {
    const current = status();
    return current.phase === 'failed' ? current : null;
  };
  const syncing = (): Syncing | null => {
    const current = status();
    return current.phase === 'syncing' ? current : null;
  };
  const lastOkAt = (): number | null => {
    const current = status();
    return current.phase === 'syncing' ? null : current.lastOkAt;
  };

  return (
    <Show when={info()}>
      {(current) => (
        <div class="sync-status" classList={{ 'sync-status--failed': failed() !== null }}>
          <div class="sync-status__line" aria-live="polite">
            <Switch>
              <Match when={syncing()}>{(running) => <Progress status={running()} name={name()} />}</Match>
              <Match when={current().emptyOnServer !== null}>
                {props.askHere === false ? t('waitingForAnswerInIssues') : t('waitingForAnswer')}
              </Match>
              <Match when={failed()}>
                {(failure) => (
                  <FailureText
                    error={failure().error}
                    retry={retryWords(failure().retryAt, now(), intlLocale(), t)}
                  />
                )}
              </Match>
              <Match when={action.pending()}>{t('syncing')}</Match>
              <Match when={lastOkAt()}>{(at) => t('syncedAgo', { when: when(at()) })}</Match>
              <Match when={lastOkAt() === null}>{t('neverSynced')}</Match>
            </Switch>
          </div>
          <Show when={props.askHere !== false && current().emptyOnServer}>
            {(question) => (
              <EmptyOnServerPrompt calendarId={props.calendarId} name={name()} question={question()} />
            )}
          </Show>
          <Show when={waitsFor(current().account)}>
            {(waiting) => (
              <p class="sync-status__notice">
                {t(waiting() === 'password' ? 'needsPassword' : 'needsSignIn', {
                  name: current().account.name,
                })}
              </p>
            )}
          </Show>
          <Show when={failed() !== null && lastOkAt() !== null}>
            <p class="sync-status__detail muted">{t('lastOk', { when: when(lastOkAt() ?? 0) })}</p>
          </Show>
          <Show when={waitsFor(current().account) === null && current().emptyOnServer === null}>
            <button
              type="button"
              class="button sync-status__button"
              aria-label={failed() ? t('retryLabel', { name: name() }) : t('syncNowLabel', { name: name() })}
              disabled={action.pending() || syncing() !== null}
              onClick={() => {
                action.run();
              }}
            >
              {failed() ? t('retry') : t('syncNow')}
            </button>
          </Show>
        </div>
      )}
    </Show>
  );
}

function Progress(props: { readonly status: Syncing; readonly name: string }): JSX.Element {
  const t = useCatalog(syncMessages);
  const locale = (): string => intlLocale();
  return (
    <>
      <Show
        when={props.status.total}
        fallback={
          props.status.done > 0
            ? t('syncingCount', { done: formatCount(props.status.done, locale()) })
            : t('syncing')
        }
      >
        {(total) =>
          t('syncingProgress', {
            done: formatCount(props.status.done, locale()),
            total: formatCount(total(), locale()),
          })
        }
      </Show>
      {/* An indeterminate bar has no value at all: setting `value` to undefined throws (non-finite). */}
      <Show
        when={props.status.total}
        fallback={
          <progress class="sync-status__progress" aria-label={t('progressLabel', { name: props.name })} />
        }
      >
        {(total) => (
          <progress
            class="sync-status__progress"
            aria-label={t('progressLabel', { name: props.name })}
            max={total()}
            value={props.status.done}
          />
        )}
      </Show>
    </>
  );
}

/** "Almanac tries again in 2 minutes." — or "in a moment" when that is under a minute away (never "just now"). */
function retryWords(
  retryAt: number | null,
  now: number,
  locale: string,
  t: (key: 'retryAt' | 'retrySoon', params?: Readonly<Record<string, string>>) => string,
): string | null {
  if (retryAt === null) return null;
  const when = retryAt > now ? relativeTime(retryAt, now, locale) : null;
  return when === null ? t('retrySoon') : t('retryAt', { when });
}

/** What went wrong and what to do, as whole sentences: "The server could not be reached. Your changes…" */
function FailureText(props: { readonly error: AppErrorData; readonly retry: string | null }): JSX.Element {
  const words = () => errorMessage(props.error);
  return (
    <>
      <strong class="sync-status__error">{asSentence(words().title)}</strong> <span>{words().action}</span>
      <Show when={props.retry}>{(retry) => <span> {retry()}</span>}</Show>
    </>
  );
}
