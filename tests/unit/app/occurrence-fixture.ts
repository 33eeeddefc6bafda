import type { CalendarId, EventId } from '../../../src/core/model/ids';
import { occurrenceId, type OccurrenceRecord } from '../../../src/core/model/occurrence';

/** An occurrence between two ISO instants (with their offsets), for the dashboard's pure logic. */
export function occurrence(
  name: string,
  start: string,
  end: string,
  extra: Partial<Pick<OccurrenceRecord, 'allDay' | 'location'>> = {},
): OccurrenceRecord {
  const from = Date.parse(start);
  const to = Date.parse(end);
  return {
    id: occurrenceId(name as EventId, null),
    eventId: name as EventId,
    calendarId: 'cal' as CalendarId,
    start: from,
    end: to,
    duration: to - from,
    allDay: extra.allDay ?? false,
    floating: false,
    recurrenceId: null,
    summary: name,
    location: extra.location ?? '',
  };
}
