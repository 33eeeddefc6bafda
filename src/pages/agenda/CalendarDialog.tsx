import { createSignal, createUniqueId, For, Show, type JSX } from 'solid-js';
import { Dialog } from '../../components/Dialog';
import { CALENDAR_PALETTE, type Calendar } from '../../core/model/calendar';
import { useCatalog } from '../../lib/i18n/locale';
import { agendaMessages, type AgendaMessageKey } from './agenda-messages';
import { appErrorMessage } from './app-error-message';

const PALETTE_NAMES: readonly AgendaMessageKey[] = [
  'paletteBlue',
  'paletteRed',
  'paletteGreen',
  'paletteOchre',
  'palettePurple',
  'palettePink',
  'paletteCyan',
  'paletteOrange',
];

export interface CalendarDialogProps {
  /** The calendar being edited; null for a new one. */
  readonly calendar: Calendar | null;
  readonly onSave: (input: { name: string; color: string }) => Promise<void>;
  /** Only for an existing calendar: asks for confirmation itself. */
  readonly onDelete: () => void;
  /** Only for an existing calendar: downloads it as .ics; resolves to the file name. */
  readonly onExport: () => Promise<string>;
  readonly onClose: () => void;
}

/** New or edit calendar: Name, Colour (palette + colour input), Save, Cancel, Delete calendar. */
export function CalendarDialog(props: CalendarDialogProps): JSX.Element {
  const t = useCatalog(agendaMessages);
  const ids = { name: createUniqueId(), color: createUniqueId(), error: createUniqueId() };
  // The dialog edits a copy; the initial values are read once on purpose.
  // eslint-disable-next-line solid/reactivity
  const [name, setName] = createSignal(props.calendar?.name ?? '');
  // eslint-disable-next-line solid/reactivity
  const [color, setColor] = createSignal<string>(props.calendar?.color ?? CALENDAR_PALETTE[0]);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [exported, setExported] = createSignal<string | null>(null);
  const exportIcs = async (): Promise<void> => {
    try {
      setExported(t('exportedCalendar', { file: await props.onExport() }));
    } catch (thrown) {
      const message = appErrorMessage(thrown);
      setError(t(message.key, message.params));
    }
  };

  const save = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (name().trim() === '') {
      setError(t('nameRequired'));
      return;
    }
    setBusy(true);
    try {
      await props.onSave({ name: name().trim(), color: color() });
    } catch (thrown) {
      const message = appErrorMessage(thrown);
      setError(t(message.key, message.params));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={props.calendar ? t('editCalendarTitle') : t('newCalendar')}
      onClose={() => {
        props.onClose();
      }}
    >
      <form class="agenda-form" onSubmit={(event) => void save(event)} novalidate>
        <Show when={props.calendar?.subscription}>
          {(subscription) => (
            <p class="agenda-editor__note">{t('subscribedFrom', { url: subscription().url })}</p>
          )}
        </Show>
        <div class="agenda-field">
          <label for={ids.name}>{t('calendarName')}</label>
          <input
            id={ids.name}
            type="text"
            required
            value={name()}
            aria-invalid={error() !== null}
            aria-describedby={error() !== null ? ids.error : undefined}
            onInput={(event) => {
              setName(event.currentTarget.value);
              setError(null);
            }}
          />
          <Show when={error()}>
            {(message) => (
              <p id={ids.error} class="agenda-field__error">
                {message()}
              </p>
            )}
          </Show>
        </div>
        <div class="agenda-field">
          <label for={ids.color}>{t('calendarColour')}</label>
          <input
            id={ids.color}
            type="color"
            value={color()}
            onInput={(event) => setColor(event.currentTarget.value)}
          />
        </div>
        <fieldset class="agenda-palette">
          <legend>{t('suggestedColours')}</legend>
          <For each={CALENDAR_PALETTE}>
            {(swatch, index) => (
              <label class="agenda-palette__swatch" style={{ 'background-color': swatch }}>
                <input
                  type="radio"
                  name="agenda-palette"
                  value={swatch}
                  checked={color() === swatch}
                  aria-label={t(PALETTE_NAMES[index()] ?? 'paletteBlue')}
                  onChange={() => setColor(swatch)}
                />
              </label>
            )}
          </For>
        </fieldset>
        <Show when={exported()}>{(message) => <p role="status">{message()}</p>}</Show>
        <div class="agenda-dialog__actions">
          <Show when={props.calendar}>
            <button
              type="button"
              class="agenda-btn agenda-btn--danger agenda-dialog__left"
              onClick={() => {
                props.onDelete();
              }}
            >
              {t('deleteCalendar')}
            </button>
            <button type="button" class="agenda-btn" onClick={() => void exportIcs()}>
              {t('exportCalendar')}
            </button>
          </Show>
          <button
            type="button"
            class="agenda-btn"
            onClick={() => {
              props.onClose();
            }}
          >
            {t('cancel')}
          </button>
          <button type="submit" class="agenda-btn agenda-btn--primary" disabled={busy()}>
            {t('save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
