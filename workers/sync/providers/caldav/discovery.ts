/**
 * Finds the calendars of a CalDAV account (issue 3) with tsdav: well-known → principal → calendar home
 * → calendars with name, Apple colour, privileges (read-only) and supported reports (sync-collection).
 *
 * tsdav turns HTTP failures into bare Errors ("cannot find principalUrl") or swallows them (well-known),
 * so every answer passes through `observe`, which keeps the last one and stops discovery at once on an
 * answer that decides the outcome (401/403, proxy refusal, 5xx, no connection); that answer is then
 * told apart in src/core/accounts/discovery-failure.ts. Stores nothing.
 */
import { fetchCalendars, fetchHomeUrl, fetchPrincipalUrl, serviceDiscovery, type DAVAccount } from 'tsdav';
import { validPassword, validServerUrl, validUsername } from '../../../../src/core/accounts/account-input';
import {
  allowsWrite,
  holdsEvents,
  propertyText,
  supportsSyncCollection,
} from '../../../../src/core/accounts/collection-properties';
import {
  decisiveFailure,
  notCalDavFailure,
  unreachableFailure,
  type ObservedReply,
} from '../../../../src/core/accounts/discovery-failure';
import { presetForUrl } from '../../../../src/core/accounts/provider-presets';
import { isAppError } from '../../../../src/core/errors';
import { readProxyRefusal } from '../../../../src/core/proxy-refusal';
import type { CalDavLogin, DiscoveredCalendar, DiscoveryResult } from '../../../../src/core/sync/sync-api';
import { base64Utf8 } from './transport';

export interface DiscoveryDeps {
  /** Reaches servers: the proxied fetch in the app, plain fetch or the proxied one in tests. */
  readonly fetch: typeof fetch;
}

const BODY_START = 2048;

interface Observer {
  readonly fetch: typeof fetch;
  last(): ObservedReply | null;
}

function requestUrl(input: RequestInfo | URL): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

async function observedReply(url: string, response: Response): Promise<ObservedReply> {
  const contentType = response.headers.get('content-type');
  const bodyStart = response.ok ? '' : (await response.clone().text()).slice(0, BODY_START);
  return {
    url,
    status: response.status,
    contentType,
    wwwAuthenticate: response.headers.get('www-authenticate'),
    proxyRefusal: readProxyRefusal(response.headers.get('x-proxy-error'), contentType, bodyStart),
    bodyStart,
  };
}

/**
 * The proxy follows redirects itself and says where it ended (`X-Proxy-Final-Url`). tsdav's well-known
 * step asks for `redirect: 'manual'` and reads `Location`, so such an answer is shown to it as the
 * redirect it was.
 */
function asRedirect(url: string, init: RequestInit | undefined, response: Response): Response | null {
  const finalUrl = response.headers.get('x-proxy-final-url');
  if (init?.redirect !== 'manual' || finalUrl === null || finalUrl === url) return null;
  return new Response(null, { status: 302, headers: { Location: finalUrl } });
}

function observe(fetchImpl: typeof fetch, requiresAppPassword: boolean): Observer {
  let last: ObservedReply | null = null;
  const observed: typeof fetch = async (input, init) => {
    const url = requestUrl(input);
    let response: Response;
    try {
      response = await fetchImpl(input, init);
    } catch (error) {
      // fetch rejects with a TypeError when no connection could be made (DNS, refused, TLS).
      if (error instanceof TypeError) throw unreachableFailure(url);
      throw error;
    }
    last = await observedReply(url, response);
    const failure = decisiveFailure(last, { requiresAppPassword });
    if (failure) throw failure;
    return asRedirect(url, init, response) ?? response;
  };
  return { fetch: observed, last: () => last };
}

/** Runs one tsdav step; a bare tsdav Error becomes "not CalDAV" explained by the last answer. */
async function step<T>(name: string, observer: Observer, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isAppError(error)) throw error;
    throw notCalDavFailure(observer.last(), name);
  }
}

const CALENDAR_PROPS = {
  'd:displayname': {},
  'd:resourcetype': {},
  'd:current-user-privilege-set': {},
  'ca:calendar-color': {},
  'cs:getctag': {},
  'c:supported-calendar-component-set': {},
};

function toDiscovered(calendar: Awaited<ReturnType<typeof fetchCalendars>>[number]): DiscoveredCalendar {
  const name = propertyText(calendar.displayName)?.trim() ?? '';
  return {
    url: calendar.url,
    name: name === '' ? decodeURIComponent(calendar.url.replace(/\/+$/, '').split('/').pop() ?? '') : name,
    color: propertyText(calendar.calendarColor),
    readOnly: !allowsWrite(calendar.projectedProps?.currentUserPrivilegeSet),
    // tsdav types `reports` as any[]: read it as unknown.
    supportsSyncCollection: supportsSyncCollection(calendar.reports as unknown),
  };
}

export async function discoverCalDav(login: CalDavLogin, deps: DiscoveryDeps): Promise<DiscoveryResult> {
  const serverUrl = validServerUrl(login.serverUrl);
  const username = validUsername(login.username);
  const password = validPassword(login.password);
  const observer = observe(deps.fetch, presetForUrl(serverUrl).requiresAppPassword);
  const headers = { Authorization: `Basic ${base64Utf8(`${username}:${password}`)}` };
  const common = { headers, fetch: observer.fetch };
  // Credentials travel only in the Authorization header, never inside tsdav's account object.
  const account: DAVAccount = { accountType: 'caldav', serverUrl };

  account.rootUrl = await step('well-known', observer, () => serviceDiscovery({ account, ...common }));
  account.principalUrl = await step('principal', observer, () => fetchPrincipalUrl({ account, ...common }));
  account.homeUrl = await step('calendar home', observer, () => fetchHomeUrl({ account, ...common }));
  const collections = await step('calendars', observer, () =>
    fetchCalendars({
      account,
      props: CALENDAR_PROPS,
      projectedProps: { currentUserPrivilegeSet: true },
      ...common,
    }),
  );
  const calendars = collections.filter((collection) => holdsEvents(collection.components)).map(toDiscovered);
  return { serverUrl: account.homeUrl, calendars };
}
