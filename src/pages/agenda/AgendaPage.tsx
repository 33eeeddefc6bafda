import { useNavigate } from '@solidjs/router';
import {
  createEffect,
  createMemo,
  createSignal,
  lazy,
  on,
  Show,
  Suspense,
  untrack,
  type JSX,
} from 'solid-js';
import type { EditScope } from '../../core/ical/event-draft';
import type { Calendar } from '../../core/model/calendar';
import type { TimeRange } from '../../core/occurrences/time-range';
import { defaultCalendarFor } from '../../core/settings/default-calendar';
import { firstDayFor } from '../../core/settings/week-start';
import { pageContext, viewerZone } from '../../lib/db';
import { eventTitle as displayedTitle } from '../../lib/event-title';
import { intlLocale, locale, useCatalog } from '../../lib/i18n/locale';
import { useSettings } from '../../lib/settings';
import { AgendaToolbar } from './AgendaToolbar';
import { CalendarDialog } from './CalendarDialog';
import { CalendarSidebar } from './CalendarSidebar';
import { CalendarView } from './CalendarView';
import { ConfirmDialog } from './ConfirmDialog';
import { ScopeDialog } from './ScopeDialog';
import { createAgendaData } from './agenda-data';
import { createIcsDrop } from './agenda-drop';
import { agendaMessages } from './agenda-messages';
import { agendaTitle } from './agenda-title';
import { shiftAgendaDate, todayIso } from './agenda-route';
import { useAgendaUrl } from './agenda-url';
import { visibleRange } from './visible-range';
import { appErrorMessage } from './app-error-message';
import type { CalendarHandlers } from './calendar-options';
import { agendaPreferences, samePreferences } from './calendar-preferences';
import { firstDayOfWeek } from './week-start';
import type { EditorRequest } from './editor-session';
import type { CardRequest } from './event-card/EventCard';
import { instantOfFcString } from './fc-dates';
import { parseOccurrenceId } from './occurrence-ref';
import { moveFromCalendar } from './move-from-calendar';
import { clearReplayFailures, failedReplays, preloadWriterWhenIdle } from './pending-writes';
import { createPrompt } from './prompt';
import { defaultNewDraft, draftFromNewParam, draftFromSelection } from './selection-draft';
import './agenda.css';

/**
 * What needs ical.js (the editor, event writes, calendar writes) loads on first use, not with the
 * agenda: the first paint of a week only needs FullCalendar and the occurrence table. Event writes
 * (pending-writes.ts) are fetched ahead once the calendar has settled and the page is idle, so a drag
 * does not wait for them.
 */
const EventEditor = lazy(async () => ({ default: (await import('./EventEditor')).EventEditor }));
/** The event details card (event-card/), loaded on the first click on an event. */
const EventCard = lazy(async () => ({ default: (await import('./event-card/EventCard')).EventCard }));
const loadActions = (): Promise<typeof import('./agenda-actions')> => import('./agenda-actions');

interface Confirmation {
  readonly title: string;
  readonly body: string;
  readonly confirmLabel: string;
}

/** The range heading's id, also its `elementtiming`: FullCalendar loads once it is painted. */
const TITLE_ID = 'agenda-range-title';

/** A range update that keeps the current object when equal, so the occurrence query stays subscribed. */
const sameRange =
  (next: TimeRange) =>
  (current: TimeRange): TimeRange =>
    current.from === next.from && current.to === next.to ? current : next;

