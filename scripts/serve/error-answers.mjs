// Error answers in one shape, whether written through a ServerResponse or, when Node's parser gave up
// on a request and there is no response object, straight onto the socket.
import { STATUS_CODES } from 'node:http';
import { securityHeaders } from './security-headers.mjs';

/** How long a closing connection may keep sending before it is cut (its answer has left by then). */
const LINGER_MS = 2_000;

/**
 * @param {number} status
 * @param {string} message
 * @param {Readonly<Record<string, string>>} extra
 */
function errorHeaders(status, message, extra) {
  const body = `${status} ${STATUS_CODES[status] ?? 'Error'}: ${message}\n`;
  const headers = {
    ...securityHeaders,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    ...extra,
  };
  return { body, headers };
}

/**
 * Answers `res` with a short text error. `close` ends the connection after it: the request was
 * malformed or carried a body nobody read, so what follows on the connection cannot be trusted.
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} message
 * @param {{ close?: boolean, headers?: Readonly<Record<string, string>> }} [options]
 */
export function sendError(res, status, message, options = {}) {
  const { body, headers } = errorHeaders(status, message, {
    ...options.headers,
    ...(options.close === true ? { Connection: 'close' } : {}),
  });
  res.writeHead(status, headers);
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/**
 * Writes a whole error answer onto a raw socket and closes it gently: our side ends at once, what the
 * client still sends is read and dropped (so its kernel does not reset the connection before it has
 * read the answer), and the socket is destroyed once the client closes or after LINGER_MS.
 * @param {import('node:stream').Duplex} socket
 * @param {number} status
 * @param {string} message
 * @param {Readonly<Record<string, string>>} [extra]
 */
export function answerOnSocket(socket, status, message, extra = {}) {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const { body, headers } = errorHeaders(status, message, { ...extra, Connection: 'close' });
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n${head}\r\n${body}`);
  socket.resume();
}
