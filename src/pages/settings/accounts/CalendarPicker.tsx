import { createSignal, createUniqueId, For, Show, type JSX } from 'solid-js';
import { normaliseServerColor } from '../../../core/accounts/account-input';
import { toAppErrorData, type AppErrorData } from '../../../core/errors';
import { CALENDAR_PALETTE } from '../../../core/model/calendar';
import type { DiscoveredCalendar, DiscoveryResult, NewAccountInput } from '../../../core/sync/sync-api';
import { useCatalog } from '../../../lib/i18n/locale';
import { syncApi } from '../../../lib/sync-client';
import { displayServer } from './account-form';
import { accountsMessages } from './accounts-messages';
import { ErrorNote } from './ErrorNote';

interface Props {
  readonly found: DiscoveryResult;
  /** The account to add with the calendars picked (a CalDAV login, a Microsoft sign-in). */
  readonly account: NewAccountInput;
  /** The account and its calendars are stored (their first sync has started). */
  readonly onAdded: (name: string) => void;
  readonly onBack: () => void;
}

/**
 * The last step of adding an account, whichever kind ("Add account", "Sign in with Microsoft"): the
 * calendars found (name and colour), all checked, to pick which to show → `syncApi.addAccount`. A
 * failure stays on this step, in words, with the picks kept.
 */
export function CalendarPicker(props: Props): JSX.Element {
  const t = useCatalog(accountsMessages);
  const headingId = createUniqueId();
  const errorId = createUniqueId();
  // eslint-disable-next-line solid/reactivity -- every calendar found starts checked, once
  const [checked, setChecked] = createSignal(new Set(props.found.calendars.map((calendar) => calendar.url)));
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<AppErrorData | null>(null);
  const chosen = () => props.found.calendars.filter((calendar) => checked().has(calendar.url));
  const colourOf = (calendar: DiscoveredCalendar, index: number): string =>
    normaliseServerColor(calendar.color) ??
    CALENDAR_PALETTE[index % CALENDAR_PALETTE.length] ??
    CALENDAR_PALETTE[0];

  const toggle = (url: string, on: boolean): void => {
    const next = new Set(checked());
    if (on) next.add(url);
    else next.delete(url);
    setChecked(next);
  };

  const confirmLabel = () => {
    const count = chosen().length;
    if (count === 0) return t('addNoCalendar');
    return t('addCalendars', { count });
  };

  const add = async (calendars: readonly DiscoveredCalendar[]): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await syncApi.addAccount(props.account, calendars);
      props.onAdded(props.account.name);
    } catch (caught) {
      setError(toAppErrorData(caught));
    } finally {
      setBusy(false);
    }
  };

  const confirm = (event: SubmitEvent): void => {
    event.preventDefault();
    void add(chosen());
  };

  return (
    <form class="account-form" onSubmit={confirm} aria-labelledby={headingId} aria-busy={busy()}>
      <h4 id={headingId} class="account-form__heading">
        {t('pickHeading', { server: displayServer(props.found.serverUrl) })}
      </h4>
      <Show when={props.found.calendars.length > 0} fallback={<p>{t('pickNone')}</p>}>
        <p class="muted">{t('pickIntro')}</p>
        <fieldset class="calendar-picks">
          <legend class="visually-hidden">{t('pickIntro')}</legend>
          <For each={props.found.calendars}>
            {(calendar, index) => {
              const id = createUniqueId();
              return (
                <div class="field field--check calendar-pick">
                  <input
                    id={id}
                    type="checkbox"
                    checked={checked().has(calendar.url)}
                    onChange={(event) => {
                      toggle(calendar.url, event.currentTarget.checked);
                    }}
                  />
                  <label for={id}>
                    <span
                      class="calendar-pick__swatch"
                      style={{ 'background-color': colourOf(calendar, index()) }}
                      role="img"
                      aria-label={t('colour', { colour: colourOf(calendar, index()) })}
                    />
                    {calendar.name}
                    <Show when={calendar.readOnly}>
                      <span class="muted"> ({t('readOnly')})</span>
                    </Show>
                  </label>
                </div>
              );
            }}
          </For>
        </fieldset>
      </Show>
      <ErrorNote id={errorId} error={error()} />
      <div class="account-form__actions">
        <button type="submit" class="button button--primary" disabled={busy()}>
          {busy() ? t('adding') : confirmLabel()}
        </button>
        <button
          type="button"
          class="button"
          disabled={busy()}
          onClick={() => {
            props.onBack();
          }}
        >
          {t('back')}
        </button>
      </div>
    </form>
  );
}
