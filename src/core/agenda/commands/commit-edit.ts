import type { CoreContext } from '../../context';
import type { AlmanacDb } from '../../db/almanac-db';
import { putEvent } from '../../events/event-store';
import type { EditScope, EventDraft } from '../../ical/event-draft';
import { applyEdit } from '../../ical/recurring-edit';
import type { EventRecord } from '../../model/event';
import type { CalendarId, EventId } from '../../model/ids';
import { invalidInput, newUid, writableCalendar, type CalendarAccess } from './command-support';
import { queueCreate, queueUpdate, removeEventWithOutbox } from './outbox-writes';

export interface EditRequest {
  readonly draft: EventDraft;
  readonly scope: EditScope;
  readonly recurrenceId: string | null;
  /** Where the event (or, for `following`, the new series) should live. */
  readonly calendarId: CalendarId;
}

/** The scope and recurrence id actually used: a single event is always edited as a whole. */
export function effectiveScope(
  event: EventRecord,
  scope: EditScope,
  recurrenceId: string | null,
): { scope: EditScope; recurrenceId: string | null } {
  if (!event.recurring) return { scope: 'all', recurrenceId: null };
  if (scope !== 'all' && recurrenceId === null) {
    throw invalidInput('Editing part of a series needs the occurrence it starts from.', 'recurrenceId');
  }
  return { scope, recurrenceId };
}

/**
 * Applies an edit to a stored event inside the caller's transaction: rewrites its text, re-expands
 * it, stores the split-off series of a `following` edit as a second event, moves it to another
 * calendar (as a delete there and a create here) and queues what must reach a server.
 * Returns the id the edited event has afterwards.
 */
export async function commitEdit(
  db: AlmanacDb,
  event: EventRecord,
  source: CalendarAccess,
  request: EditRequest,
  ctx: CoreContext,
): Promise<EventId> {
  const { scope, recurrenceId } = effectiveScope(event, request.scope, request.recurrenceId);
  const moving = request.calendarId !== event.calendarId;
  if (moving && scope === 'this') {
    throw invalidInput('One occurrence of a series cannot move to another calendar.', 'calendarId');
  }
  const target = moving ? await writableCalendar(db, request.calendarId) : source;
  const now = ctx.now();
  const result = applyEdit(event.ics, { draft: request.draft, scope, recurrenceId, now, newUid: newUid() });

  let id = event.id;
  if (moving && scope === 'all') {
    await removeEventWithOutbox(db, event, source.remote, now);
    id = await putEvent(db, { calendarId: request.calendarId, ics: result.ics }, ctx);
    if (target.remote) await queueCreate(db, id, now);
  } else {
    await putEvent(db, { id: event.id, calendarId: event.calendarId, ics: result.ics }, ctx);
    if (source.remote) await queueUpdate(db, event, now);
  }
  if (result.split !== null) {
    const splitId = await putEvent(db, { calendarId: request.calendarId, ics: result.split }, ctx);
    if (target.remote) await queueCreate(db, splitId, now);
  }
  return id;
}
