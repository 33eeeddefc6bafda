import { createSignal, createUniqueId, Show, type JSX } from 'solid-js';
import { toAppErrorData } from '../../core/errors';
import type { LanguageSetting, Settings, Theme } from '../../core/settings/settings';
import { errorMessage } from '../../lib/error-messages';
import { useCatalog } from '../../lib/i18n/locale';
import { saveSettings } from '../../lib/settings';
import { settingsMessages } from './settings-messages';
import { UpcomingCountField } from './UpcomingCountField';

/** Theme, language, shortcuts and the upcoming widget's size; each change is saved at once. */
export function PreferencesSection(props: { readonly settings: Settings }): JSX.Element {
  const t = useCatalog(settingsMessages);
  const ids = {
    heading: createUniqueId(),
    theme: createUniqueId(),
    language: createUniqueId(),
    shortcuts: createUniqueId(),
  };
  const hintIds = { theme: createUniqueId(), language: createUniqueId(), shortcuts: createUniqueId() };
  const [saveError, setSaveError] = createSignal<string | null>(null);

  const save = (patch: Partial<Settings>): void => {
    setSaveError(null);
    saveSettings(patch).catch((error: unknown) => {
      setSaveError(t('saveFailed', { reason: errorMessage(toAppErrorData(error)).title }));
    });
  };

  return (
    <section class="card settings-section" aria-labelledby={ids.heading}>
      <h2 id={ids.heading} class="card__title">
        {t('preferences')}
      </h2>
      <div class="field">
        <label for={ids.theme}>{t('theme')}</label>
        <select
          id={ids.theme}
          aria-describedby={hintIds.theme}
          value={props.settings.theme}
          onChange={(event) => {
            save({ theme: event.currentTarget.value as Theme });
          }}
        >
          <option value="system">{t('themeSystem')}</option>
          <option value="light">{t('themeLight')}</option>
          <option value="dark">{t('themeDark')}</option>
        </select>
        <p id={hintIds.theme} class="field__hint">
          {t('themeHint')}
        </p>
      </div>
      <div class="field">
        <label for={ids.language}>{t('language')}</label>
        <select
          id={ids.language}
          aria-describedby={hintIds.language}
          value={props.settings.language}
          onChange={(event) => {
            save({ language: event.currentTarget.value as LanguageSetting });
          }}
        >
          <option value="auto">{t('languageAuto')}</option>
          <option value="en" lang="en">
            {t('languageEnglish')}
          </option>
          <option value="fr" lang="fr">
            {t('languageFrench')}
          </option>
        </select>
        <p id={hintIds.language} class="field__hint">
          {t('languageHint')}
        </p>
      </div>
      <div class="field field--check">
        <input
          id={ids.shortcuts}
          type="checkbox"
          aria-describedby={hintIds.shortcuts}
          checked={props.settings.shortcutsEnabled}
          onChange={(event) => {
            save({ shortcutsEnabled: event.currentTarget.checked });
          }}
        />
        <label for={ids.shortcuts}>{t('shortcuts')}</label>
        <p id={hintIds.shortcuts} class="field__hint">
          {t('shortcutsHint')}
        </p>
      </div>
      <UpcomingCountField
        value={props.settings.upcomingCount}
        onSave={(upcomingCount) => {
          save({ upcomingCount });
        }}
      />
      <Show when={saveError()}>
        {(message) => (
          <p class="field__error" role="alert">
            {message()}
          </p>
        )}
      </Show>
    </section>
  );
}
