/**
 * The complete member list of a collection (PROPFIND Depth 1: hrefs + etags), for servers without
 * sync-collection and for reconciling re-lists (docs/sync-rules.md rules 10, 11). Never time-ranged.
 */
import { propfindMembersBody } from './bodies';
import { unexpectedStatus } from './collection-state';
import { collectionKey, normaliseHref } from './href';
import { findProp, propText, readMultistatus, type DavResponse } from './multistatus';
import type { DavTransport } from './transport';
import { NS, childNamed } from './xml';

/** Normalised href → etag (null when the server gave none). */
export type MemberEtags = Map<string, string | null>;

export function isSubCollection(response: DavResponse): boolean {
  const type = findProp(response, NS.dav, 'resourcetype');
  return type !== null && childNamed(type, NS.dav, 'collection') !== null;
}

/** A usable etag: strong, non-empty, never the string "undefined" (rule 30). */
export function cleanEtag(etag: string | null | undefined): string | null {
  if (etag === null || etag === undefined) return null;
  const trimmed = etag.trim();
  if (trimmed === '' || trimmed === 'undefined' || trimmed.startsWith('W/')) return null;
  return trimmed;
}

export async function listMembers(transport: DavTransport, url: string): Promise<MemberEtags> {
  const reply = await transport.request({
    method: 'PROPFIND',
    url,
    headers: { Depth: '1' },
    body: propfindMembersBody,
  });
  if (reply.status !== 207) throw unexpectedStatus('member listing', reply.status, url);
  const own = collectionKey(url);
  const members: MemberEtags = new Map();
  for (const response of readMultistatus(reply.text).responses) {
    const href = normaliseHref(response.href, url);
    if (collectionKey(href) === own || isSubCollection(response)) continue;
    if (response.status !== null && (response.status < 200 || response.status > 299)) continue;
    members.set(href, cleanEtag(propText(response, NS.dav, 'getetag')));
  }
  return members;
}
