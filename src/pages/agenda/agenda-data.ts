import type { EventInput } from 'fullcalendar';
import { createEffect, createMemo, on, type Accessor } from 'solid-js';
import { listCalendars } from '../../core/calendars/calendar-repo';
import type { TitleLocale } from '../../core/events/display-title';
import type { Calendar } from '../../core/model/calendar';
import type { CalendarId } from '../../core/model/ids';
import type { OccurrenceRecord } from '../../core/model/occurrence';
import { occurrencesInRange } from '../../core/occurrences/queries';
import type { TimeRange } from '../../core/occurrences/time-range';
import { ensureWindowCovers } from '../../core/occurrences/window';
import { db, pageContext, viewerZone } from '../../lib/db';
import { locale } from '../../lib/i18n/locale';
import { createLiveQuery, type LiveResult } from '../../lib/live-query';
import { toCalendarEvent } from './to-calendar-event';

export interface AgendaData {
  /** All calendars in sidebar order (empty while loading). */
  readonly calendars: Accessor<readonly Calendar[]>;
  /** The visible calendars' occurrences in the visible range, as FullCalendar events. */
  readonly events: Accessor<readonly EventInput[]>;
  /** The last read error, if any. */
  readonly error: Accessor<unknown>;
}

/** Maps every occurrence; one that cannot be mapped is skipped, never the whole view. */
export function toCalendarEvents(
  occurrences: readonly OccurrenceRecord[],
  calendars: ReadonlyMap<CalendarId, Calendar>,
  zone: string,
  onSkip: (error: unknown) => void,
  titleLocale: TitleLocale = 'en',
): EventInput[] {
  const events: EventInput[] = [];
  for (const occurrence of occurrences) {
    const calendar = calendars.get(occurrence.calendarId);
    if (!calendar) continue;
    try {
      events.push(toCalendarEvent(occurrence, calendar, zone, titleLocale));
    } catch (error) {
      onSkip(error);
    }
  }
  return events;
}

/**
 * The agenda's reads: the calendar list, and the occurrences of the visible calendars in the visible
 * range, live (re-read when any tab or worker writes). When the range moves, the occurrence query is
 * re-subscribed and the materialised window is grown to cover it.
 */
export function createAgendaData(
  range: Accessor<TimeRange | null>,
  onError: (error: unknown) => void,
): AgendaData {
  const calendarsResult = createLiveQuery(() => listCalendars(db));
  const calendars = createMemo<readonly Calendar[]>((previous) => {
    const result = calendarsResult();
    return result.state === 'ready' ? result.value : previous;
  }, []);

  // One live query per range; the memo's owner ends the previous subscription when the range changes.
  const occurrenceResult = createMemo(
    on(range, (current): Accessor<LiveResult<OccurrenceRecord[]>> | null => {
      if (!current) return null;
      return createLiveQuery(async () => {
        const visible = (await listCalendars(db)).filter((c) => c.visible === 1).map((c) => c.id);
        return occurrencesInRange(db, { from: current.from, to: current.to, calendarIds: visible });
      });
    }),
  );
  const occurrences = createMemo<readonly OccurrenceRecord[]>((previous) => {
    const result = occurrenceResult()?.();
    return result?.state === 'ready' ? result.value : previous;
  }, []);

  createEffect(
    on(range, (current) => {
      if (current) ensureWindowCovers(db, current, pageContext()).catch(onError);
    }),
  );

  const zone = viewerZone();
  const events = createMemo(() => {
    const byId = new Map(calendars().map((c) => [c.id, c] as const));
    return toCalendarEvents(occurrences(), byId, zone, onError, locale());
  });

  const error = createMemo(() => {
    const a = calendarsResult();
    const b = occurrenceResult()?.();
    if (a.state === 'error') return a.error;
    return b?.state === 'error' ? b.error : null;
  });

  return { calendars, events, error };
}
