import { createEffect, createSignal, createUniqueId, For, on, Show, untrack, type JSX } from 'solid-js';
import { isTimeZoneName } from '../../core/settings/settings';
import { useCatalog } from '../../lib/i18n/locale';
import { settingsMessages } from './settings-messages';

/** Every zone the browser knows, for the datalist (empty where Intl cannot list them). */
function knownZones(): readonly string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/** What the field holds: a zone Intl knows, none (empty), or text that is neither. */
export type ZoneFieldValue = { readonly ok: true; readonly zone: string | null } | { readonly ok: false };

export function parseZoneField(text: string): ZoneFieldValue {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, zone: null };
  return isTimeZoneName(trimmed) ? { ok: true, zone: trimmed } : { ok: false };
}

/**
 * The second time zone: a text field searched through a datalist of Intl's zones, saved when it holds a
 * zone Intl knows (or nothing); anything else says what to type and is not saved.
 */
export function TimeZoneField(props: {
  readonly value: string | null;
  readonly onSave: (zone: string | null) => void;
}): JSX.Element {
  const t = useCatalog(settingsMessages);
  const inputId = createUniqueId();
  const listId = createUniqueId();
  const hintId = createUniqueId();
  const errorId = createUniqueId();
  const [draft, setDraft] = createSignal(untrack(() => props.value) ?? '');
  const [invalid, setInvalid] = createSignal<string | null>(null);

  createEffect(
    on(
      () => props.value,
      (value) => {
        setDraft(value ?? '');
        setInvalid(null);
      },
      { defer: true },
    ),
  );

  const commit = (text: string): void => {
    setDraft(text);
    const parsed = parseZoneField(text);
    setInvalid(parsed.ok ? null : text.trim());
    if (parsed.ok && parsed.zone !== props.value) props.onSave(parsed.zone);
  };

  return (
    <div class="field">
      <label for={inputId}>{t('secondZone')}</label>
      <input
        id={inputId}
        type="text"
        list={listId}
        autocomplete="off"
        spellcheck={false}
        value={draft()}
        aria-invalid={invalid() === null ? undefined : 'true'}
        aria-describedby={invalid() === null ? hintId : `${errorId} ${hintId}`}
        onChange={(event) => {
          commit(event.currentTarget.value);
        }}
      />
      <datalist id={listId}>
        <For each={knownZones()}>{(zone) => <option value={zone} />}</For>
      </datalist>
      <p id={hintId} class="field__hint">
        {t('secondZoneHint')}
      </p>
      <Show when={invalid()}>
        {(zone) => (
          <p id={errorId} class="field__error">
            {t('secondZoneError', { zone: zone() })}
          </p>
        )}
      </Show>
    </div>
  );
}
