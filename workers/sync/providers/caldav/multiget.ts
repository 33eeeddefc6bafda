/**
 * calendar-multiget for one bounded batch (docs/sync-rules.md rule 13; tsdav sends one unbounded request,
 * rule 30). Hrefs answered 404 (or 410) at the response level, or not answered at all, are not-found:
 * the engine deletes them here (rule 12: only the response-level status says a member is gone). A
 * response with another status or without calendar-data says nothing of the object: a warning, and
 * the href is neither found nor missing. Duplicates and unsolicited hrefs are ignored with a warning.
 */
import { multigetBody } from './bodies';
import { unexpectedStatus } from './collection-state';
import { hrefPath, normaliseHref } from './href';
import { cleanEtag } from './member-listing';
import { propText, readMultistatus, type DavResponse } from './multistatus';
import type { DavTransport } from './transport';
import { NS } from './xml';

export interface FetchedObject {
  readonly href: string;
  readonly etag: string | null;
  readonly ics: string;
}

export interface MultigetResult {
  readonly found: FetchedObject[];
  readonly missing: string[];
  readonly warnings: string[];
}

/**
 * Objects per multiget request. DAVx5 uses 10; measured on Radicale 3.1 (engine README), larger is
 * faster: Radicale's cost is mostly per request. 500 objects are about 0.5 MB of text, and with the
 * pipeline (fetch-changed.ts) about three batches are held at once: the heap stays near 70 MB.
 */
export const DEFAULT_MULTIGET_BATCH = 500;

/** A response carrying an object's body (status 200, calendar-data), at its normalised `href`; else null. */
export function fetchedObject(response: DavResponse, href: string): FetchedObject | null {
  if (response.status !== null && response.status !== 200) return null;
  const ics = propText(response, NS.caldav, 'calendar-data');
  return ics === null ? null : { href, etag: cleanEtag(propText(response, NS.dav, 'getetag')), ics };
}

export async function multigetBatch(
  transport: DavTransport,
  collectionUrl: string,
  hrefs: readonly string[],
): Promise<MultigetResult> {
  const reply = await transport.request({
    method: 'REPORT',
    url: collectionUrl,
    headers: { Depth: '1' },
    body: multigetBody(hrefs.map(hrefPath)),
  });
  if (reply.status !== 207) throw unexpectedStatus('calendar-multiget', reply.status, collectionUrl);
  const asked = new Set(hrefs);
  const seen = new Set<string>();
  const found: FetchedObject[] = [];
  // Answered without the object and without saying it is gone: neither found nor missing.
  const unread = new Set<string>();
  const warnings: string[] = [];
  for (const response of readMultistatus(reply.text).responses) {
    const href = normaliseHref(response.href, collectionUrl);
    if (!asked.has(href)) {
      warnings.push(`The server sent ${href}, which was not asked for: ignored.`);
      continue;
    }
    if (seen.has(href)) {
      warnings.push(`The server sent ${href} twice in one answer: the second copy was ignored.`);
      continue;
    }
    seen.add(href);
    const object = fetchedObject(response, href);
    if (object) found.push(object);
    else if (response.status !== 404 && response.status !== 410) {
      unread.add(href);
      warnings.push(
        `The server sent ${href} without its data (status ${response.status ?? 200}): left as it is.`,
      );
    }
  }
  const got = new Set(found.map((object) => object.href));
  const missing = hrefs.filter((href) => !got.has(href) && !unread.has(href));
  return { found, missing, warnings };
}
