import type { CoreContext } from '../../context';
import type { AlmanacDb } from '../../db/almanac-db';
import { draftFromIcs } from '../../ical/draft-from-ics';
import { FLOATING, type EditScope, type EventTiming } from '../../ical/event-draft';
import type { EventId } from '../../model/ids';
import { assertValidDraft, commandTables, loadEvent, writableCalendar } from './command-support';
import { commitEdit, effectiveScope } from './commit-edit';
import { addDays, dateInZone, wallClockInZone } from './zone-clock';

export interface MoveOccurrenceInput {
  readonly eventId: EventId;
  readonly recurrenceId: string | null;
  /** New start and (exclusive) end, epoch ms; for all-day, midnights in the viewer's zone. */
  readonly start: number;
  readonly end: number;
  readonly allDay: boolean;
  readonly scope: EditScope;
}

/**
 * The timing after a drag or resize. Timed events keep their zone (floating ones stay floating, read
 * on the viewer's wall clock); an all-day event dropped on a time slot takes the viewer's zone.
 */
export function movedTiming(
  previous: EventTiming,
  move: Pick<MoveOccurrenceInput, 'start' | 'end' | 'allDay'>,
  viewerZone: string,
): EventTiming {
  if (move.allDay) {
    const startDate = dateInZone(move.start, viewerZone);
    const lastDay = addDays(dateInZone(move.end, viewerZone), -1);
    return { allDay: true, startDate, endDate: lastDay < startDate ? startDate : lastDay };
  }
  const timeZone = previous.allDay ? viewerZone : previous.timeZone;
  const clockZone = timeZone === FLOATING ? viewerZone : timeZone;
  return {
    allDay: false,
    start: wallClockInZone(move.start, clockZone),
    end: wallClockInZone(move.end, clockZone),
    timeZone,
  };
}

/** Drag or resize from the agenda: the occurrence's draft with new times, applied like an edit. */
export async function moveOccurrence(
  db: AlmanacDb,
  input: MoveOccurrenceInput,
  ctx: CoreContext,
): Promise<void> {
  await db.transaction('rw', commandTables(db), async () => {
    const event = await loadEvent(db, input.eventId);
    const source = await writableCalendar(db, event.calendarId);
    const { scope, recurrenceId } = effectiveScope(event, input.scope, input.recurrenceId);
    const previous = draftFromIcs(event.ics, recurrenceId, ctx.viewerZone);
    const draft = { ...previous, timing: movedTiming(previous.timing, input, ctx.viewerZone) };
    assertValidDraft(draft);
    await commitEdit(db, event, source, { draft, scope, recurrenceId, calendarId: event.calendarId }, ctx);
  });
}
