import { createSignal, createUniqueId, For, Show, type JSX } from 'solid-js';
import { toAppErrorData } from '../../core/errors';
import type { CalendarId } from '../../core/model/ids';
import {
  EVENT_DURATIONS,
  type ClockSetting,
  type EventDuration,
  type Settings,
  type WeekStart,
} from '../../core/settings/settings';
import { defaultCalendarFor } from '../../core/settings/default-calendar';
import { firstDayFor } from '../../core/settings/week-start';
import { db } from '../../lib/db';
import { errorMessage } from '../../lib/error-messages';
import { baseIntlLocale, useCatalog } from '../../lib/i18n/locale';
import { createLiveQuery } from '../../lib/live-query';
import { saveSettings } from '../../lib/settings';
import { firstDayOfWeek } from '../agenda/week-start';
import { clockExample, weekdayName } from './preference-examples';
import { settingsMessages } from './settings-messages';
import { TimeZoneField } from './TimeZoneField';

/**
 * The agenda's preferences (issue 12 point 6): first day of the week, 12 / 24 h, week numbers, a second
 * time zone, the default calendar and duration of new events. Each change is saved at once and the
 * agenda, the dashboard and every time shown follow it live.
 */
export function AgendaPreferencesSection(props: { readonly settings: Settings }): JSX.Element {
  const t = useCatalog(settingsMessages);
  const ids = {
    heading: createUniqueId(),
    weekStart: createUniqueId(),
    clock: createUniqueId(),
    clockHint: createUniqueId(),
    weekNumbers: createUniqueId(),
    calendar: createUniqueId(),
    calendarHint: createUniqueId(),
    duration: createUniqueId(),
  };
  const [saveError, setSaveError] = createSignal<string | null>(null);
  const calendars = createLiveQuery(() => db.calendars.orderBy('order').toArray());
  const writable = () => {
    const current = calendars();
    return current.state === 'ready' ? current.value.filter((calendar) => !calendar.readOnly) : [];
  };
  /** The stored default while it can take events, else '' (automatic). */
  const chosenCalendar = (): string => {
    const preferred = props.settings.defaultCalendarId;
    return preferred !== null && defaultCalendarFor(writable(), preferred) === preferred ? preferred : '';
  };

  const save = (patch: Partial<Settings>): void => {
    setSaveError(null);
    saveSettings(patch).catch((error: unknown) => {
      setSaveError(t('saveFailed', { reason: errorMessage(toAppErrorData(error)).title }));
    });
  };
  const durationLabel = (minutes: number): string => {
    if (minutes < 60) return t('durationMinutes', { count: minutes });
    if (minutes % 60 === 0) return t('durationHours', { count: minutes / 60 });
    return t('durationHoursMinutes', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  };
  const localeDay = (): string =>
    weekdayName(firstDayFor('locale', firstDayOfWeek(baseIntlLocale())), baseIntlLocale());

  return (
    <section class="card settings-section" aria-labelledby={ids.heading}>
      <h2 id={ids.heading} class="card__title">
        {t('agendaHeading')}
      </h2>
      <div class="field">
        <label for={ids.weekStart}>{t('weekStart')}</label>
        <select
          id={ids.weekStart}
          value={props.settings.weekStart}
          onChange={(event) => {
            save({ weekStart: event.currentTarget.value as WeekStart });
          }}
        >
          <option value="locale">{t('weekStartLocale', { day: localeDay() })}</option>
          <option value="monday">{t('weekStartMonday')}</option>
          <option value="sunday">{t('weekStartSunday')}</option>
          <option value="saturday">{t('weekStartSaturday')}</option>
        </select>
      </div>
      <div class="field">
        <label for={ids.clock}>{t('clock')}</label>
        <select
          id={ids.clock}
          aria-describedby={ids.clockHint}
          value={props.settings.clock}
          onChange={(event) => {
            save({ clock: event.currentTarget.value as ClockSetting });
          }}
        >
          <option value="auto">{t('clockAuto', { example: clockExample(baseIntlLocale(), 'auto') })}</option>
          <option value="h12">{t('clock12', { example: clockExample(baseIntlLocale(), 'h12') })}</option>
          <option value="h24">{t('clock24', { example: clockExample(baseIntlLocale(), 'h24') })}</option>
        </select>
        <p id={ids.clockHint} class="field__hint">
          {t('clockHint')}
        </p>
      </div>
      <div class="field field--check">
        <input
          id={ids.weekNumbers}
          type="checkbox"
          checked={props.settings.weekNumbers}
          onChange={(event) => {
            save({ weekNumbers: event.currentTarget.checked });
          }}
        />
        <label for={ids.weekNumbers}>{t('weekNumbers')}</label>
      </div>
      <TimeZoneField
        value={props.settings.secondTimeZone}
        onSave={(secondTimeZone) => {
          save({ secondTimeZone });
        }}
      />
      <div class="field">
        <label for={ids.calendar}>{t('defaultCalendar')}</label>
        <select
          id={ids.calendar}
          aria-describedby={ids.calendarHint}
          value={chosenCalendar()}
          onChange={(event) => {
            const value = event.currentTarget.value;
            save({ defaultCalendarId: value === '' ? null : (value as CalendarId) });
          }}
        >
          <option value="">{t('defaultCalendarAuto')}</option>
          <For each={writable()}>{(calendar) => <option value={calendar.id}>{calendar.name}</option>}</For>
        </select>
        <p id={ids.calendarHint} class="field__hint">
          {t('defaultCalendarHint')}
        </p>
      </div>
      <div class="field">
        <label for={ids.duration}>{t('defaultDuration')}</label>
        <select
          id={ids.duration}
          value={String(props.settings.defaultDurationMinutes)}
          onChange={(event) => {
            save({ defaultDurationMinutes: Number(event.currentTarget.value) as EventDuration });
          }}
        >
          <For each={EVENT_DURATIONS}>
            {(minutes) => <option value={String(minutes)}>{durationLabel(minutes)}</option>}
          </For>
        </select>
      </div>
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
