/**
 * Single-object requests, always conditional (docs/sync-rules.md rule 14): create with If-None-Match: *,
 * update and delete with If-Match. We never send a write without a condition (tsdav does when the
 * etag is falsy, rule 30). Outcomes are data; the engine decides what a 412 or a 404 means.
 */
import { cleanEtag } from './member-listing';
import { readMultistatus } from './multistatus';
import type { DavTransport } from './transport';
import { AppError, ErrorKind } from '../../../../src/core/errors';

export type WriteCondition = { readonly ifNoneMatch: '*' } | { readonly ifMatch: string };

export type WriteOutcome =
  | { readonly kind: 'ok'; readonly etag: string | null }
  | { readonly kind: 'precondition-failed' }
  | { readonly kind: 'gone' }
  | { readonly kind: 'forbidden'; readonly reason: string };

export type ReadOutcome =
  { readonly kind: 'ok'; readonly etag: string | null; readonly ics: string } | { readonly kind: 'gone' };

function conditionHeaders(condition: WriteCondition): Record<string, string> {
  return 'ifNoneMatch' in condition ? { 'If-None-Match': '*' } : { 'If-Match': condition.ifMatch };
}

/** Xandikos answers a refused PUT with 207 and the real status inside (rule 14). */
function innerStatus(text: string): number | null {
  try {
    const failed = readMultistatus(text).responses.find(
      (response) => response.status !== null && (response.status < 200 || response.status > 299),
    );
    return failed?.status ?? null;
  } catch {
    return null;
  }
}

function outcome(status: number, headers: Headers, text: string, what: string): WriteOutcome {
  if (status === 207) {
    const inner = innerStatus(text);
    if (inner !== null) return outcome(inner, headers, text, what);
  }
  if (status >= 200 && status <= 299) return { kind: 'ok', etag: cleanEtag(headers.get('etag')) };
  if (status === 412 || status === 409) return { kind: 'precondition-failed' };
  if (status === 404 || status === 410) return { kind: 'gone' };
  if (status === 403) return { kind: 'forbidden', reason: text.slice(0, 500) };
  throw new AppError({
    kind: ErrorKind.server,
    message: `Unexpected answer ${status} to ${what}.`,
    retryable: true,
  });
}

export async function putObject(
  transport: DavTransport,
  href: string,
  ics: string,
  condition: WriteCondition,
): Promise<WriteOutcome> {
  const reply = await transport.request({
    method: 'PUT',
    url: href,
    headers: { 'Content-Type': 'text/calendar; charset=utf-8', ...conditionHeaders(condition) },
    body: ics,
  });
  return outcome(reply.status, reply.headers, reply.text, 'PUT');
}

export async function deleteObject(
  transport: DavTransport,
  href: string,
  etag: string,
): Promise<WriteOutcome> {
  const reply = await transport.request({ method: 'DELETE', url: href, headers: { 'If-Match': etag } });
  return outcome(reply.status, reply.headers, reply.text, 'DELETE');
}

export async function getObject(transport: DavTransport, href: string): Promise<ReadOutcome> {
  const reply = await transport.request({ method: 'GET', url: href, headers: { Accept: 'text/calendar' } });
  if (reply.status === 404 || reply.status === 410) return { kind: 'gone' };
  if (reply.status !== 200) {
    throw new AppError({
      kind: ErrorKind.server,
      message: `Unexpected answer ${reply.status} to GET.`,
      retryable: true,
      detail: href,
    });
  }
  return { kind: 'ok', etag: cleanEtag(reply.headers.get('etag')), ics: reply.text };
}
