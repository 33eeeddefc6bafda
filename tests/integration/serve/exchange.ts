import { request } from 'node:http';
import { connect } from 'node:net';

/** What came back on one connection: the final status of each answer, in order, and how it ended. */
export interface Outcome {
  readonly statuses: readonly number[];
  /** 'answered' (all expected answers read), 'closed' (the server closed first), 'timeout', or an error code. */
  readonly end: string;
}

export interface RawExchange {
  /** Bytes to send, in chunks; `gapMs` apart (a slow client). */
  readonly chunks: readonly (string | Buffer)[];
  readonly gapMs?: number;
  /** Half-close after the last chunk (the client says it sends no more). */
  readonly halfClose?: boolean;
  /** The request was a HEAD: answers carry no body whatever their Content-Length says. */
  readonly head?: boolean;
  /** Answers to wait for before hanging up ourselves; default 1. */
  readonly answers?: number;
}

const CASE_LIMIT_MS = 15_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Final statuses of the complete answers in `data` (1xx interim answers skipped). */
function readAnswers(data: Buffer, head: boolean, closed: boolean): number[] {
  const statuses: number[] = [];
  let at = 0;
  for (;;) {
    const headEnd = data.indexOf('\r\n\r\n', at, 'latin1');
    if (headEnd === -1) break;
    const headText = data.subarray(at, headEnd).toString('latin1');
    const status = Number(/^HTTP\/1\.[01] (\d{3}) /.exec(headText)?.[1] ?? 0);
    if (status === 0) {
      statuses.push(0); // not an HTTP answer at all: counted, and fails the test
      break;
    }
    const declared = /\r\ncontent-length:[ \t]*(\d+)/i.exec(headText)?.[1];
    const bodyless = status < 200 || status === 204 || status === 304 || head;
    const bodyLength = bodyless ? 0 : declared !== undefined ? Number(declared) : null;
    const bodyStart = headEnd + 4;
    if (bodyLength === null) {
      if (closed) statuses.push(status); // delimited by the close
      break;
    }
    if (data.length < bodyStart + bodyLength) break;
    if (status >= 200) statuses.push(status);
    at = bodyStart + bodyLength;
  }
  return statuses;
}

/** Sends bytes over a plain TCP connection (node:net) to 127.0.0.1:port and reads the answers. */
export function rawExchange(port: number, exchange: RawExchange): Promise<Outcome> {
  const wanted = exchange.answers ?? 1;
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let data = Buffer.alloc(0);
    let settled = false;
    let error: string | null = null;
    const finish = (end: string, closed: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ statuses: readAnswers(data, exchange.head === true, closed), end: error ?? end });
    };
    const timer = setTimeout(() => {
      finish('timeout', false);
    }, CASE_LIMIT_MS);
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      if (readAnswers(data, exchange.head === true, false).length >= wanted) finish('answered', false);
    });
    // The server may close while we still write (it answered a huge request early): keep what came.
    socket.on('error', (cause: NodeJS.ErrnoException) => {
      if (!['EPIPE', 'ECONNRESET'].includes(cause.code ?? '')) error = cause.code ?? cause.message;
    });
    socket.on('close', () => {
      finish('closed', true);
    });
    const open = () => !settled && socket.writable;
    void (async () => {
      for (const [index, chunk] of exchange.chunks.entries()) {
        if (index > 0 && exchange.gapMs !== undefined) await sleep(exchange.gapMs);
        if (!open()) return;
        socket.write(chunk);
      }
      if (exchange.halfClose === true && open()) socket.end();
    })();
  });
}

export interface HttpExchange {
  readonly method: string;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** false: send no Host header. */
  readonly setHost?: boolean;
}

/** Sends one request with node:http's client (its own checks on what it will send) and reads the status. */
export function httpExchange(port: number, exchange: HttpExchange): Promise<Outcome> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (statuses: number[], end: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve({ statuses, end });
    };
    const req = request({
      host: '127.0.0.1',
      port,
      method: exchange.method,
      path: exchange.path,
      headers: exchange.headers ?? {},
      setHost: exchange.setHost ?? true,
      agent: false,
    });
    const timer = setTimeout(() => {
      finish([], 'timeout');
    }, CASE_LIMIT_MS);
    req.on('response', (res) => {
      res.resume();
      const done = () => {
        finish([res.statusCode ?? 0], 'answered');
      };
      res.on('end', done);
      res.on('error', done);
    });
    // CONNECT: node:http hands the answer to 'connect' whatever its status.
    req.on('connect', (res) => {
      finish([res.statusCode ?? 0], 'answered');
    });
    req.on('error', (cause: NodeJS.ErrnoException) => {
      // A write cut short by the server's early answer still leaves that answer to read; wait for it.
      if (cause.code === 'EPIPE') return;
      finish([], cause.code ?? cause.message);
    });
    req.end(exchange.body);
  });
}
