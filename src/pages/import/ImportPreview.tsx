import { createEffect, createResource, createSignal, createUniqueId, For, Show, type JSX } from 'solid-js';
import type { ImportResult } from '../../core/import/apply-import';
import type { Calendar } from '../../core/model/calendar';
import type { CalendarId } from '../../core/model/ids';
import { toAppErrorData } from '../../core/errors';
import { useCatalog } from '../../lib/i18n/locale';
import { previewImport, runImport, type LoadedFile } from './import-data';
import { importMessages } from './import-messages';
import { problemWords } from './problem-words';

export interface ImportPreviewProps {
  readonly file: LoadedFile;
  /** Writable calendars, in sidebar order. */
  readonly calendars: readonly Calendar[];
  readonly onDone: (result: ImportResult, calendar: Calendar) => void;
  readonly onCancel: () => void;
}

/** What the file holds against the chosen calendar, then "Import N events". */
export function ImportPreview(props: ImportPreviewProps): JSX.Element {
  const t = useCatalog(importMessages);
  const ids = { calendar: createUniqueId(), heading: createUniqueId() };
  const [calendarId, setCalendarId] = createSignal<CalendarId | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  createEffect(() => {
    const first = props.calendars[0];
    if (first && !props.calendars.some((calendar) => calendar.id === calendarId())) setCalendarId(first.id);
  });
  const [plan] = createResource(
    () => {
      const id = calendarId();
      return id === null ? null : { id, content: props.file.content };
    },
    (source) => previewImport(source.content, source.id),
  );
  const count = (): number => props.file.content.entries.length;
  const broken = (): number => props.file.content.problems.filter((problem) => problem.skipped).length;

  const apply = async (): Promise<void> => {
    const id = calendarId();
    const calendar = props.calendars.find((candidate) => candidate.id === id);
    if (!calendar) return;
    setBusy(true);
    setError(null);
    try {
      props.onDone(await runImport(props.file, calendar.id), calendar);
    } catch (thrown) {
      setError(t('importFailed', { message: toAppErrorData(thrown).message }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card import-preview" aria-labelledby={ids.heading}>
      <h3 id={ids.heading} class="card__title">
        {t('previewHeading', { name: props.file.name })}
      </h3>
      <Show when={props.calendars.length > 0} fallback={<p role="alert">{t('noWritableCalendar')}</p>}>
        <div class="field">
          <label for={ids.calendar}>{t('targetCalendar')}</label>
          <select
            id={ids.calendar}
            value={calendarId() ?? ''}
            onChange={(event) => setCalendarId(event.currentTarget.value as CalendarId)}
          >
            <For each={props.calendars}>
              {(calendar) => <option value={calendar.id}>{calendar.name}</option>}
            </For>
          </select>
        </div>
      </Show>
      <div role="status">
        <ul class="import-preview__counts">
          <li>{t('eventCount', { count: count() })}</li>
          <Show when={plan()}>
            {(current) => (
              <>
                <li>{t('newCount', { count: current().added })}</li>
                <li>{t('existingCount', { count: current().existing })}</li>
              </>
            )}
          </Show>
          <li>{t('brokenCount', { count: broken() })}</li>
        </ul>
      </div>
      <Show when={props.file.content.problems.length > 0}>
        <h4 class="import-preview__subtitle">{t('problemsHeading')}</h4>
        <ul class="import-preview__problems">
          <For each={props.file.content.problems}>
            {(problem) => (
              <li>
                <span>{problemWords(problem, t)}</span>
                <details>
                  <summary>{t('detailsSummary')}</summary>
                  <code>{problem.detail}</code>
                </details>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={error()}>{(message) => <p role="alert">{message()}</p>}</Show>
      <div class="import-preview__actions">
        <button
          type="button"
          class="button"
          onClick={() => {
            props.onCancel();
          }}
        >
          {t('cancel')}
        </button>
        <button
          type="button"
          class="button button--primary"
          disabled={busy() || count() === 0 || calendarId() === null}
          onClick={() => void apply()}
        >
          {busy() ? t('importing') : t('importButton', { count: count() })}
        </button>
      </div>
    </section>
  );
}
