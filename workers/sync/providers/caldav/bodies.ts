/** The XML bodies the sync engine sends. Built from constants and escaped hrefs/tokens only. */
import { escapeXml } from './xml';

const HEAD = '<?xml version="1.0" encoding="utf-8"?>';

export const propfindCollectionBody = `${HEAD}
<d:propfind xmlns:d="DAV:" xmlns:cs="http://calendarserver.org/ns/">
  <d:prop><cs:getctag/><d:sync-token/><d:supported-report-set/><d:current-user-privilege-set/></d:prop>
</d:propfind>`;

/** Capabilities and sync token, no ctag: the check of a calendar synced by token (the ctag is for servers without one). */
export const propfindTokenBody = `${HEAD}
<d:propfind xmlns:d="DAV:">
  <d:prop><d:sync-token/><d:supported-report-set/><d:current-user-privilege-set/></d:prop>
</d:propfind>`;

/** The collection's capabilities without its versions (ctag and token may cost the server a pass over every item). */
export const propfindCapabilitiesBody = `${HEAD}
<d:propfind xmlns:d="DAV:">
  <d:prop><d:supported-report-set/><d:current-user-privilege-set/></d:prop>
</d:propfind>`;

export const propfindMembersBody = `${HEAD}
<d:propfind xmlns:d="DAV:"><d:prop><d:getetag/><d:resourcetype/></d:prop></d:propfind>`;

export function syncCollectionBody(token: string | null): string {
  return `${HEAD}
<d:sync-collection xmlns:d="DAV:">
  <d:sync-token>${token === null ? '' : escapeXml(token)}</d:sync-token>
  <d:sync-level>1</d:sync-level>
  <d:prop><d:getetag/><d:resourcetype/></d:prop>
</d:sync-collection>`;
}

export function multigetBody(paths: readonly string[]): string {
  return `${HEAD}
<c:calendar-multiget xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
  <d:prop><d:getetag/><c:calendar-data/></d:prop>
${paths.map((path) => `  <d:href>${escapeXml(path)}</d:href>`).join('\n')}
</c:calendar-multiget>`;
}

/** calendar-query for the objects whose UID contains `uid` (RFC 4791 §7.8.6; text-match is a substring match). */
export function uidQueryBody(uid: string): string {
  return `${HEAD}
<c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">
  <d:prop><d:getetag/><c:calendar-data/></d:prop>
  <c:filter><c:comp-filter name="VCALENDAR"><c:comp-filter name="VEVENT">
    <c:prop-filter name="UID"><c:text-match collation="i;octet">${escapeXml(uid)}</c:text-match></c:prop-filter>
  </c:comp-filter></c:comp-filter></c:filter>
</c:calendar-query>`;
}
