/**
 * The calendars a user picked when adding an account, whatever its kind (CalDAV, Microsoft 365): each
 * stored once (by URL), after the calendars already in the sidebar, with the server's colour or else
 * the palette's next one.
 */
import { validCalendarName } from '../calendars/calendar-input';
import type { AlmanacDb } from '../db/almanac-db';
import { CALENDAR_PALETTE, type Calendar } from '../model/calendar';
import { newCalendarId, type AccountId } from '../model/ids';
import type { DiscoveredCalendar } from '../sync/sync-api';
import { normaliseServerColor, validServerUrl } from './account-input';

export function remoteCalendar(
  accountId: AccountId,
  found: DiscoveredCalendar,
  order: number,
  fallbackColor: string,
  now: number,
): Calendar {
  return {
    id: newCalendarId(),
    accountId,
    name: validCalendarName(found.name.trim() === '' ? found.url : found.name),
    color: normaliseServerColor(found.color) ?? fallbackColor,
    visible: 1,
    order,
    readOnly: found.readOnly,
    remoteUrl: validServerUrl(found.url),
    createdAt: now,
  };
}

/**
 * Adds the picked calendars of a new account. Call it inside the transaction that adds the account
 * (with `db.calendars` in its scope): a calendar that fails validation aborts that transaction, so the
 * account and its calendars are stored together or not at all.
 */
export async function addChosenCalendars(
  db: AlmanacDb,
  accountId: AccountId,
  picked: readonly DiscoveredCalendar[],
  now: number,
): Promise<void> {
  const urls = new Set<string>();
  const chosen = picked.filter((calendar) => !urls.has(calendar.url) && urls.add(calendar.url));
  const colorBase = await db.calendars.count();
  const last = await db.calendars.orderBy('order').last();
  const firstOrder = last ? last.order + 1 : 0;
  await db.calendars.bulkAdd(
    chosen.map((found, index) =>
      remoteCalendar(
        accountId,
        found,
        firstOrder + index,
        CALENDAR_PALETTE[(colorBase + index) % CALENDAR_PALETTE.length] ?? CALENDAR_PALETTE[0],
        now,
      ),
    ),
  );
}
