import { Calendar, type EventInput, type EventSourceApi } from 'fullcalendar';
import 'fullcalendar/skeleton.css';
import 'fullcalendar/themes/classic/theme.css';
import { createEffect, createSignal, on, onCleanup, onMount, type JSX } from 'solid-js';
import type { Locale } from '../../lib/i18n/i18n-types';
import type { AgendaView } from './agenda-route';
import { calendarOptions, fcLocale, firstDayOfWeek, type CalendarHandlers } from './calendar-options';
import { intlLocale } from '../../lib/i18n/locale';
import { FC_VIEW_TYPE } from './fc-views';

export interface CalendarViewProps {
  readonly view: AgendaView;
  readonly date: string;
  readonly events: readonly EventInput[];
  readonly locale: Locale;
  readonly timeZone: string;
  readonly handlers: CalendarHandlers;
}

const SOURCE_ID = 'agenda';

/**
 * The FullCalendar instance, created once. The URL's view and date drive it; the live query's
 * events replace its one event source (the calendar is never re-created for new data).
 */
export function CalendarView(props: CalendarViewProps): JSX.Element {
  let container: HTMLDivElement | undefined;
  let calendar: Calendar | undefined;
  let source: EventSourceApi | undefined;
  // FullCalendar lays the time grid out twice on its first render (natural row heights, then measured
  // ones); keeping it invisible until then avoids a large layout shift (CLS) on every agenda load.
  const [settled, setSettled] = createSignal(false);

  const replaceEvents = (events: readonly EventInput[]): void => {
    const current = calendar;
    if (!current) return;
    current.batchRendering(() => {
      source?.remove();
      source = current.addEventSource({ id: SOURCE_ID, events: [...events] });
    });
  };

  let disposed = false;
  const create = (): void => {
    if (!container || disposed) return;
    calendar = new Calendar(container, {
      // Read once: later changes go through the effects below.
      ...calendarOptions(props.handlers, props.timeZone, props.locale),
      initialView: FC_VIEW_TYPE[props.view],
      initialDate: props.date,
      // The first render draws the events already there (adding them after would render twice).
      eventSources: [{ id: SOURCE_ID, events: [...props.events] }],
    });
    calendar.render();
    source = calendar.getEventSourceById(SOURCE_ID) ?? undefined;
    requestAnimationFrame(() => {
      requestAnimationFrame(() => setSettled(true));
    });
  };
  // FullCalendar's first render is the page's longest task: give it a task of its own, after the
  // page around it (toolbar, sidebar) is laid out, so neither blocks input for the sum of both.
  onMount(() => {
    setTimeout(create, 0);
  });
  onCleanup(() => {
    disposed = true;
    calendar?.destroy();
    calendar = undefined;
  });

  createEffect(
    on(
      () => [props.view, props.date] as const,
      ([view, date]) => {
        const current = calendar;
        if (!current) return;
        if (current.view.type !== FC_VIEW_TYPE[view]) current.changeView(FC_VIEW_TYPE[view], date);
        else current.gotoDate(date);
      },
      { defer: true },
    ),
  );
  createEffect(on(() => props.events, replaceEvents, { defer: true }));
  createEffect(
    on(
      () => props.locale,
      (locale) => {
        calendar?.setOption('locale', fcLocale(locale));
        calendar?.setOption('firstDay', firstDayOfWeek(intlLocale()) ?? 1);
      },
      { defer: true },
    ),
  );

  // FullCalendar sizes its own element to 100% of this wrapper, which has the height.
  return (
    <div class="agenda-calendar">
      <div
        ref={container}
        class="agenda-calendar__root"
        classList={{ 'agenda-calendar--settling': !settled() }}
      />
    </div>
  );
}
