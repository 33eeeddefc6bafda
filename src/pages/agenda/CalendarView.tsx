import type { EventInput } from 'fullcalendar';
import { createEffect, createSignal, on, onCleanup, onMount, Show, type JSX } from 'solid-js';
import type { Locale } from '../../lib/i18n/i18n-types';
import { afterPaint } from '../../lib/after-paint';
import type { AgendaView } from './agenda-route';
import type { AgendaCalendar } from './calendar-instance';
import type { CalendarHandlers } from './calendar-options';
import { samePreferences, type AgendaPreferences } from './calendar-preferences';
import './calendar-skeleton.css';

export interface CalendarViewProps {
  readonly view: AgendaView;
  readonly date: string;
  readonly events: readonly EventInput[];
  readonly locale: Locale;
  /** Settings › Preferences as the calendar applies them (first day, clock, week numbers, second zone). */
  readonly preferences: AgendaPreferences;
  readonly timeZone: string;
  readonly handlers: CalendarHandlers;
  /** FullCalendar's code could not be loaded (offline without the service worker's copy). */
  readonly onLoadError: (error: unknown) => void;
  /** The `elementtiming` of the page's main text: FullCalendar's code is fetched once it is painted. */
  readonly loadAfterPaintOf: string;
  /** Called once, when FullCalendar's first layout has settled. */
  readonly onSettled?: () => void;
}

/**
 * FullCalendar's chunk (calendar-instance.ts, about 90 KiB compressed), loaded once and kept; a failed
 * load (offline without the service worker's copy) is tried again on the next visit to the agenda.
 */
let chunk: Promise<typeof import('./calendar-instance')> | undefined;

function loadCalendarChunk(): Promise<typeof import('./calendar-instance')> {
  chunk ??= import('./calendar-instance').catch((error: unknown) => {
    chunk = undefined;
    throw error;
  });
  return chunk;
}

/**
 * The FullCalendar instance, created once its chunk is there; until then (and while its first layout
 * settles) a skeleton of the grid holds the place, so nothing moves when the calendar appears. The
 * URL's view and date drive it; the live query's events replace its one event source.
 */
/** After FullCalendar's second layout pass (its resize observer measures on the next frame). */
function afterLayout(then: () => void): void {
  requestAnimationFrame(() => {
    requestAnimationFrame(then);
  });
}

export function CalendarView(props: CalendarViewProps): JSX.Element {
  let container: HTMLDivElement | undefined;
  let calendar: AgendaCalendar | undefined;
  let disposed = false;
  // FullCalendar lays the time grid out twice on its first render (natural row heights, then measured
  // ones); keeping it invisible until then avoids a large layout shift (CLS) on every agenda load.
  const [settled, setSettled] = createSignal(false);

  const create = (instance: typeof import('./calendar-instance')): void => {
    if (!container || disposed) return;
    const created = instance.createAgendaCalendar(container, {
      // Read once: later changes go through the effects below.
      view: props.view,
      date: props.date,
      events: props.events,
      locale: props.locale,
      preferences: props.preferences,
      timeZone: props.timeZone,
      handlers: props.handlers,
    });
    calendar = created;
    const onSettled = props.onSettled;
    // Setting up and drawing are FullCalendar's two long steps: a task each, so neither holds up
    // input for the sum of both.
    setTimeout(() => {
      if (disposed) return;
      created.render();
      afterLayout(() => {
        if (disposed) return;
        created.settleScroll();
        setSettled(true);
        onSettled?.();
      });
    }, 0);
  };
  // FullCalendar's code is asked for once the page around it (toolbar, sidebar, this skeleton) is on
  // screen, so on a slow network it does not hold up the page's own code.
  onMount(() => {
    const onLoadError = props.onLoadError;
    afterPaint(() => {
      loadCalendarChunk()
        .then((instance) => {
          setTimeout(() => {
            create(instance);
          }, 0);
        })
        .catch((error: unknown) => {
          if (!disposed) onLoadError(error);
        });
    }, props.loadAfterPaintOf);
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
        const shown = calendar;
        if (!shown) return;
        shown.show(view, date);
        // A view change lays out afresh (a phone's week rows settle shorter than they start).
        afterLayout(() => {
          if (!disposed) shown.settleScroll();
        });
      },
      { defer: true },
    ),
  );
  createEffect(
    on(
      () => props.events,
      (events) => calendar?.setEvents(events),
      { defer: true },
    ),
  );
  createEffect(
    on(
      () => props.locale,
      (locale) => calendar?.setLocale(locale),
      { defer: true },
    ),
  );
  createEffect(
    on(
      () => props.preferences,
      (preferences, previous) => {
        if (previous === undefined || !samePreferences(preferences, previous))
          calendar?.setPreferences(preferences);
      },
      { defer: true },
    ),
  );

  // FullCalendar sizes its own element to 100% of this wrapper, which has the height.
  return (
    <div class="agenda-calendar">
      <Show when={!settled()}>
        <div class="agenda-calendar__skeleton" data-view={props.view} aria-hidden="true" />
      </Show>
      <div
        ref={container}
        class="agenda-calendar__root"
        classList={{ 'agenda-calendar--settling': !settled() }}
      />
    </div>
  );
}
