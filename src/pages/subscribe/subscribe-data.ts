/** The subscribe screen's data functions: preview, subscribe, refresh now, and errors in words. */
import { ErrorKind, toAppErrorData } from '../../core/errors';
import { ProxyRefusalKind } from '../../core/proxy-refusal';
import type { CalendarId } from '../../core/model/ids';
import { refreshSubscription, type RefreshOutcome } from '../../core/subscriptions/refresh-subscription';
import { previewFeed, subscribe, type FeedPreview } from '../../core/subscriptions/subscribe';
import { db, pageContext } from '../../lib/db';
import type { Params } from '../../lib/i18n/locale';
import { proxyRefusalWords } from '../../lib/proxy-refusal-words';
import { feedFetch } from './feed-fetch';
import type { SubscribeMessageKey } from './subscribe-messages';

/**
 * The http: address to try when a `webcal://` link could not be fetched over https (nothing answers
 * TLS there: the connection failed or the proxy could not reach it); null for anything else, and for
 * `webcals://`, https: and http: addresses, which say how to fetch them.
 */
export function httpFallback(address: string, error: unknown): string | null {
  const trimmed = address.trim();
  if (!/^webcal:\/\//i.test(trimmed)) return null;
  const data = toAppErrorData(error);
  const unreachable = data.proxyRefusal
    ? data.proxyRefusal.kind === ProxyRefusalKind.upstreamUnreachable ||
      data.proxyRefusal.kind === ProxyRefusalKind.upstreamTimeout
    : data.kind === ErrorKind.network;
  return unreachable ? `http://${trimmed.slice('webcal://'.length)}` : null;
}

/** Whether a feed is fetched without encryption: the subscribe screen warns before subscribing. */
export const isInsecureFeed = (preview: Pick<FeedPreview, 'url'>): boolean => preview.url.startsWith('http:');

/**
 * A feed's preview. A `webcal:` link is tried over https first and, when no server answers there, over
 * http (the preview's http: URL makes the screen warn that the feed is not encrypted).
 */
export async function fetchPreview(address: string): Promise<FeedPreview> {
  try {
    return await previewFeed(feedFetch, address);
  } catch (error) {
    const fallback = httpFallback(address, error);
    if (fallback === null) throw error;
    return previewFeed(feedFetch, fallback);
  }
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
    case 'auth':
      return { key: 'refused', params: {} };
    case 'server':
      return { key: 'serverProblem', params: {} };
    default:
      return { key: 'failed', params: { message: data.message } };
  }
}
