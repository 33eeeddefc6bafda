import { createUniqueId, For, type JSX } from 'solid-js';
import { useCatalog } from '../../lib/i18n/locale';
import type { EditorForm } from './editor-form';
import { reminderMessages } from './reminder-messages';

/** The choices offered, in minutes before the start; an event's other value is added to the list. */
export const REMINDER_CHOICES: readonly number[] = [0, 5, 10, 15, 30, 60, 1440];
const NONE = 'none';

export interface ReminderFieldProps {
  readonly form: EditorForm;
  readonly disabled: boolean;
  readonly update: (change: (form: EditorForm) => EditorForm) => void;
}

/** One reminder (a VALARM written by src/core/ical/reminder-alarm.ts; other alarms are kept). */
export function ReminderField(props: ReminderFieldProps): JSX.Element {
  const t = useCatalog(reminderMessages);
  const id = createUniqueId();
  const label = (minutes: number): string => {
    if (minutes === 0) return t('reminderAtStart');
    if (minutes % 1440 === 0) return t('reminderDays', { count: minutes / 1440 });
    if (minutes % 60 === 0) return t('reminderHours', { count: minutes / 60 });
    return t('reminderMinutes', { count: minutes });
  };
  const choices = (): number[] => {
    const current = props.form.reminder;
    return current === null || REMINDER_CHOICES.includes(current)
      ? [...REMINDER_CHOICES]
      : [...REMINDER_CHOICES, current].sort((a, b) => a - b);
  };
  return (
    <div class="agenda-field">
      <label for={`${id}-reminder`}>{t('reminder')}</label>
      <select
        id={`${id}-reminder`}
        aria-describedby={`${id}-reminder-hint`}
        disabled={props.disabled}
        value={props.form.reminder === null ? NONE : String(props.form.reminder)}
        onChange={(e) => {
          const value = e.currentTarget.value;
          props.update((f) => ({ ...f, reminder: value === NONE ? null : Number(value) }));
        }}
      >
        <option value={NONE}>{t('reminderNone')}</option>
        <For each={choices()}>{(minutes) => <option value={String(minutes)}>{label(minutes)}</option>}</For>
      </select>
      <p id={`${id}-reminder-hint`} class="agenda-field__hint">
        {t('reminderHint')}
      </p>
    </div>
  );
}
