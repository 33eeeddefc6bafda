import { A } from '@solidjs/router';
import { createSignal, For, lazy, Show, Suspense, type JSX } from 'solid-js';
import type { Calendar } from '../../core/model/calendar';
import { useCatalog } from '../../lib/i18n/locale';
import { agendaMessages } from './agenda-messages';
import { SubscribeForm } from './SubscribeForm';

/** The sync status (and the sync client under it) loads only once a calendar syncs with a server. */
const CalendarSyncStatus = lazy(async () => ({
  default: (await import('../../components/sync/CalendarSyncStatus')).CalendarSyncStatus,
}));

export interface CalendarSidebarProps {
  readonly calendars: readonly Calendar[];
  readonly onToggle: (calendar: Calendar, visible: boolean) => void;
  readonly onEdit: (calendar: Calendar) => void;
  readonly onNew: () => void;
}

/**
 * "Calendars": one row per calendar with its colour, visibility, read-only mark and an edit button;
 * then import/export and subscribing. Collapsible on phones.
 */
export function CalendarSidebar(props: CalendarSidebarProps): JSX.Element {
  const t = useCatalog(agendaMessages);
  const [open, setOpen] = createSignal(false);
  return (
    <aside
      class="agenda-sidebar"
      classList={{ 'agenda-sidebar--open': open() }}
      aria-labelledby="agenda-calendars-heading"
    >
      <div class="agenda-sidebar__header">
        <h2 id="agenda-calendars-heading" class="agenda-sidebar__title">
          {t('calendars')}
        </h2>
        <button
          type="button"
          class="agenda-btn agenda-sidebar__toggle"
          aria-expanded={open()}
          aria-controls="agenda-calendar-list"
          onClick={() => setOpen((value) => !value)}
        >
          {open() ? t('hideCalendars') : t('showCalendars')}
        </button>
      </div>
      <div id="agenda-calendar-list" class="agenda-sidebar__body">
        <ul class="agenda-sidebar__list">
          <For each={props.calendars}>
            {(calendar) => (
              <li class="agenda-sidebar__item">
                <label class="agenda-sidebar__label">
                  <input
                    type="checkbox"
                    checked={calendar.visible === 1}
                    onChange={(event) => {
                      props.onToggle(calendar, event.currentTarget.checked);
                    }}
                  />
                  <span
                    class="agenda-swatch"
                    style={{ 'background-color': calendar.color }}
                    aria-hidden="true"
                  />
                  <span class="agenda-sidebar__name">{calendar.name}</span>
                  <Show when={calendar.readOnly}>
                    <span class="agenda-sidebar__badge">
                      {calendar.subscription ? t('subscribedCalendar') : t('readOnlyCalendar')}
                    </span>
                  </Show>
                </label>
                <button
                  type="button"
                  class="agenda-btn agenda-btn--icon agenda-btn--quiet"
                  aria-label={t('editCalendar', { name: calendar.name })}
                  onClick={() => {
                    props.onEdit(calendar);
                  }}
                >
                  <span aria-hidden="true">✎</span>
                </button>
                <Show when={calendar.remoteUrl !== null}>
                  <div class="agenda-sidebar__sync">
                    {/* Its own boundary: loading it must not blank the whole page. */}
                    <Suspense>
                      <CalendarSyncStatus calendarId={calendar.id} />
                    </Suspense>
                  </div>
                </Show>
              </li>
            )}
          </For>
        </ul>
        <button
          type="button"
          class="agenda-btn"
          onClick={() => {
            props.onNew();
          }}
        >
          {t('newCalendar')}
        </button>
        <p class="agenda-sidebar__links">
          <A href="/import">{t('importExport')}</A>
        </p>
        <SubscribeForm />
      </div>
    </aside>
  );
}