/** `/agenda/:view/:date`: toolbar, calendar sidebar, FullCalendar, the event editor and its questions. */
export function AgendaPage(): JSX.Element {
  const t = useCatalog(agendaMessages);
  const url = useAgendaUrl();
  const zone = viewerZone();
  const settings = useSettings();
  // Settings › Preferences: the week's first day, clock, week numbers and second zone, applied live.
  const firstDay = (): number => firstDayFor(settings().weekStart, firstDayOfWeek(intlLocale()));
  const duration = (): number => settings().defaultDurationMinutes;
  // From the URL, so the occurrences are read while FullCalendar loads (and on each navigation before
  // it redraws); FullCalendar's `datesSet` below corrects it should the two ever differ.
  const urlRange = createMemo(() => visibleRange(url.view(), url.date(), firstDay(), zone));
  const [range, setRange] = createSignal<TimeRange>(untrack(urlRange));
  createEffect(on(urlRange, (next) => setRange(sameRange(next)), { defer: true }));
  const preferences = createMemo(
    () => agendaPreferences(settings(), intlLocale(), { timeZone: zone, ...range() }),
    undefined,
    { equals: samePreferences },
  );
  // From the URL, not from FullCalendar's first render: it is the page's largest text (agenda-title.ts).
  const title = createMemo(() => agendaTitle(url.view(), url.date(), intlLocale(), firstDay()));
  const [problem, setProblem] = createSignal<string | null>(null);
  const [editor, setEditor] = createSignal<EditorRequest | null>(null);
  const [card, setCard] = createSignal<CardRequest | null>(null);
  const [calendarDialog, setCalendarDialog] = createSignal<{ calendar: Calendar | null } | null>(null);
  const scopePrompt = createPrompt<true, EditScope>();
  const confirmPrompt = createPrompt<Confirmation, true>();

  const report = (error: unknown): void => {
    const message = appErrorMessage(error);
    setProblem(t(message.key, message.params));
  };
  const data = createAgendaData(range, report);
  const drop = createIcsDrop(useNavigate(), report);
  // Changes made just before the last page went away, replayed at start-up, that could not be applied.
  createEffect(() => {
    const failure = failedReplays().at(-1);
    if (failure === undefined) return;
    const reason = appErrorMessage(failure.error);
    setProblem(
      t(failure.kept ? 'replayPostponed' : 'replayFailed', { reason: t(reason.key, reason.params) }),
    );
    clearReplayFailures();
  });
  createEffect(() => {
    const error = data.error();
    if (error !== null)
      setProblem(t('errorLoading', { message: appErrorMessage(error).params['message'] ?? '' }));
  });

  const askScope = (): Promise<EditScope | null> => scopePrompt.ask(true);
  const confirm = async (question: Confirmation): Promise<boolean> =>
    (await confirmPrompt.ask(question)) === true;
  const confirmDeleteEvent = (eventTitle: string): Promise<boolean> =>
    confirm({
      title: t('deleteEventTitle'),
      body: t('deleteEventBody', { title: displayedTitle(eventTitle) }),
      confirmLabel: t('delete'),
    });

  /** Settings' default calendar while it is there and writable, else the first shown writable one. */
  const defaultCalendar = createMemo(() =>
    defaultCalendarFor(data.calendars(), settings().defaultCalendarId),
  );

  const openNew = (request: EditorRequest): void => {
    setEditor(null);
    setEditor(request);
  };
  const newEventNow = (): void => {
    openNew({ kind: 'new', draft: defaultNewDraft(pageContext().now(), zone, url.date(), duration()) });
  };

  // `?new=` opens the editor, `?event=` the event's details card, once; then they leave the URL.
  createEffect(
    on([url.newParam, url.eventParam], ([newParam, eventParam]) => {
      if (newParam !== null) {
        openNew({ kind: 'new', draft: draftFromNewParam(newParam, pageContext().now(), zone, duration()) });
      } else if (eventParam !== null) {
        const ref = parseOccurrenceId(eventParam);
        if (ref) setCard({ ref, occurrenceId: eventParam, anchor: null });
      }
      if (newParam !== null || eventParam !== null) url.clearOpenParams();
    }),
  );

  const handlers: CalendarHandlers = {
    onDatesSet: (span) => {
      setRange(
        sameRange({ from: instantOfFcString(span.startStr, zone), to: instantOfFcString(span.endStr, zone) }),
      );
    },
    onSelect: (span) => {
      openNew({ kind: 'new', draft: draftFromSelection(span, zone, duration()) });
    },
    onOpen: (event, anchor) => {
      const ref = { eventId: event.eventId, recurrenceId: event.recurrenceId };
      setCard({ ref, occurrenceId: event.occurrenceId, anchor });
    },
    onChange: moveFromCalendar({ askScope, report, zone }),
    onRenderError: report,
    label: (eventTitle, timeText, allDay) =>
      t('eventLabel', {
        title: eventTitle,
        time: allDay || timeText === '' ? t('allDayLabel') : timeText,
      }),
  };

  const saveCalendar = async (
    calendar: Calendar | null,
    input: { name: string; color: string },
  ): Promise<void> => {
    await (await loadActions()).saveCalendar(calendar, input);
    setCalendarDialog(null);
  };

  const exportCalendar = async (calendar: Calendar | null): Promise<string> =>
    calendar ? (await loadActions()).exportCalendarFile(calendar) : '';

  const deleteCalendar = async (calendar: Calendar): Promise<void> => {
    try {
      const actions = await loadActions();
      const count = await actions.eventCount(calendar);
      const body = t(count === 0 ? 'deleteCalendarBodyNone' : 'deleteCalendarBody', {
        name: calendar.name,
        count,
      });
      if (!(await confirm({ title: t('deleteCalendarTitle'), body, confirmLabel: t('delete') }))) return;
      await actions.removeCalendar(calendar);
      setCalendarDialog(null);
    } catch (error) {
      report(error);
    }
  };

  return (
    <main
      id="main"
      class="agenda"
      classList={{ 'agenda--dropping': drop.active() }}
      tabindex="-1"
      onDragOver={(event) => {
        drop.onDragOver(event);
      }}
      onDragLeave={(event) => {
        drop.onDragLeave(event);
      }}
      onDrop={(event) => {
        drop.onDrop(event);
      }}
    >
      <h1 class="agenda__heading">{t('heading')}</h1>
      <Show when={problem()}>
        {(message) => (
          <div class="agenda__problem" role="alert">
            <span>{message()}</span>
            <button type="button" class="agenda-btn agenda-btn--quiet" onClick={() => setProblem(null)}>
              {t('dismiss')}
            </button>
          </div>
        )}
      </Show>
      <div class="agenda__layout">
        <CalendarSidebar
          calendars={data.calendars()}
          onToggle={(calendar, visible) => {
            loadActions()
              .then((actions) => actions.setCalendarVisible(calendar, visible))
              .catch(report);
          }}
          onEdit={(calendar) => setCalendarDialog({ calendar })}
          onNew={() => setCalendarDialog({ calendar: null })}
        />
        <section class="agenda__main" aria-labelledby={TITLE_ID}>
          <AgendaToolbar
            view={url.view()}
            title={title()}
            titleId={TITLE_ID}
            onToday={() => {
              const ctx = pageContext();
              url.go(url.view(), todayIso(ctx.now(), ctx.viewerZone));
            }}
            onStep={(direction) => {
              url.go(url.view(), shiftAgendaDate(url.view(), url.date(), direction));
            }}
            onView={(view) => {
              url.go(view, url.date());
            }}
            onNewEvent={newEventNow}
          />
          <CalendarView
            view={url.view()}
            date={url.date()}
            events={data.events()}
            locale={locale()}
            preferences={preferences()}
            timeZone={zone}
            handlers={handlers}
            onLoadError={report}
            loadAfterPaintOf={TITLE_ID}
            onSettled={preloadWriterWhenIdle}
          />
        </section>
      </div>
      <Show when={editor()} keyed>
        {(request) => (
          <EventEditor
            request={request}
            calendars={data.calendars()}
            defaultCalendarId={defaultCalendar()}
            askScope={askScope}
            confirmDelete={confirmDeleteEvent}
            onClose={() => setEditor(null)}
          />
        )}
      </Show>
      <Show when={card()} keyed>
        {(request) => (
          <Suspense>
            <EventCard
              request={request}
              calendars={data.calendars()}
              askScope={askScope}
              confirmDelete={confirmDeleteEvent}
              onEdit={(ref) => {
                setCard(null);
                openNew({ kind: 'edit', ref });
              }}
              onDuplicate={(draft, calendarId) => {
                setCard(null);
                openNew(calendarId ? { kind: 'new', draft, calendarId } : { kind: 'new', draft });
              }}
              onClose={() => setCard(null)}
            />
          </Suspense>
        )}
      </Show>
      <Show when={calendarDialog()} keyed>
        {(state) => (
          <CalendarDialog
            calendar={state.calendar}
            onSave={(input) => saveCalendar(state.calendar, input)}
            onDelete={() => {
              if (state.calendar) void deleteCalendar(state.calendar);
            }}
            onExport={() => exportCalendar(state.calendar)}
            onClose={() => setCalendarDialog(null)}
          />
        )}
      </Show>
      <Show when={scopePrompt.question()}>
        <ScopeDialog
          onAnswer={(scope) => {
            scopePrompt.answer(scope);
          }}
        />
      </Show>
      <Show when={confirmPrompt.question()}>
        {(question) => (
          <ConfirmDialog
            title={question().title}
            body={question().body}
            confirmLabel={question().confirmLabel}
            onAnswer={(confirmed) => {
              confirmPrompt.answer(confirmed ? true : null);
            }}
          />
        )}
      </Show>
    </main>
  );
}
