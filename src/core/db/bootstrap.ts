import { localAccount } from '../calendars/local-account';
import { validCalendarName } from '../calendars/calendar-input';
import type { CoreContext } from '../context';
import { CALENDAR_PALETTE } from '../model/calendar';
import { LOCAL_ACCOUNT_ID, newCalendarId } from '../model/ids';
import type { AlmanacDb } from './almanac-db';

export interface DefaultLabels {
  /** The first calendar's name in the user's language ("Personal"). */
  readonly personalCalendarName: string;
}

/**
 * Creates the local account and, when there is no calendar at all, a "Personal" one. Idempotent and
 * safe when two tabs call it at once: one read-write transaction re-checks inside (IndexedDB runs
 * overlapping read-write transactions one after the other).
 */
export async function ensureDefaults(db: AlmanacDb, ctx: CoreContext, labels: DefaultLabels): Promise<void> {
  const name = validCalendarName(labels.personalCalendarName);
  await db.transaction('rw', db.accounts, db.calendars, async () => {
    const now = ctx.now();
    if (!(await db.accounts.get(LOCAL_ACCOUNT_ID))) await db.accounts.add(localAccount(now));
    if ((await db.calendars.count()) > 0) return;
    await db.calendars.add({
      id: newCalendarId(),
      accountId: LOCAL_ACCOUNT_ID,
      name,
      color: CALENDAR_PALETTE[0],
      visible: 1,
      order: 0,
      readOnly: false,
      remoteUrl: null,
      createdAt: now,
      builtInName: true,
    });
  });
}
