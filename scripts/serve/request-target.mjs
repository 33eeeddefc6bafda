// The request target, read strictly before anything else looks at it. This server only ever needs
// origin-form (`/path?query`, RFC 9112 §3.2.1): what a browser sends to the app and its proxy. Every
// other shape is refused with a 4xx, never guessed at:
// - absolute-form (`http://host/x`) and authority-form (`host:443`) are what clients send to forward
//   proxies, and this is not one; asterisk-form (`OPTIONS *`) asks about a server we do not describe;
// - a bad, non-UTF-8 or double percent-escape, an escaped `/` or `\`, a NUL anywhere or another control
//   character in the path, a dot segment (`..`, `%2e%2e`, `..%2f`): browsers never send these (they
//   resolve dot segments before sending), so each one is a client probing for a way out of the build
//   directory.

/** Longer targets get 414; the app's own addresses are far shorter (feeds travel in a query of /proxy). */
export const MAX_TARGET_LENGTH = 8_192;

/**
 * @typedef {{ readonly ok: true, readonly rawPath: string, readonly path: string }} ReadTarget
 * @typedef {{ readonly ok: false, readonly status: number, readonly message: string }} RefusedTarget
 */

/**
 * @param {number} status
 * @param {string} message
 * @returns {RefusedTarget}
 */
const refuse = (status, message) => ({ ok: false, status, message });

const VISIBLE_ASCII = /^[\x21-\x7e]*$/;
const BAD_ESCAPE = /%(?![0-9A-Fa-f]{2})/;
const ESCAPED_SEPARATOR = /%(?:2f|5c)/i;
const CONTROL = /[\x00-\x1f\x7f]/;

/**
 * @param {string} target  `req.url` as Node read it (latin1, so any non-ASCII byte shows as such)
 * @returns {ReadTarget | RefusedTarget}
 */
export function readTarget(target) {
  if (target.length > MAX_TARGET_LENGTH) {
    return refuse(414, `The address is longer than ${MAX_TARGET_LENGTH} characters.`);
  }
  if (!target.startsWith('/')) {
    return refuse(400, 'The request target must be a path beginning with "/" (this server is not a proxy).');
  }
  if (!VISIBLE_ASCII.test(target)) {
    return refuse(
      400,
      'The address holds a space, a control character or a non-ASCII byte: percent-encode it.',
    );
  }
  if (target.includes('#')) return refuse(400, 'A fragment ("#…") is never sent to the server.');
  const queryAt = target.indexOf('?');
  const rawPath = queryAt === -1 ? target : target.slice(0, queryAt);
  if (BAD_ESCAPE.test(target)) return refuse(400, 'The address holds a "%" that does not start an escape.');
  let decoded;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    return refuse(400, 'The address holds escapes that are not UTF-8.');
  }
  // A NUL cuts a string short in C-backed code (file names, logs): nothing we serve or forward has one.
  if (decoded.includes('\0')) return refuse(400, 'The address holds a NUL character.');
  if (ESCAPED_SEPARATOR.test(rawPath)) return refuse(400, 'The path holds an escaped "/" or "\\".');
  const path = decodeURIComponent(rawPath);
  if (CONTROL.test(path)) return refuse(400, 'The path holds a control character.');
  if (path.includes('\\')) return refuse(400, 'The path holds a "\\".');
  if (path.includes('%')) return refuse(400, 'The path is escaped twice.');
  // `.` and `..` climb; `..;`, `...` and `....` do on some servers. No file or route of the app starts so.
  if (path.split('/').some((segment) => segment === '.' || segment.startsWith('..'))) {
    return refuse(400, 'The path holds a "." or ".." segment.');
  }
  return { ok: true, rawPath, path };
}
