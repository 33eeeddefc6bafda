import { createSignal, createUniqueId, For, Show, type JSX } from 'solid-js';
import { toAppErrorData } from '../../core/errors';
import type { ExportedFile } from '../../core/export/export-events';
import type { Calendar } from '../../core/model/calendar';
import { pageContext, viewerZone } from '../../lib/db';
import { useCatalog } from '../../lib/i18n/locale';
import { addDays, dateInZone, epochOfWallClock } from '../agenda/zoned-time';
import { downloadCalendar, downloadRange } from './import-data';
import { importMessages } from './import-messages';

/** "Export to an .ics file": one calendar whole, or a date range across the visible calendars. */
export function ExportSection(props: { readonly calendars: readonly Calendar[] }): JSX.Element {
  const t = useCatalog(importMessages);
  const ids = {
    heading: createUniqueId(),
    calendar: createUniqueId(),
    from: createUniqueId(),
    to: createUniqueId(),
    range: createUniqueId(),
  };
  const zone = viewerZone();
  const today = dateInZone(pageContext().now(), zone);
  const [chosen, setChosen] = createSignal<string>('');
  const [from, setFrom] = createSignal(today);
  const [to, setTo] = createSignal(addDays(today, 30));
  const [status, setStatus] = createSignal<string | null>(null);

  const run = async (work: () => Promise<ExportedFile>): Promise<void> => {
    setStatus(null);
    try {
      const file = await work();
      setStatus(t('exported', { file: file.fileName, count: file.eventCount }));
    } catch (thrown) {
      setStatus(t('exportFailed', { message: toAppErrorData(thrown).message }));
    }
  };
  const calendarId = (): string => chosen() || (props.calendars[0]?.id ?? '');
  const rangeInvalid = (): boolean => from() === '' || to() === '' || to() < from();

  return (
    <section class="card import-section" aria-labelledby={ids.heading}>
      <h2 id={ids.heading} class="card__title">
        {t('exportHeading')}
      </h2>
      <p>{t('exportIntro')}</p>
      <div class="import-export__row">
        <div class="field">
          <label for={ids.calendar}>{t('exportCalendarLabel')}</label>
          <select
            id={ids.calendar}
            value={calendarId()}
            onChange={(event) => setChosen(event.currentTarget.value)}
          >
            <For each={props.calendars}>
              {(calendar) => <option value={calendar.id}>{calendar.name}</option>}
            </For>
          </select>
        </div>
        <button
          type="button"
          class="button"
          disabled={calendarId() === ''}
          onClick={() => {
            const calendar = props.calendars.find((candidate) => candidate.id === calendarId());
            if (calendar) void run(() => downloadCalendar(calendar.id));
          }}
        >
          {t('exportCalendarButton')}
        </button>
      </div>
      <fieldset class="import-export__range">
        <legend>{t('exportRangeHeading')}</legend>
        <div class="field">
          <label for={ids.from}>{t('exportFrom')}</label>
          <input
            id={ids.from}
            type="date"
            value={from()}
            onInput={(event) => setFrom(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for={ids.to}>{t('exportTo')}</label>
          <input
            id={ids.to}
            type="date"
            value={to()}
            aria-invalid={rangeInvalid()}
            aria-describedby={rangeInvalid() ? ids.range : undefined}
            onInput={(event) => setTo(event.currentTarget.value)}
          />
        </div>
        <Show when={rangeInvalid()}>
          <p id={ids.range} class="field__error">
            {t('exportRangeInvalid')}
          </p>
        </Show>
        <button
          type="button"
          class="button"
          disabled={rangeInvalid()}
          onClick={() => {
            const range = { from: from(), to: to() };
            void run(() =>
              downloadRange(
                epochOfWallClock(range.from, zone),
                epochOfWallClock(addDays(range.to, 1), zone),
                t('rangeFileName', range),
              ),
            );
          }}
        >
          {t('exportRangeButton')}
        </button>
      </fieldset>
      <Show when={status()}>{(message) => <p role="status">{message()}</p>}</Show>
    </section>
  );
}
