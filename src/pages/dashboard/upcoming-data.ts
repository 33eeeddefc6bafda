import type { Accessor } from 'solid-js';
import { listCalendars } from '../../core/calendars/calendar-repo';
import type { Calendar } from '../../core/model/calendar';
import type { CalendarId } from '../../core/model/ids';
import type { OccurrenceRecord } from '../../core/model/occurrence';
import { upcomingOccurrences } from '../../core/occurrences/queries';
import { readSettings } from '../../core/settings/settings';
import { db } from '../../lib/db';
import type { LiveResult } from '../../lib/live-query';
import { createLiveQueryWith } from '../../lib/live-query-with';

export interface UpcomingData {
  readonly occurrences: readonly OccurrenceRecord[];
  readonly calendars: ReadonlyMap<CalendarId, Calendar>;
}

/**
 * The next `settings.upcomingCount` occurrences not ended at `now` across visible calendars, live:
 * re-queried when `now` ticks and whenever settings, calendars or occurrences change (any tab).
 */
export function useUpcoming(now: Accessor<number>): Accessor<LiveResult<UpcomingData>> {
  return createLiveQueryWith(now, async (at) => {
    const settings = await readSettings(db);
    const calendars = await listCalendars(db);
    const visible = calendars.filter((calendar) => calendar.visible === 1).map((calendar) => calendar.id);
    const occurrences = await upcomingOccurrences(db, {
      now: at,
      limit: settings.upcomingCount,
      calendarIds: visible,
    });
    return { occurrences, calendars: new Map(calendars.map((calendar) => [calendar.id, calendar])) };
  });
}
