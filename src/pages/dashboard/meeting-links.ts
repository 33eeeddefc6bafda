/**
 * The meeting links of a few occurrences, read from their events' text (src/core/meetings). Loaded on
 * demand by upcoming-meetings.ts: it brings ical.js, which the dashboard does not load otherwise.
 */
import { meetingLink, type MeetingLink } from '../../core/meetings/meeting-link';
import type { EventId, OccurrenceId } from '../../core/model/ids';
import type { OccurrenceRecord } from '../../core/model/occurrence';
import { db } from '../../lib/db';

export async function meetingLinksFor(
  occurrences: readonly OccurrenceRecord[],
): Promise<Map<OccurrenceId, MeetingLink>> {
  const ids = [...new Set(occurrences.map((occurrence) => occurrence.eventId))];
  const events = await db.events.bulkGet(ids);
  const texts = new Map<EventId, string>();
  for (const event of events) if (event) texts.set(event.id, event.ics);
  const links = new Map<OccurrenceId, MeetingLink>();
  for (const occurrence of occurrences) {
    const ics = texts.get(occurrence.eventId);
    if (ics === undefined) continue;
    try {
      const link = meetingLink({ ics }, occurrence.recurrenceId);
      if (link) links.set(occurrence.id, link);
    } catch {
      // Text that no longer reads as an event shows without "Join"; the agenda says what is wrong with it.
    }
  }
  return links;
}
