import { createEffect, createSignal, createUniqueId, on, Show, untrack, type JSX } from 'solid-js';
import { UPCOMING_COUNT_MAX, UPCOMING_COUNT_MIN } from '../../core/settings/settings';
import { useCatalog } from '../../lib/i18n/locale';
import { parseUpcomingCount } from './upcoming-count';
import { settingsMessages } from './settings-messages';

interface Props {
  readonly value: number;
  readonly onSave: (value: number) => void;
}

/** The number of events on the dashboard: validated on change, the error tied to the field. */
export function UpcomingCountField(props: Props): JSX.Element {
  const t = useCatalog(settingsMessages);
  const inputId = createUniqueId();
  const hintId = createUniqueId();
  const errorId = createUniqueId();
  // The stored value seeds the draft; later changes arrive through the effect below.
  const [draft, setDraft] = createSignal(String(untrack(() => props.value)));
  const [invalid, setInvalid] = createSignal(false);
  const range = { min: UPCOMING_COUNT_MIN, max: UPCOMING_COUNT_MAX };

  // Another tab (or a save here) changed the stored value: show it.
  createEffect(
    on(
      () => props.value,
      (value) => {
        setDraft(String(value));
        setInvalid(false);
      },
      { defer: true },
    ),
  );

  const commit = (text: string): void => {
    setDraft(text);
    const parsed = parseUpcomingCount(text);
    setInvalid(parsed === null);
    if (parsed !== null && parsed !== props.value) props.onSave(parsed);
  };

  return (
    <div class="field">
      <label for={inputId}>{t('upcomingCount')}</label>
      <input
        id={inputId}
        class="field__number"
        type="number"
        inputmode="numeric"
        min={UPCOMING_COUNT_MIN}
        max={UPCOMING_COUNT_MAX}
        step="1"
        required
        value={draft()}
        aria-invalid={invalid() ? 'true' : undefined}
        aria-describedby={invalid() ? `${errorId} ${hintId}` : hintId}
        onChange={(event) => {
          commit(event.currentTarget.value);
        }}
      />
      <p id={hintId} class="field__hint">
        {t('upcomingCountHint', range)}
      </p>
      <Show when={invalid()}>
        <p id={errorId} class="field__error">
          {t('upcomingCountError', range)}
        </p>
      </Show>
    </div>
  );
}
