/** The subscribe screen's data functions: preview, subscribe, refresh now, and errors in words. */
import { toAppErrorData } from '../../core/errors';
import type { CalendarId } from '../../core/model/ids';
import { refreshSubscription, type RefreshOutcome } from '../../core/subscriptions/refresh-subscription';
import { previewFeed, subscribe, type FeedPreview } from '../../core/subscriptions/subscribe';
import { db, pageContext } from '../../lib/db';
import type { Params } from '../../lib/i18n/locale';
import { proxyRefusalWords } from '../../lib/proxy-refusal-words';
import { feedFetch } from './feed-fetch';
import type { SubscribeMessageKey } from './subscribe-messages';

export function fetchPreview(address: string): Promise<FeedPreview> {
  return previewFeed(feedFetch, address);
}

export function addSubscription(preview: FeedPreview, name: string, color: string): Promise<CalendarId> {
  return subscribe(db, { preview, name, color }, pageContext());
}

export function refreshNow(calendarId: CalendarId): Promise<RefreshOutcome> {
  return refreshSubscription({ db, fetch: feedFetch, ctx: pageContext() }, calendarId);
}

/** A failed preview in the user's words; a proxy refusal names the setting to change. */
export function feedErrorMessage(error: unknown): { key: SubscribeMessageKey; params: Params } {
  const data = toAppErrorData(error);
  if (data.proxyRefusal)
    return { key: 'proxyRefused', params: { action: proxyRefusalWords(data.proxyRefusal) } };
  switch (data.kind) {
    case 'invalid-input':
      return { key: 'invalidAddress', params: {} };
    case 'host-not-allowed':
      return { key: 'hostNotAllowed', params: {} };
    case 'not-found':
      return { key: 'notFound', params: {} };
    case 'malformed-ics':
      return { key: 'notCalendar', params: {} };
    case 'conflict':
      return { key: 'alreadySubscribed', params: {} };
    case 'network':
    case 'server-not-found':
      return { key: 'network', params: {} };
    default:
      return { key: 'failed', params: { message: data.message } };
  }
}
