// Answers for what never reaches a request handler, so no client can make the process fall over or
// leave a socket without a word: requests Node's parser refuses (bad syntax, huge headers, smuggling
// shapes, a timeout), CONNECT tunnels, and `Expect` values we do not meet.
import { answerOnSocket, sendError } from './error-answers.mjs';

/** @type {Readonly<Record<string, number>>} */
const STATUS_FOR_PARSER_ERROR = {
  HPE_HEADER_OVERFLOW: 431,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

/** @type {Readonly<Record<number, string>>} */
const MESSAGE_FOR_STATUS = {
  400: 'The request is not valid HTTP/1.1.',
  408: 'The request did not arrive in time.',
  413: 'The chunk extensions are too large.',
  431: 'The request line and headers are too large.',
};

/**
 * @param {import('node:http').Server} server
 */
export function guardConnections(server) {
  /**
   * The last response started on each socket, so that an error in a pipelined request after it is
   * answered once that response is complete rather than written into its middle.
   * @type {WeakMap<import('node:stream').Duplex, import('node:http').ServerResponse>}
   */
  const lastResponse = new WeakMap();
  /** Sockets already answered: Node may report one broken stream more than once. */
  const answered = new WeakSet();

  /** Responses whose exchange is over ('close' comes after Node has ended or freed the socket). */
  const closed = new WeakSet();

  server.prependListener('request', (req, res) => {
    lastResponse.set(req.socket, res);
    res.once('close', () => closed.add(res));
  });

  /**
   * Runs `answer` once the response in progress on `socket` is over, so that a refusal of a
   * pipelined request follows the answers before it instead of landing in their middle (and a
   * response that closed the connection is not followed by anything). A request still arriving (a
   * slow body, a timeout) that nobody answered yet is itself the one refused: no wait then.
   * @param {import('node:stream').Duplex} socket
   * @param {() => void} answer
   */
  function afterPending(socket, answer) {
    const pending = lastResponse.get(socket);
    if (!pending || closed.has(pending) || (!pending.headersSent && !pending.req.complete)) {
      answer();
      return;
    }
    pending.once('close', answer);
  }

  server.on('clientError', (error, socket) => {
    if (answered.has(socket)) return;
    answered.add(socket);
    const code = /** @type {NodeJS.ErrnoException} */ (error).code ?? '';
    // The client reset the connection or already went: there is no one to answer.
    if (code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = STATUS_FOR_PARSER_ERROR[code] ?? 400;
    afterPending(socket, () => {
      answerOnSocket(socket, status, MESSAGE_FOR_STATUS[status] ?? 'Bad request.');
    });
  });

  // CONNECT asks for a tunnel (authority-form target): this server opens none, and says so.
  server.on('connect', (_req, socket) => {
    socket.on('error', () => socket.destroy());
    afterPending(socket, () => {
      answerOnSocket(socket, 405, 'This server opens no tunnels: CONNECT is not allowed.', {
        Allow: 'GET, HEAD',
      });
    });
  });

  // Node answers an Expect other than 100-continue with a bare 417; this one has our headers.
  server.on('checkExpectation', (req, res) => {
    sendError(res, 417, `The expectation "${String(req.headers.expect)}" cannot be met.`, { close: true });
  });
}
