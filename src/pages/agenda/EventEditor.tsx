import { createEffect, createUniqueId, For, Match, Show, Switch, type JSX } from 'solid-js';
import { Dialog } from '../../components/Dialog';
import { JoinMeetingLink } from '../../components/meetings/JoinMeetingLink';
import type { MeetingLink } from '../../core/meetings/meeting-link';
import type { Calendar } from '../../core/model/calendar';
import { eventTitle } from '../../lib/event-title';
import { useCatalog } from '../../lib/i18n/locale';
import { agendaMessages } from './agenda-messages';
import { appErrorMessage } from './app-error-message';
import { withStart, type EditorForm } from './editor-form';
import { createFieldErrors } from './editor-field-errors';
import { createEditorSession, type EditorDeps } from './editor-session';
import { FieldError } from './FieldError';
import { ReminderField } from './ReminderField';
import { RepeatFields } from './RepeatFields';

export interface EventEditorProps extends Omit<EditorDeps, 'onDone'> {
  readonly calendars: readonly Calendar[];
  readonly onClose: () => void;
}

/** "New event" / "Edit event": the event's fields, validated on save, written through the commands. */
export function EventEditor(props: EventEditorProps): JSX.Element {
  const t = useCatalog(agendaMessages);
  const id = createUniqueId();
  // The request and callbacks are fixed for the dialog's life; a new request mounts a new editor.
  const session = createEditorSession({
    // eslint-disable-next-line solid/reactivity
    request: props.request,
    defaultCalendarId: props.defaultCalendarId,
    askScope: () => props.askScope(),
    confirmDelete: (title) => props.confirmDelete(title),
    onDone: () => {
      props.onClose();
    },
  });
  const errors = createFieldErrors(session.errors);
  // Opened from a link before the calendars were read: take the default calendar once it is known.
  createEffect(() => {
    const fallback = props.defaultCalendarId;
    if (fallback !== null) session.update((f) => (f.calendarId === '' ? { ...f, calendarId: fallback } : f));
  });
  const readOnly = (): boolean => {
    const phase = session.phase();
    return phase.phase === 'ready' && phase.readOnly;
  };
  const disabled = (): boolean => readOnly() || session.busy();
  const meeting = (): MeetingLink | null => {
    const phase = session.phase();
    return phase.phase === 'ready' ? phase.meeting : null;
  };
  const calendarChoices = (form: EditorForm): readonly Calendar[] =>
    props.calendars.filter((c) => !c.readOnly || c.id === form.calendarId);
  const failure = (): string | null => {
    const thrown = session.failure();
    if (thrown === null) return null;
    const message = appErrorMessage(thrown);
    return t(message.key, message.params);
  };
  const set =
    <K extends keyof EditorForm>(key: K) =>
    (value: EditorForm[K]): void => {
      session.update((f) => ({ ...f, [key]: value }));
    };

  return (
    <Dialog
      title={props.request.kind === 'new' ? t('newEvent') : readOnly() ? t('eventDetails') : t('editEvent')}
      class="agenda-editor"
      onClose={() => {
        props.onClose();
      }}
    >
      <Switch>
        <Match when={session.phase().phase === 'loading'}>
          <p>{t('loadingEvent')}</p>
        </Match>
        <Match when={session.phase().phase === 'missing'}>
          <p role="alert">{t('eventNotFound')}</p>
          <div class="agenda-dialog__actions">
            <button
              type="button"
              class="agenda-btn"
              onClick={() => {
                props.onClose();
              }}
            >
              {t('cancel')}
            </button>
          </div>
        </Match>
        <Match when={session.form()}>
          {(form) => (
            <form
              class="agenda-form"
              novalidate
              // Saving or deleting: busy until the write has committed (the dialog then closes).
              aria-busy={session.busy()}
              onSubmit={(e) => {
                e.preventDefault();
                void session.save().then(() => {
                  e.currentTarget.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
                });
              }}
            >
              <Show when={readOnly()}>
                <p class="agenda-editor__note">{t('readOnlyEvent')}</p>
              </Show>
              <Show when={meeting()}>
                {(link) => (
                  <p class="agenda-editor__join">
                    <JoinMeetingLink link={link()} title={eventTitle(form().title)} />
                  </p>
                )}
              </Show>
              <Show when={props.request.kind === 'new' && calendarChoices(form()).length === 0}>
                <p class="agenda-editor__note" role="alert">
                  {t('noWritableCalendar')}
                </p>
              </Show>
              <div class="agenda-field">
                <label for={`${id}-title`}>{t('title')}</label>
                <input
                  id={`${id}-title`}
                  type="text"
                  autofocus
                  disabled={disabled()}
                  value={form().title}
                  {...errors.aria('title')}
                  onInput={(e) => {
                    set('title')(e.currentTarget.value);
                  }}
                />
                <FieldError errors={errors} field="title" />
              </div>
              <div class="agenda-field">
                <label for={`${id}-location`}>{t('location')}</label>
                <input
                  id={`${id}-location`}
                  type="text"
                  disabled={disabled()}
                  value={form().location}
                  onInput={(e) => {
                    set('location')(e.currentTarget.value);
                  }}
                />
              </div>
              <div class="agenda-field">
                <label for={`${id}-description`}>{t('description')}</label>
                <textarea
                  id={`${id}-description`}
                  rows="3"
                  disabled={disabled()}
                  value={form().description}
                  onInput={(e) => {
                    set('description')(e.currentTarget.value);
                  }}
                />
              </div>
              <label class="agenda-check">
                <input
                  type="checkbox"
                  disabled={disabled()}
                  checked={form().allDay}
                  onChange={(e) => {
                    set('allDay')(e.currentTarget.checked);
                  }}
                />
                <span>{t('allDay')}</span>
              </label>
              <div class="agenda-form__row">
                <div class="agenda-field">
                  <label for={`${id}-start-date`}>{t('startDate')}</label>
                  <input
                    id={`${id}-start-date`}
                    type="date"
                    disabled={disabled()}
                    value={form().startDate}
                    {...errors.aria('start')}
                    onInput={(e) => {
                      const v = e.currentTarget.value;
                      session.update((f) => withStart(f, { startDate: v }));
                    }}
                  />
                </div>
                <Show when={!form().allDay}>
                  <div class="agenda-field">
                    <label for={`${id}-start-time`}>{t('startTime')}</label>
                    <input
                      id={`${id}-start-time`}
                      type="time"
                      disabled={disabled()}
                      value={form().startTime}
                      {...errors.aria('start')}
                      onInput={(e) => {
                        const v = e.currentTarget.value;
                        session.update((f) => withStart(f, { startTime: v }));
                      }}
                    />
                  </div>
                </Show>
              </div>
              <FieldError errors={errors} field="start" />
              <div class="agenda-form__row">
                <div class="agenda-field">
                  <label for={`${id}-end-date`}>{t('endDate')}</label>
                  <input
                    id={`${id}-end-date`}
                    type="date"
                    disabled={disabled()}
                    value={form().endDate}
                    {...errors.aria('end')}
                    onInput={(e) => {
                      set('endDate')(e.currentTarget.value);
                    }}
                  />
                </div>
                <Show when={!form().allDay}>
                  <div class="agenda-field">
                    <label for={`${id}-end-time`}>{t('endTime')}</label>
                    <input
                      id={`${id}-end-time`}
                      type="time"
                      disabled={disabled()}
                      value={form().endTime}
                      {...errors.aria('end')}
                      onInput={(e) => {
                        set('endTime')(e.currentTarget.value);
                      }}
                    />
                  </div>
                </Show>
              </div>
              <FieldError errors={errors} field="end" />
              <div class="agenda-field">
                <label for={`${id}-calendar`}>{t('calendar')}</label>
                <select
                  id={`${id}-calendar`}
                  disabled={disabled()}
                  value={form().calendarId}
                  onChange={(e) => {
                    set('calendarId')(e.currentTarget.value);
                  }}
                >
                  <For each={calendarChoices(form())}>
                    {(calendar) => <option value={calendar.id}>{calendar.name}</option>}
                  </For>
                </select>
              </div>
              <RepeatFields form={form()} disabled={disabled()} errors={errors} update={session.update} />
              <ReminderField form={form()} disabled={disabled()} update={session.update} />
              <Show when={failure()}>
                {(message) => (
                  <p class="agenda-editor__failure" role="alert">
                    {message()}
                  </p>
                )}
              </Show>
              <div class="agenda-dialog__actions">
                <Show when={props.request.kind === 'edit' && !readOnly()}>
                  <button
                    type="button"
                    class="agenda-btn agenda-btn--danger agenda-dialog__left"
                    disabled={session.busy()}
                    onClick={() => void session.remove()}
                  >
                    {t('delete')}
                  </button>
                </Show>
                <button
                  type="button"
                  class="agenda-btn"
                  onClick={() => {
                    props.onClose();
                  }}
                >
                  {readOnly() ? t('close') : t('cancel')}
                </button>
                <Show when={!readOnly()}>
                  <button
                    type="submit"
                    class="agenda-btn agenda-btn--primary"
                    disabled={session.busy() || form().calendarId === ''}
                  >
                    {t('save')}
                  </button>
                </Show>
              </div>
            </form>
          )}
        </Match>
      </Switch>
    </Dialog>
  );
}
