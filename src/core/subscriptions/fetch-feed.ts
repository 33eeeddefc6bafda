/**
 * One conditional GET of a feed with the injected `fetch` (on the page: through the CORS proxy).
 * The validators of the last answer go back as If-None-Match / If-Modified-Since, so an unchanged
 * feed answers 304 with no body and costs nothing. Failures are AppErrors with a kind.
 */
import { AppError, ErrorKind, type ErrorKind as Kind } from '../errors';
import { ProxyRefusalKind, readProxyRefusal, targetRefusalKinds } from '../proxy-refusal';
import { decodeIcalBytes } from '../ical/decode-ical-bytes';

export interface FeedValidators {
  readonly etag: string | null;
  readonly lastModified: string | null;
}

export type FeedAnswer =
  | { readonly status: 'not-modified' }
  | {
      readonly status: 'ok';
      readonly ics: string;
      readonly etag: string | null;
      readonly lastModified: string | null;
    };

function failure(kind: Kind, message: string, retryable: boolean, detail?: string): AppError {
  return new AppError({ kind, message, retryable, ...(detail !== undefined ? { detail } : {}) });
}

/** The proxy's refusal (src/core/proxy-refusal.ts) travels with the error, for words naming the setting. */
async function proxyFailure(response: Response, header: string): Promise<AppError> {
  const body = await response.text().catch(() => '');
  const proxyRefusal = readProxyRefusal(header, response.headers.get('content-type'), body);
  if (proxyRefusal === null) return failure(ErrorKind.network, `The proxy refused: ${header}`, true, header);
  const { kind } = proxyRefusal;
  const [errorKind, fallback, retryable]: [Kind, string, boolean] = targetRefusalKinds.has(kind)
    ? [ErrorKind.hostNotAllowed, 'The proxy may not reach this server.', false]
    : kind === ProxyRefusalKind.dnsFailed || kind === ProxyRefusalKind.upstreamUnreachable
      ? [ErrorKind.serverNotFound, 'No server answers at this address.', true]
      : [ErrorKind.network, `The proxy refused: ${kind}`, true];
  const message = proxyRefusal.reason || fallback;
  return new AppError({ kind: errorKind, message, retryable, detail: kind, proxyRefusal });
}

async function refusal(response: Response): Promise<AppError> {
  const proxyError = response.headers.get('x-proxy-error');
  if (proxyError !== null) return proxyFailure(response, proxyError);
  const status = String(response.status);
  if (response.status === 401 || response.status === 403) {
    return failure(ErrorKind.auth, 'The server refuses to share this calendar.', false, status);
  }
  if (response.status === 404 || response.status === 410) {
    return failure(ErrorKind.notFound, 'There is no calendar at this address.', false, status);
  }
  return failure(ErrorKind.server, `The server answered ${status}.`, response.status >= 500, status);
}

export async function fetchFeed(
  fetchImpl: typeof fetch,
  url: string,
  validators: FeedValidators = { etag: null, lastModified: null },
): Promise<FeedAnswer> {
  const headers: Record<string, string> = { Accept: 'text/calendar, */*;q=0.5' };
  if (validators.etag !== null) headers['If-None-Match'] = validators.etag;
  if (validators.lastModified !== null) headers['If-Modified-Since'] = validators.lastModified;
  let response: Response;
  try {
    response = await fetchImpl(url, { method: 'GET', headers });
  } catch (cause) {
    throw new AppError(
      { kind: ErrorKind.network, message: 'The calendar could not be reached.', retryable: true },
      { cause },
    );
  }
  if (response.status === 304) return { status: 'not-modified' };
  if (!response.ok) throw await refusal(response);
  // Bytes, not response.text(): a line fold inside a UTF-8 character is mended before decoding.
  const ics = decodeIcalBytes(new Uint8Array(await response.arrayBuffer()));
  if (!/BEGIN:VCALENDAR/i.test(ics.slice(0, 2048))) {
    throw failure(ErrorKind.malformedIcs, 'This address does not give a calendar (.ics).', false);
  }
  return {
    status: 'ok',
    ics,
    etag: response.headers.get('etag'),
    lastModified: response.headers.get('last-modified'),
  };
}
