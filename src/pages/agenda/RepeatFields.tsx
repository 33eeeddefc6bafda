import { createUniqueId, For, Show, type JSX } from 'solid-js';
import { WEEKDAYS, type Weekday } from '../../core/ical/event-draft';
import { useCatalog } from '../../lib/i18n/locale';
import { agendaMessages, type AgendaMessageKey } from './agenda-messages';
import {
  toggleWeekday,
  withRepeat,
  type EditorForm,
  type EndsChoice,
  type RepeatChoice,
} from './editor-form';
import type { FieldErrors } from './editor-field-errors';
import { FieldError } from './FieldError';

const REPEAT_LABEL = {
  none: 'repeatNone',
  daily: 'repeatDaily',
  weekly: 'repeatWeekly',
  monthly: 'repeatMonthly',
  yearly: 'repeatYearly',
} as const satisfies Record<RepeatChoice, AgendaMessageKey>;

const ENDS_LABEL = { never: 'endsNever', count: 'endsAfter', until: 'endsOn' } as const satisfies Record<
  EndsChoice,
  AgendaMessageKey
>;

const DAY_LABEL = {
  MO: 'monday',
  TU: 'tuesday',
  WE: 'wednesday',
  TH: 'thursday',
  FR: 'friday',
  SA: 'saturday',
  SU: 'sunday',
} as const satisfies Record<Weekday, AgendaMessageKey>;

export interface RepeatFieldsProps {
  readonly form: EditorForm;
  readonly disabled: boolean;
  readonly errors: FieldErrors;
  readonly update: (change: (form: EditorForm) => EditorForm) => void;
}

/** Repeat, Every, the weekdays (weekly), Ends with Occurrences or End repeat date. */
export function RepeatFields(props: RepeatFieldsProps): JSX.Element {
  const t = useCatalog(agendaMessages);
  const id = createUniqueId();
  return (
    <>
      <div class="agenda-field">
        <label for={`${id}-repeat`}>{t('repeat')}</label>
        <select
          id={`${id}-repeat`}
          disabled={props.disabled}
          value={props.form.repeat}
          onChange={(e) => {
            const value = e.currentTarget.value as RepeatChoice;
            props.update((f) => withRepeat(f, value));
          }}
        >
          <For each={Object.keys(REPEAT_LABEL) as RepeatChoice[]}>
            {(choice) => <option value={choice}>{t(REPEAT_LABEL[choice])}</option>}
          </For>
        </select>
      </div>
      <Show when={props.form.repeat !== 'none'}>
        <div class="agenda-field agenda-field--short">
          <label for={`${id}-every`}>{t('every')}</label>
          <input
            id={`${id}-every`}
            type="number"
            min="1"
            step="1"
            inputmode="numeric"
            disabled={props.disabled}
            value={props.form.interval}
            {...props.errors.aria('repeatInterval')}
            onInput={(e) => {
              const value = e.currentTarget.value;
              props.update((f) => ({ ...f, interval: value }));
            }}
          />
          <FieldError errors={props.errors} field="repeatInterval" />
        </div>
        <Show when={props.form.repeat === 'weekly'}>
          <fieldset
            class="agenda-weekdays"
            aria-describedby={props.errors.aria('repeatDays')['aria-describedby']}
          >
            <legend>{t('repeatOn')}</legend>
            <For each={WEEKDAYS}>
              {(day, index) => (
                <label class="agenda-weekdays__day">
                  <input
                    type="checkbox"
                    disabled={props.disabled}
                    checked={props.form.byDay.includes(day)}
                    aria-invalid={index() === 0 && props.errors.message('repeatDays') !== null}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      props.update((f) => toggleWeekday(f, day, on));
                    }}
                  />
                  <span>{t(DAY_LABEL[day])}</span>
                </label>
              )}
            </For>
            <FieldError errors={props.errors} field="repeatDays" />
          </fieldset>
        </Show>
        <div class="agenda-field">
          <label for={`${id}-ends`}>{t('ends')}</label>
          <select
            id={`${id}-ends`}
            disabled={props.disabled}
            value={props.form.ends}
            onChange={(e) => {
              const value = e.currentTarget.value as EndsChoice;
              props.update((f) => ({ ...f, ends: value }));
            }}
          >
            <For each={Object.keys(ENDS_LABEL) as EndsChoice[]}>
              {(choice) => <option value={choice}>{t(ENDS_LABEL[choice])}</option>}
            </For>
          </select>
        </div>
        <Show when={props.form.ends === 'count'}>
          <div class="agenda-field agenda-field--short">
            <label for={`${id}-count`}>{t('occurrences')}</label>
            <input
              id={`${id}-count`}
              type="number"
              min="1"
              step="1"
              inputmode="numeric"
              disabled={props.disabled}
              value={props.form.count}
              {...props.errors.aria('repeatEnd')}
              onInput={(e) => {
                const value = e.currentTarget.value;
                props.update((f) => ({ ...f, count: value }));
              }}
            />
            <FieldError errors={props.errors} field="repeatEnd" />
          </div>
        </Show>
        <Show when={props.form.ends === 'until'}>
          <div class="agenda-field">
            <label for={`${id}-until`}>{t('endRepeatDate')}</label>
            <input
              id={`${id}-until`}
              type="date"
              disabled={props.disabled}
              value={props.form.untilDate}
              {...props.errors.aria('repeatEnd')}
              onInput={(e) => {
                const value = e.currentTarget.value;
                props.update((f) => ({ ...f, untilDate: value }));
              }}
            />
            <FieldError errors={props.errors} field="repeatEnd" />
          </div>
        </Show>
      </Show>
    </>
  );
}
