/**
 * One PROPFIND (Depth 0) on the collection, asking only what the caller will compare: a server may
 * compute each version over every item (Radicale 3.1, 5,000 items: ctag 0.12 s, token 0.18 s, the
 * capabilities 4 ms).
 *   'versions': ctag, sync token and capabilities (a calendar listed by etags, or its first check);
 *   'token': sync token and capabilities (a calendar synced by token);
 *   'capabilities': sync-collection support and privileges (a calendar never listed).
 */
import { AppError, ErrorKind } from '../../../../src/core/errors';
import { propfindCapabilitiesBody, propfindCollectionBody, propfindTokenBody } from './bodies';
import { collectionKey, normaliseHref } from './href';
import { findProp, propText, readMultistatus } from './multistatus';
import type { DavTransport } from './transport';
import { NS, childNamed, type XmlNode } from './xml';

export type CollectionStateScope = 'versions' | 'token' | 'capabilities';

const BODIES: Record<CollectionStateScope, string> = {
  versions: propfindCollectionBody,
  token: propfindTokenBody,
  capabilities: propfindCapabilitiesBody,
};

export interface CollectionState {
  readonly ctag: string | null;
  readonly syncToken: string | null;
  /** `supported-report-set` lists DAV:sync-collection (docs/sync-rules.md rule 10). */
  readonly supportsSyncCollection: boolean;
  /** From `current-user-privilege-set` (no write privilege → true); null when the server did not say. */
  readonly readOnly: boolean | null;
}

function listsSyncCollection(set: XmlNode | null): boolean {
  if (set === null) return false;
  // RFC 3253 wraps each report in DAV:report; Xandikos 0.2 puts it directly in supported-report.
  return set.children.some((supported) => {
    const report = childNamed(supported, NS.dav, 'report') ?? supported;
    return childNamed(report, NS.dav, 'sync-collection') !== null;
  });
}

const WRITE_PRIVILEGES = new Set(['write', 'write-content', 'bind', 'all']);

function isReadOnly(set: XmlNode | null): boolean | null {
  if (set === null) return null;
  return !set.children.some((privilege) =>
    privilege.children.some((p) => p.ns === NS.dav && WRITE_PRIVILEGES.has(p.local)),
  );
}

export function unexpectedStatus(what: string, status: number, url: string): AppError {
  if (status === 404 || status === 410) {
    return new AppError({
      kind: ErrorKind.notFound,
      message: `The calendar is gone from the server (${what}).`,
      retryable: false,
      detail: url,
    });
  }
  if (status === 403) {
    return new AppError({
      kind: ErrorKind.auth,
      message: `The server refused access (${what}).`,
      retryable: false,
      detail: url,
    });
  }
  return new AppError({
    kind: ErrorKind.server,
    message: `Unexpected answer ${status} (${what}).`,
    retryable: true,
    detail: url,
  });
}

export async function readCollectionState(
  transport: DavTransport,
  url: string,
  scope: CollectionStateScope = 'versions',
): Promise<CollectionState> {
  const reply = await transport.request({
    method: 'PROPFIND',
    url,
    headers: { Depth: '0' },
    body: BODIES[scope],
  });
  if (reply.status !== 207) throw unexpectedStatus('collection properties', reply.status, url);
  const multistatus = readMultistatus(reply.text);
  const own = collectionKey(url);
  const response =
    multistatus.responses.find((candidate) => collectionKey(normaliseHref(candidate.href, url)) === own) ??
    multistatus.responses[0];
  if (!response) throw unexpectedStatus('empty collection properties', reply.status, url);
  return {
    ctag: propText(response, NS.calendarServer, 'getctag'),
    syncToken: propText(response, NS.dav, 'sync-token'),
    supportsSyncCollection: listsSyncCollection(findProp(response, NS.dav, 'supported-report-set')),
    readOnly: isReadOnly(findProp(response, NS.dav, 'current-user-privilege-set')),
  };
}
