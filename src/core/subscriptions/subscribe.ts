/**
 * Subscribing: fetch the feed once for the preview (name, how many events, broken entries), then
 * create a read-only calendar in the local account holding its events and the validators of that
 * answer, so the first scheduled refresh can already be a 304.
 */
import type { CoreContext } from '../context';
import { createCalendar } from '../calendars/calendar-repo';
import { validCalendarName } from '../calendars/calendar-input';
import type { AlmanacDb } from '../db/almanac-db';
import { AppError, ErrorKind } from '../errors';
import { readIcsFile, type IcsFileContent } from '../import/read-ics-file';
import type { CalendarId } from '../model/ids';
import { DEFAULT_REFRESH_MINUTES, type CalendarSubscription } from '../model/subscription';
import { feedUrl } from './feed-url';
import { fetchFeed } from './fetch-feed';
import { replaceFeedEvents } from './replace-feed-events';

export interface FeedPreview {
  /** The https: address actually fetched. */
  readonly url: string;
  /** X-WR-CALNAME, else the host name. */
  readonly name: string;
  readonly content: IcsFileContent;
  readonly etag: string | null;
  readonly lastModified: string | null;
}

export async function previewFeed(fetchImpl: typeof fetch, address: string): Promise<FeedPreview> {
  const url = feedUrl(address);
  const answer = await fetchFeed(fetchImpl, url);
  if (answer.status !== 'ok') throw new Error('A first request cannot be answered 304');
  const content = readIcsFile(answer.ics);
  return {
    url,
    name: content.calendarName ?? new URL(url).hostname,
    content,
    etag: answer.etag,
    lastModified: answer.lastModified,
  };
}

export interface SubscribeInput {
  readonly preview: FeedPreview;
  readonly name: string;
  readonly color: string;
  readonly refreshMinutes?: number;
}

export async function subscribe(db: AlmanacDb, input: SubscribeInput, ctx: CoreContext): Promise<CalendarId> {
  const { preview } = input;
  const name = validCalendarName(input.name);
  const subscription: CalendarSubscription = {
    url: preview.url,
    etag: preview.etag,
    lastModified: preview.lastModified,
    refreshMinutes: input.refreshMinutes ?? DEFAULT_REFRESH_MINUTES,
    lastCheckedAt: ctx.now(),
    lastError: null,
  };
  return db.transaction('rw', [db.accounts, db.calendars, db.events, db.occurrences, db.meta], async () => {
    const calendars = await db.calendars.toArray();
    const same = calendars.find((calendar) => calendar.subscription?.url === preview.url);
    if (same) {
      throw new AppError({
        kind: ErrorKind.conflict,
        message: `Already subscribed to this calendar as “${same.name}”.`,
        retryable: false,
        detail: same.id,
      });
    }
    const id = await createCalendar(db, { name, color: input.color }, ctx);
    await db.calendars.update(id, { readOnly: true, subscription });
    await replaceFeedEvents(db, id, preview.content.entries, ctx);
    return id;
  });
}

/** Subscribed calendars, in sidebar order. */
export async function listSubscriptions(db: AlmanacDb) {
  const calendars = await db.calendars.orderBy('order').toArray();
  return calendars.filter((calendar) => calendar.subscription !== undefined);
}
