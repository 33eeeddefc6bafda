// What the static side asks of a request beyond its target: one Host that is a host, and no body.

// RFC 9110 §7.2 / RFC 3986 §3.2.2: an IP literal, or a name of unreserved characters, with an optional
// port. Percent-escapes and sub-delims are legal in a reg-name but no DNS name has them.
const HOST = /^(?:\[[0-9A-Fa-f:.]{2,45}\]|[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,252})(?::([0-9]{1,5}))?$/;

/**
 * Why the Host header is unusable, or null. Node already answers 400 to an HTTP/1.1 request without
 * one (`requireHostHeader`); it keeps only the first of several, so they are counted in rawHeaders.
 * @param {import('node:http').IncomingMessage} req
 * @returns {string | null}
 */
export function hostProblem(req) {
  const values = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]?.toLowerCase() === 'host') values.push(req.rawHeaders[i + 1] ?? '');
  }
  if (values.length === 0)
    return req.httpVersionMajor === 1 && req.httpVersionMinor === 0 ? null : 'Host is missing.';
  if (values.length > 1) return 'There is more than one Host header.';
  const match = HOST.exec(values[0] ?? '');
  if (!match) return 'The Host header is not a host name or address.';
  if (match[1] !== undefined && Number(match[1]) > 65_535) return 'The Host header names a port above 65535.';
  return null;
}

/**
 * A GET or HEAD with a body: no file needs one, and a body that is never read is how requests get
 * smuggled past a front proxy (CL.0). Content-Length: 0 is no body.
 * @param {import('node:http').IncomingMessage} req
 */
export function hasBody(req) {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && Number(length) !== 0);
}
