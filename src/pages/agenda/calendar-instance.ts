import { Calendar, type EventInput, type EventSourceApi } from 'fullcalendar';
import 'fullcalendar/skeleton.css';
import 'fullcalendar/themes/classic/theme.css';
import type { Locale } from '../../lib/i18n/i18n-types';
import type { AgendaView } from './agenda-route';
import { calendarOptions, fcLocale, SCROLL_TIME, type CalendarHandlers } from './calendar-options';
import { preferenceOptions, type AgendaPreferences } from './calendar-preferences';
import { sameEvents } from './same-events';
import { createSavingMarks } from './saving-marks';
import { FC_VIEW_TYPE } from './fc-views';

/**
 * FullCalendar behind a small surface: this module is the agenda's FullCalendar chunk, loaded beside
 * the page (CalendarView.tsx) so the page paints without waiting for it.
 */
export interface CalendarInit {
  readonly view: AgendaView;
  readonly date: string;
  readonly events: readonly EventInput[];
  readonly locale: Locale;
  readonly preferences: AgendaPreferences;
  readonly timeZone: string;
  readonly handlers: CalendarHandlers;
}

export interface AgendaCalendar {
  /** Draws the calendar (the first time) into its container. */
  render(): void;
  /**
   * Scrolls a day or week view to the working morning again once its layout has settled: FullCalendar
   * scrolls while its rows still have their natural height, and on a phone's narrow week the measured
   * rows are shorter, which left the view opening at 10:00.
   */
  settleScroll(): void;
  /** Shows `date` in `view` (changing the view only when it differs). */
  show(view: AgendaView, date: string): void;
  /** Replaces the one event source when the events differ (the calendar is never re-created). */
  setEvents(events: readonly EventInput[]): void;
  setLocale(locale: Locale): void;
  /** Applies Settings › Preferences (first day, clock, week numbers, second zone) in one redraw. */
  setPreferences(preferences: AgendaPreferences): void;
  destroy(): void;
}

const SOURCE_ID = 'agenda';

/**
 * Sets the calendar up for `container` without drawing it: options, plugins and the first state are
 * worked out here, the drawing in `render()`, so the two halves of FullCalendar's start-up can run
 * as separate tasks. The events already known are in the first state (one render, not two).
 */
export function createAgendaCalendar(container: HTMLElement, init: CalendarInit): AgendaCalendar {
  let shown = init.events;
  let source: EventSourceApi | null = null;
  // While a drag or resize is being saved, FullCalendar holds the moved event in its new place (and
  // `revert` holds the old one): replacing the source then would draw it back where it was, or leave
  // `revert` restoring an event of a source that is gone. The newest events wait here instead.
  let waiting: readonly EventInput[] | null = null;
  const replaceSource = (events: readonly EventInput[]): void => {
    if (sameEvents(shown, events)) return;
    shown = events;
    calendar.batchRendering(() => {
      source?.remove();
      source = calendar.addEventSource({ id: SOURCE_ID, events: [...events] });
    });
  };
  // Events that waited may have been read before a change committed: those occurrences keep the times
  // FullCalendar shows, which are the ones stored. The commit makes the live query read them again.
  const withStoredTimes = (events: readonly EventInput[], stored: ReadonlySet<string>): EventInput[] =>
    events.map((input) => {
      const current =
        typeof input.id === 'string' && stored.has(input.id) ? calendar.getEventById(input.id) : null;
      if (!current) return input;
      const patched: EventInput = { ...input, start: current.startStr, allDay: current.allDay };
      // FullCalendar drops the end of a timed event moved to the all-day row.
      if (current.endStr === '') delete patched.end;
      else patched.end = current.endStr;
      return patched;
    });
  let destroyed = false;
  const marks = createSavingMarks(container, (stored) => {
    const events = waiting;
    waiting = null;
    // A write may end after the agenda was left.
    if (events !== null && !destroyed)
      replaceSource(stored.size === 0 ? events : withStoredTimes(events, stored));
  });
  const calendar = new Calendar(container, {
    ...calendarOptions(init.handlers, init.timeZone, init.locale, marks, init.preferences),
    initialView: FC_VIEW_TYPE[init.view],
    initialDate: init.date,
    eventSources: [{ id: SOURCE_ID, events: [...init.events] }],
  });
  source = calendar.getEventSourceById(SOURCE_ID);
  return {
    render: () => {
      calendar.render();
    },
    settleScroll: () => {
      calendar.scrollToTime(SCROLL_TIME);
    },
    show: (view, date) => {
      if (calendar.view.type !== FC_VIEW_TYPE[view]) calendar.changeView(FC_VIEW_TYPE[view], date);
      else calendar.gotoDate(date);
    },
    setEvents: (events) => {
      if (marks.active()) waiting = events;
      // Live queries re-run on any write to their tables; most re-runs change nothing on screen.
      else replaceSource(events);
    },
    setLocale: (locale) => {
      calendar.setOption('locale', fcLocale(locale));
    },
    setPreferences: (preferences) => {
      const options = preferenceOptions(preferences, init.timeZone);
      calendar.batchRendering(() => {
        for (const [name, value] of Object.entries(options)) {
          calendar.setOption(name as keyof typeof options, value as never);
        }
      });
    },
    destroy: () => {
      destroyed = true;
      calendar.destroy();
    },
  };
}
