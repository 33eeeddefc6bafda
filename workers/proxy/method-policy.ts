/**
 * The methods the proxy forwards: what a CalDAV client sends (RFC 4791, 4918, 6578, 6638).
 * MOVE and COPY are left out: they carry a Destination URL the server acts on, which the proxy
 * would have to police too, and the sync engine never needs them (a moved href is detected, not
 * performed). LOCK/UNLOCK/ACL/SEARCH/PATCH are not used by CalDAV sync. CONNECT, TRACE and TRACK are
 * refused outright (tunnelling and cross-site tracing).
 */
export const forwardedMethods = [
  'OPTIONS',
  'GET',
  'HEAD',
  'PUT',
  'DELETE',
  'POST',
  'PROPFIND',
  'PROPPATCH',
  'REPORT',
  'MKCALENDAR',
  'MKCOL',
] as const;
export type ForwardedMethod = (typeof forwardedMethods)[number];

const allowed = new Set<string>(forwardedMethods);

export function isForwardedMethod(method: string): method is ForwardedMethod {
  return allowed.has(method.toUpperCase());
}

export const allowHeaderValue = forwardedMethods.join(', ');

/** Methods whose request may carry a body the proxy forwards. */
export function methodHasBody(method: string): boolean {
  const upper = method.toUpperCase();
  return upper !== 'GET' && upper !== 'HEAD' && upper !== 'DELETE' && upper !== 'OPTIONS';
}
