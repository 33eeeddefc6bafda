/**
 * RFC 6578 sync-collection driven with OUR stored token (docs/sync-rules.md rule 28), statuses checked
 * ourselves (rule 27), 507 truncation followed until complete and a missing token an error (rule 12).
 */
import { AppError, ErrorKind } from '../../../../src/core/errors';
import { syncCollectionBody } from './bodies';
import { unexpectedStatus } from './collection-state';
import { collectionKey, normaliseHref } from './href';
import { cleanEtag, isSubCollection } from './member-listing';
import { propText, readMultistatus } from './multistatus';
import type { DavTransport } from './transport';
import { NS } from './xml';

export interface SyncDelta {
  readonly kind: 'delta';
  /** Normalised href → etag for members added or changed since the token. */
  readonly changed: Map<string, string | null>;
  /** Normalised hrefs of members removed since the token (response-level 404). */
  readonly removed: Set<string>;
  readonly token: string;
  /** Pages requested (more than one when the server truncated with 507). */
  readonly pages: number;
}

/**
 * The token was refused (403/409 valid-sync-token, also 400/415/418 in the field, and 500 from
 * Xandikos 0.2): re-list. A re-list is always correct, so an unclear refusal costs time, never data.
 */
export interface InvalidToken {
  readonly kind: 'invalid-token';
  readonly status: number;
}

const INVALID_TOKEN_STATUSES = [400, 403, 409, 412, 415, 418, 500];
const MAX_PAGES = 10_000;

export async function syncCollection(
  transport: DavTransport,
  url: string,
  token: string | null,
): Promise<SyncDelta | InvalidToken> {
  const own = collectionKey(url);
  const changed = new Map<string, string | null>();
  const removed = new Set<string>();
  let current = token;
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const reply = await transport.request({
      method: 'REPORT',
      url,
      headers: { Depth: '1' },
      body: syncCollectionBody(current),
      ...(current !== null ? { passStatuses: INVALID_TOKEN_STATUSES } : {}),
    });
    if (INVALID_TOKEN_STATUSES.includes(reply.status) && current !== null)
      return { kind: 'invalid-token', status: reply.status };
    if (reply.status !== 207) throw unexpectedStatus('sync-collection', reply.status, url);
    const multistatus = readMultistatus(reply.text);
    let truncated = false;
    for (const response of multistatus.responses) {
      const href = normaliseHref(response.href, url);
      if (collectionKey(href) === own) {
        truncated ||= response.status === 507;
        continue;
      }
      if (response.status === 404 || response.status === 410) {
        changed.delete(href);
        removed.add(href);
      } else if (!isSubCollection(response)) {
        removed.delete(href);
        changed.set(href, cleanEtag(propText(response, NS.dav, 'getetag')));
      }
    }
    if (multistatus.syncToken === null || multistatus.syncToken === '') {
      throw new AppError({
        kind: ErrorKind.server,
        message: 'The server sent a sync answer without a sync token.',
        retryable: true,
        detail: url,
      });
    }
    current = multistatus.syncToken;
    // A truncated answer's token only continues this listing: it is never stored on its own.
    if (!truncated) return { kind: 'delta', changed, removed, token: current, pages: page };
  }
  throw new AppError({
    kind: ErrorKind.server,
    message: 'The server never finished its sync answer.',
    retryable: true,
    detail: url,
  });
}
