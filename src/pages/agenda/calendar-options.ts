import type { CalendarOptions, EventApi, EventDisplayInfo, LocaleSingularArg } from 'fullcalendar';
import dayGridPlugin from 'fullcalendar/daygrid';
import interactionPlugin from 'fullcalendar/interaction';
import listPlugin from 'fullcalendar/list';
import frLocale from 'fullcalendar/locales/fr';
import classicTheme from 'fullcalendar/themes/classic';
import timeGridPlugin from 'fullcalendar/timegrid';
import type { Locale } from '../../lib/i18n/i18n-types';
import { intlLocale } from '../../lib/i18n/locale';
import type { FcSpan } from './fc-dates';
import { ChangeOutcome, type SavingMarks } from './saving-marks';
import { localePreferences, preferenceOptions, type AgendaPreferences } from './calendar-preferences';
import { agendaEventProps, type AgendaEventProps } from './to-calendar-event';

export interface CalendarHandlers {
  readonly onDatesSet: (span: FcSpan, title: string) => void;
  readonly onSelect: (span: FcSpan) => void;
  /** An event was clicked, or Enter / Space pressed on it: `anchor` is its element. */
  readonly onOpen: (event: AgendaEventProps, anchor: HTMLElement) => void;
  /**
   * A drag or resize ended. Resolves once the change is stored (`committed`) or, having called
   * `revert` to put the event back, once it is not (`reverted`); never rejects. Meanwhile the event
   * shows as saving.
   */
  readonly onChange: (event: AgendaEventProps, span: FcSpan, revert: () => void) => Promise<ChangeOutcome>;
  /** A hook failed for one event: that event is skipped (or put back), the view goes on. */
  readonly onRenderError: (error: unknown) => void;
  /** The accessible label of an event, e.g. "Standup, 09:00 – 09:15". */
  readonly label: (title: string, timeText: string, allDay: boolean) => string;
}

/**
 * FullCalendar's locale: French from its catalog; English keeps the browser's region (en-GB, en-US…) so
 * FullCalendar's Intl formatting follows it (24-hour clock, day before month in the UK).
 */
export function fcLocale(locale: Locale): LocaleSingularArg {
  return locale === 'fr' ? frLocale : intlLocale();
}

function spanOf(event: EventApi): FcSpan {
  return { startStr: event.startStr, endStr: event.endStr, allDay: event.allDay };
}

/**
 * A drop or resize: the event shows as saving until the page says how it ended. FullCalendar has
 * already drawn it in its new place; it stays marked until the write has committed.
 */
function changed(
  info: { readonly event: EventApi; readonly revert: () => void },
  handlers: CalendarHandlers,
  marks: SavingMarks,
): void {
  const props = agendaEventProps(info.event.extendedProps);
  if (!props) {
    info.revert();
    return;
  }
  const settle = marks.begin(props.occurrenceId);
  handlers
    .onChange(props, spanOf(info.event), info.revert)
    .catch((error: unknown) => {
      // onChange does not reject; should it ever, the event goes back and the error is shown.
      info.revert();
      handlers.onRenderError(error);
      return ChangeOutcome.reverted;
    })
    .then(settle, () => {
      settle(ChangeOutcome.reverted);
    });
}

/**
 * Gives each rendered event our data attribute, a name and keyboard access. Guarded: a failure on one
 * event is reported and that element left as FullCalendar drew it.
 */
function decorateEvent(
  info: EventDisplayInfo & { el: HTMLElement },
  handlers: CalendarHandlers,
  marks: SavingMarks,
): void {
  try {
    const props = agendaEventProps(info.event.extendedProps);
    if (!props || info.isMirror) return;
    const el = info.el;
    el.dataset['occurrenceId'] = props.occurrenceId;
    marks.decorate(el, props.occurrenceId);
    const label = handlers.label(info.event.title, info.timeText, info.event.allDay);
    el.setAttribute('aria-label', props.location === '' ? label : `${label}, ${props.location}`);
    el.title = label;
    if (el.tabIndex < 0) el.tabIndex = 0;
    if (el.parentElement?.getAttribute('role') === 'list') {
      // The list view puts events straight into a role="list": they must be its items.
      el.setAttribute('role', 'listitem');
    } else if (!el.hasAttribute('role') && el.tagName !== 'A' && el.tagName !== 'BUTTON') {
      el.setAttribute('role', 'button');
    }
    el.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      event.stopPropagation();
      handlers.onOpen(props, el);
    });
  } catch (error) {
    handlers.onRenderError(error);
  }
}

/** Where a day or week view opens: the working morning, not midnight. */
export const SCROLL_TIME = '08:00:00';

/**
 * Everything about the calendar that does not change while the page is open, with the preferences it
 * starts with (they change through calendar-instance.ts); `marks` keeps the events whose change is
 * still being saved.
 */
export function calendarOptions(
  handlers: CalendarHandlers,
  timeZone: string,
  locale: Locale,
  marks: SavingMarks,
  prefs: AgendaPreferences = localePreferences(intlLocale()),
): CalendarOptions {
  return {
    plugins: [dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin, classicTheme],
    locales: [frLocale],
    locale: fcLocale(locale),
    ...preferenceOptions(prefs, timeZone),
    timeZone,
    headerToolbar: false,
    height: '100%',
    nowIndicator: true,
    editable: true,
    selectable: true,
    selectMirror: true,
    dayMaxEvents: true,
    // The "+N more" popover is drawn in <body>: this class gives it the theme's colours (agenda.css).
    popoverClass: 'agenda-more-popover',
    // Week and day blocks wrap their titles instead of cutting them (agenda.css); a short block keeps
    // time and title on one line, where there is no room for a second.
    columnEventTitleClass: (info) => (info.isShort ? '' : 'agenda-column-title'),
    eventInteractive: true,
    navLinks: false,
    scrollTime: SCROLL_TIME,
    datesSet: (info) => {
      handlers.onDatesSet({ startStr: info.startStr, endStr: info.endStr, allDay: true }, info.view.title);
    },
    select: (info) => {
      handlers.onSelect({ startStr: info.startStr, endStr: info.endStr, allDay: info.allDay });
      info.view.calendar.unselect();
    },
    eventClick: (info) => {
      info.jsEvent.preventDefault();
      // The details card (event-card/), anchored to the event's element.
      const props = agendaEventProps(info.event.extendedProps);
      if (props) handlers.onOpen(props, info.el);
    },
    eventDrop: (info) => {
      changed(info, handlers, marks);
    },
    eventResize: (info) => {
      changed(info, handlers, marks);
    },
    eventDidMount: (info) => {
      decorateEvent(info, handlers, marks);
    },
  };
}
