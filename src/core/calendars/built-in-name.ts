import type { AlmanacDb } from '../db/almanac-db';
import { validCalendarName } from './calendar-input';

/**
 * Gives the built-in calendar the name of the UI's language ("Personal" → "Personnel") while the user
 * has not renamed it: only calendars marked `builtInName` (set when Almanac created it, removed by a
 * rename) change; names are never compared. Returns how many were renamed.
 */
export async function nameBuiltInCalendars(db: AlmanacDb, localizedName: string): Promise<number> {
  const name = validCalendarName(localizedName);
  return db.transaction('rw', db.calendars, async () => {
    const marked = await db.calendars.filter((calendar) => calendar.builtInName === true).toArray();
    const stale = marked.filter((calendar) => calendar.name !== name);
    for (const calendar of stale) await db.calendars.update(calendar.id, { name });
    return stale.length;
  });
}
