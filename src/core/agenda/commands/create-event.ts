import type { CoreContext } from '../../context';
import type { AlmanacDb } from '../../db/almanac-db';
import { putEvent } from '../../events/event-store';
import { createEventIcs } from '../../ical/compose';
import type { EventDraft } from '../../ical/event-draft';
import type { CalendarId, EventId } from '../../model/ids';
import { assertValidDraft, commandTables, newUid, writableCalendar } from './command-support';
import { queueCreate } from './outbox-writes';

export interface CreateEventInput {
  readonly calendarId: CalendarId;
  readonly draft: EventDraft;
}

/** Creates an event from the editor's draft (and queues it for the server of a synced calendar). */
export async function createEvent(
  db: AlmanacDb,
  input: CreateEventInput,
  ctx: CoreContext,
): Promise<EventId> {
  assertValidDraft(input.draft);
  const ics = createEventIcs(input.draft, { uid: newUid(), now: ctx.now() });
  return db.transaction('rw', commandTables(db), async () => {
    const { remote } = await writableCalendar(db, input.calendarId);
    const id = await putEvent(db, { calendarId: input.calendarId, ics }, ctx);
    if (remote) await queueCreate(db, id, ctx.now());
    return id;
  });
}
