/**
 * A small node:http server around the fetch-style handler. It turns IncomingMessage into a
 * `Request` (streaming the body, so the handler's size limit applies while reading), passes the
 * socket's address as the client IP (never a client-sent X-Forwarded-For), and writes the
 * `Response` back. CONNECT and TRACE are answered here: Node routes CONNECT to a separate event,
 * and fetch's `Request` cannot even represent TRACE.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { lookup as dnsLookup } from 'node:dns/promises';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type { ProxyConfig } from './config';
import { silentLogger } from './logger.ts';
import { isForwardedMethod, methodHasBody } from './method-policy.ts';
import { createProxyHandler, type ProxyDeps, type ProxyHandler } from './proxy-handler.ts';
import { corsHeaders } from './cors.ts';
import { refuse, refusalResponse } from './refusal.ts';
import { createNodeUpstream } from './upstream-fetch.ts';
import type { LookupFn } from './upstream';

export interface ProxyServerOptions {
  readonly config: ProxyConfig;
  /** Default 8787; 0 picks a free port. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Replace any of the outside world (tests inject `lookup`, `now`, `logger`). */
  readonly deps?: Partial<ProxyDeps>;
}

export interface ProxyServer {
  readonly url: string;
  close(): Promise<void>;
}

export const systemLookup: LookupFn = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export interface ProxyListener {
  /** A node:http request listener: mount it under `/proxy` of any Node server (scripts/serve.mjs). */
  readonly listener: (req: IncomingMessage, res: ServerResponse) => void;
  /** Closes the upstream connection pool. */
  close(): void;
}

/** The proxy as a request listener, for mounting inside another Node server (same origin as the app). */
export function createProxyListener(options: Pick<ProxyServerOptions, 'config' | 'deps'>): ProxyListener {
  const upstream = createNodeUpstream();
  const deps: ProxyDeps = {
    lookup: systemLookup,
    upstream: upstream.fetch,
    now: Date.now,
    logger: silentLogger,
    ...options.deps,
  };
  const handler = createProxyHandler(options.config, deps);
  return {
    listener: (req, res) => {
      serve(handler, options.config, req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    },
    close: () => {
      upstream.close();
    },
  };
}

export async function startProxyServer(options: ProxyServerOptions): Promise<ProxyServer> {
  const proxy = createProxyListener(options);
  const server = createServer(proxy.listener);
  server.on('connect', (req: IncomingMessage, socket: Duplex) => {
    socket.end(
      'HTTP/1.1 405 Method Not Allowed\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n' +
        JSON.stringify({
          error: 'method-not-allowed',
          reason: `The method ${req.method ?? 'CONNECT'} is not forwarded.`,
        }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        proxy.close();
        server.closeAllConnections();
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}

async function serve(handler: ProxyHandler, config: ProxyConfig, req: IncomingMessage, res: ServerResponse) {
  const method = req.method ?? 'GET';
  const origin = typeof req.headers.origin === 'string' ? req.headers.origin : null;
  const response = isForwardedMethod(method)
    ? await handler(toRequest(req, method), { clientIp: req.socket.remoteAddress ?? 'unknown' })
    : refusalResponse(
        refuse('method-not-allowed', `The method ${method} is not forwarded.`),
        corsHeaders(origin, config.allowedOrigins),
      );
  const body = new Uint8Array(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (response.status !== 204 && response.status !== 304) headers['content-length'] = String(body.byteLength);
  if (!req.complete) {
    // An oversize upload the handler stopped reading: answer, then close rather than drain it.
    headers.connection = 'close';
    res.on('finish', () => req.socket.destroy());
  }
  res.writeHead(response.status, headers);
  res.end(method === 'HEAD' ? undefined : body);
}

function toRequest(req: IncomingMessage, method: string): Request {
  // Only the path and query are used; the Host header is the client's to choose and is ignored.
  const url = new URL(req.url ?? '/', 'http://proxy.invalid');
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  const hasBody = methodHasBody(method);
  const init: RequestInit & { duplex?: 'half' } = { method, headers };
  if (hasBody) {
    init.body = bodyStream(req);
    init.duplex = 'half';
  }
  return new Request(url, init);
}

/**
 * The request body as a web stream. Unlike `Readable.toWeb`, cancelling only pauses the socket:
 * destroying an IncomingMessage destroys its socket, and the 413 could not be sent.
 */
function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  const chunks: AsyncIterator<Buffer> = req[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done === true) controller.close();
      else controller.enqueue(new Uint8Array(next.value));
    },
    cancel() {
      req.pause();
    },
  });
}
