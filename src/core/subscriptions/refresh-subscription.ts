/**
 * One refresh of a subscribed calendar: a conditional GET; 304 → only the check time moves; 200 →
 * the events are replaced by UID and the new validators kept. A failure is recorded on the calendar
 * (shown beside it) and the events stay as they were. A feed that suddenly holds no event while the
 * calendar has some is treated as a failure too (a publisher's glitch or an error page served as
 * 200, as docs/sync-rules.md rule 5 treats an empty listing): nothing is deleted, and the validators are not
 * kept, so the next refresh looks again.
 */
import type { CoreContext } from '../context';
import type { AlmanacDb } from '../db/almanac-db';
import { isAppError } from '../errors';
import { readIcsFile } from '../import/read-ics-file';
import type { CalendarId } from '../model/ids';
import type { CalendarSubscription } from '../model/subscription';
import { fetchFeed } from './fetch-feed';
import { replaceFeedEvents, type FeedChanges } from './replace-feed-events';

export type RefreshOutcome =
  | { readonly status: 'not-modified' }
  | ({ readonly status: 'updated' } & FeedChanges)
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'gone' };

export interface RefreshDeps {
  readonly db: AlmanacDb;
  readonly fetch: typeof fetch;
  readonly ctx: CoreContext;
}

async function record(db: AlmanacDb, id: CalendarId, next: CalendarSubscription): Promise<void> {
  await db.calendars.update(id, { subscription: next });
}

export async function refreshSubscription(
  deps: RefreshDeps,
  calendarId: CalendarId,
): Promise<RefreshOutcome> {
  const { db, ctx } = deps;
  const calendar = await db.calendars.get(calendarId);
  const subscription = calendar?.subscription;
  if (!subscription) return { status: 'gone' };
  const checkedAt = ctx.now();
  try {
    const answer = await fetchFeed(deps.fetch, subscription.url, subscription);
    if (answer.status === 'not-modified') {
      await record(db, calendarId, { ...subscription, lastCheckedAt: checkedAt, lastError: null });
      return answer;
    }
    const content = readIcsFile(answer.ics);
    if (content.entries.length === 0) {
      const held = await db.events.where('calendarId').equals(calendarId).count();
      if (held > 0) {
        const message =
          `The feed came back with no events, so the ${held} already here were kept. ` +
          'If it really is empty now, remove this calendar.';
        await record(db, calendarId, { ...subscription, lastCheckedAt: checkedAt, lastError: message });
        return { status: 'failed', message };
      }
    }
    const changes = await db.transaction(
      'rw',
      [db.calendars, db.events, db.occurrences, db.meta],
      async () => {
        if (!(await db.calendars.get(calendarId))) return null;
        const applied = await replaceFeedEvents(db, calendarId, content.entries, ctx);
        await record(db, calendarId, {
          ...subscription,
          etag: answer.etag,
          lastModified: answer.lastModified,
          lastCheckedAt: checkedAt,
          lastError: null,
        });
        return applied;
      },
    );
    return changes === null ? { status: 'gone' } : { status: 'updated', ...changes };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!isAppError(error) && !(error instanceof TypeError)) throw error;
    if (await db.calendars.get(calendarId)) {
      await record(db, calendarId, { ...subscription, lastCheckedAt: checkedAt, lastError: message });
    }
    return { status: 'failed', message };
  }
}
