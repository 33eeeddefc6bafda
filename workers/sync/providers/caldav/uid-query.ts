/**
 * Where the server holds the objects of one UID now: a calendar-query with a UID text-match
 * (RFC 4791 §7.8.6). text-match is a substring match, so the UIDs found are compared exactly here.
 */
import { parseCalendarObject } from '../../../../src/core/ical/parse';
import { uidQueryBody } from './bodies';
import { normaliseHref } from './href';
import { fetchedObject, type FetchedObject } from './multiget';
import { readMultistatus } from './multistatus';
import type { DavTransport } from './transport';

function uidOf(ics: string): string | null {
  try {
    return parseCalendarObject(ics).uid;
  } catch {
    return null; // a malformed object is the pull's to set aside (docs/sync-rules.md rule 6), not a match
  }
}

/** The objects of exactly this UID; null when the server does not answer the query (no filter support). */
export async function findObjectsByUid(
  transport: DavTransport,
  collectionUrl: string,
  uid: string,
): Promise<FetchedObject[] | null> {
  const reply = await transport.request({
    method: 'REPORT',
    url: collectionUrl,
    headers: { Depth: '1' },
    body: uidQueryBody(uid),
    passStatuses: [501],
  });
  if (reply.status !== 207) return null;
  const found: FetchedObject[] = [];
  for (const response of readMultistatus(reply.text).responses) {
    const object = fetchedObject(response, normaliseHref(response.href, collectionUrl));
    if (object && uidOf(object.ics) === uid) found.push(object);
  }
  return found;
}
