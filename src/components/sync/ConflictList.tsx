import { createSignal, For, Match, Show, Switch, type JSX } from 'solid-js';
import { toAppErrorData, type AppErrorData } from '../../core/errors';
import { ConflictReason, conflictReasonOf, type ConflictCopy } from '../../core/model/conflict-copy';
import type { CalendarId } from '../../core/model/ids';
import { createMinuteClock } from '../../lib/clock';
import { db, pageContext } from '../../lib/db';
import { errorMessage } from '../../lib/error-messages';
import { eventTitle } from '../../lib/event-title';
import { unsupportedRecurrenceWhy } from '../../lib/unsupported-recurrence-words';
import { intlLocale, useCatalog } from '../../lib/i18n/locale';
import { relativeTime } from './relative-time';
import { syncMessages } from './sync-messages';

type Copy = ConflictCopy & { readonly summary: string };

// Restoring goes through the event store (and ical.js): loaded on the click, not with Settings.
const conflictCopies = (): Promise<typeof import('../../core/sync/conflict-copies')> =>
  import('../../core/sync/conflict-copies');

/**
 * The user's versions kept after a conflict (docs/sync-rules.md rule 3): restore one (a local edit, pushed by the next
 * sync) or discard it (the server's version, already shown, stays).
 */
export function ConflictList(props: {
  readonly items: readonly Copy[];
  readonly calendarNames: ReadonlyMap<CalendarId, string>;
}): JSX.Element {
  const t = useCatalog(syncMessages);
  const now = createMinuteClock();
  return (
    <ul class="sync-issues__list">
      <For each={props.items}>
        {(copy) => (
          <li class="sync-issues__item">
            <p>
              {t('conflictOf', {
                summary: eventTitle(copy.summary),
                calendar: props.calendarNames.get(copy.calendarId) ?? t('unknownCalendar'),
              })}
            </p>
            <Switch>
              <Match when={conflictReasonOf(copy) === ConflictReason.readOnly}>
                <p class="muted">{t('conflictReadOnly')}</p>
              </Match>
              <Match when={conflictReasonOf(copy) === ConflictReason.placementRefused}>
                <p class="muted">{t('conflictPlacementRefused')}</p>
              </Match>
              <Match when={conflictReasonOf(copy) === ConflictReason.unsupportedRecurrence}>
                <p class="muted">
                  {t('conflictUnsupportedRecurrence', {
                    why: `${unsupportedRecurrenceWhy(copy.detail) ?? ''} `.trimStart(),
                  })}
                </p>
              </Match>
              <Match when={copy.fields.length > 0}>
                <p class="muted">{t('conflictFields', { fields: copy.fields.join(', ') })}</p>
              </Match>
            </Switch>
            <p class="muted">
              {t('conflictWhen', { when: relativeTime(copy.createdAt, now(), intlLocale()) ?? t('justNow') })}
            </p>
            <details>
              <summary>{t('yourVersion')}</summary>
              <pre class="sync-issues__raw">{copy.localIcs}</pre>
            </details>
            <ConflictActions copy={copy} />
          </li>
        )}
      </For>
    </ul>
  );
}

function ConflictActions(props: { readonly copy: Copy }): JSX.Element {
  const t = useCatalog(syncMessages);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<AppErrorData | null>(null);
  const summary = (): string => eventTitle(props.copy.summary);

  const act = (work: () => Promise<unknown>): void => {
    setBusy(true);
    setError(null);
    work()
      .catch((thrown: unknown) => {
        setError(toAppErrorData(thrown));
      })
      .finally(() => {
        setBusy(false);
      });
  };

  return (
    <>
      <div class="sync-issues__actions">
        <button
          type="button"
          class="button button--primary"
          aria-label={t('restoreLabel', { summary: summary() })}
          disabled={busy()}
          onClick={() => {
            const id = props.copy.id;
            act(() => conflictCopies().then((m) => m.restoreConflictCopy(db, id, pageContext())));
          }}
        >
          {t('restore')}
        </button>
        <button
          type="button"
          class="button"
          aria-label={t('discardLabel', { summary: summary() })}
          disabled={busy()}
          onClick={() => {
            const id = props.copy.id;
            act(() => conflictCopies().then((m) => m.discardConflictCopy(db, id)));
          }}
        >
          {t('discard')}
        </button>
      </div>
      <Show when={error()}>
        {(failure) => (
          <p role="alert" class="field__error">
            {errorMessage(failure()).title}. {errorMessage(failure()).action}
          </p>
        )}
      </Show>
    </>
  );
}
