import type { CoreContext } from '../context';
import type { AlmanacDb } from '../db/almanac-db';
import { AppError, ErrorKind } from '../errors';
import type { Calendar } from '../model/calendar';
import { LOCAL_ACCOUNT_ID, newCalendarId, type AccountId, type CalendarId } from '../model/ids';
import { validCalendarColor, validCalendarName } from './calendar-input';
import { calendarTables, removeCalendarRows } from './calendar-removal';
import { localAccount } from './local-account';

export interface NewCalendar {
  readonly name: string;
  readonly color: string;
  /** Defaults to the local account. */
  readonly accountId?: AccountId;
}

export interface CalendarPatch {
  readonly name?: string;
  readonly color?: string;
  readonly visible?: boolean | 0 | 1;
}

function notFound(what: string): AppError {
  return new AppError({ kind: ErrorKind.notFound, message: `${what} was not found.`, retryable: false });
}

/** All calendars in sidebar order. */
export async function listCalendars(db: AlmanacDb): Promise<Calendar[]> {
  return db.calendars.orderBy('order').toArray();
}

/** Ids of the calendars shown in the agenda and the dashboard, in sidebar order. */
export async function visibleCalendarIds(db: AlmanacDb): Promise<CalendarId[]> {
  const calendars = await listCalendars(db);
  return calendars.filter((calendar) => calendar.visible === 1).map((calendar) => calendar.id);
}

export async function getCalendar(db: AlmanacDb, id: CalendarId): Promise<Calendar | undefined> {
  return db.calendars.get(id);
}

export async function createCalendar(
  db: AlmanacDb,
  input: NewCalendar,
  ctx: CoreContext,
): Promise<CalendarId> {
  const name = validCalendarName(input.name);
  const color = validCalendarColor(input.color);
  const accountId = input.accountId ?? LOCAL_ACCOUNT_ID;
  return db.transaction('rw', db.accounts, db.calendars, async () => {
    if (accountId === LOCAL_ACCOUNT_ID) {
      if (!(await db.accounts.get(accountId))) await db.accounts.add(localAccount(ctx.now()));
    } else if (!(await db.accounts.get(accountId))) {
      throw notFound('The account');
    }
    const last = await db.calendars.orderBy('order').last();
    const id = newCalendarId();
    await db.calendars.add({
      id,
      accountId,
      name,
      color,
      visible: 1,
      order: last ? last.order + 1 : 0,
      readOnly: false,
      remoteUrl: null,
      createdAt: ctx.now(),
    });
    return id;
  });
}

export async function updateCalendar(db: AlmanacDb, id: CalendarId, patch: CalendarPatch): Promise<void> {
  const changes: Partial<Pick<Calendar, 'name' | 'color' | 'visible' | 'builtInName'>> = {};
  const name = patch.name === undefined ? undefined : validCalendarName(patch.name);
  if (patch.color !== undefined) changes.color = validCalendarColor(patch.color);
  if (patch.visible !== undefined) changes.visible = patch.visible === true || patch.visible === 1 ? 1 : 0;
  await db.transaction('rw', db.calendars, async () => {
    const current = await db.calendars.get(id);
    if (!current) throw notFound('The calendar');
    if (name !== undefined && name !== current.name) {
      changes.name = name;
      // Renamed by the user: the built-in calendar's name no longer follows the language (Dexie
      // deletes a property updated to undefined).
      if (current.builtInName === true) Object.assign(changes, { builtInName: undefined });
    }
    await db.calendars.update(id, changes);
  });
}

/** Deletes a calendar with its events, occurrences, outbox entries and sync state, in one transaction. */
/** Deletes the calendar and everything kept under it (calendar-removal.ts). */
export async function deleteCalendar(db: AlmanacDb, id: CalendarId): Promise<void> {
  await db.transaction('rw', calendarTables(db), () => removeCalendarRows(db, id));
}

export async function countEvents(db: AlmanacDb, calendarId: CalendarId): Promise<number> {
  return db.events.where('calendarId').equals(calendarId).count();
}
