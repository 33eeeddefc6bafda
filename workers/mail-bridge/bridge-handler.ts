/**
 * The mail bridge as a fetch-style handler: `Request` in, `Response` out, with DNS, the clock, the log
 * and the IMAP connection injected. State: the rate limiter's buckets, the connection pool and the
 * open push streams — nothing a second copy of the bridge would need, so copies behind a load
 * balancer just work (a client's next request may open its own connection there).
 *
 *   GET  /mail-bridge/health            → 200 {"ok":true}
 *   OPTIONS /mail-bridge/…  (preflight) → 204 with the CORS allowlists
 *   POST /mail-bridge/<operation>        → JSON (README.md: every field, answer and error)
 *   POST /mail-bridge/source             → message/rfc822, streamed
 *   GET  /mail-bridge/events?…           → text/event-stream
 */
import { Readable } from 'node:stream';
import type { ImapFlow } from 'imapflow';
import { readLimitedBody } from '../proxy/body-limit.ts';
import { parseAllowlist } from '../proxy/host-allowlist.ts';
import type { LogFields, ProxyLogger } from '../proxy/logger.ts';
import { createRateLimiter } from '../proxy/rate-limiter.ts';
import type { LookupFn } from '../proxy/upstream.ts';
import { errorBody, MailBridgeError } from './bridge-error.ts';
import type { MailBridgeConfig } from './config.ts';
import { createConnectionPool, accountKey, type PoolStats } from './connection-pool.ts';
import { corsHeaders, originAllowed, preflightHeaders } from './cors.ts';
import { readCredentials } from './credentials.ts';
import { imapFailure } from './imap-failure.ts';
import { createImapClient, type Credentials } from './imap-session.ts';
import { checkServer, type CheckedServer, type TargetPolicy } from './imap-target.ts';
import { folderEventStream } from './operations/folder-events.ts';
import { readFolder, readObject, readServer, type Body } from './request-body.ts';
import { jsonEndpoints, jsonOperation, sourceOperation } from './routes.ts';

export const mailBridgePath = '/mail-bridge';

export interface MailBridgeDeps {
  readonly lookup: LookupFn;
  readonly now: () => number;
  readonly logger: ProxyLogger;
  /** Connects a client made by imap-session.ts (tests may wrap it). */
  readonly connect: (client: ImapFlow) => Promise<void>;
}

export interface ClientInfo {
  readonly clientIp?: string;
}

export interface MailBridge {
  handle(request: Request, client?: ClientInfo): Promise<Response>;
  stats(): { readonly pool: PoolStats; readonly streams: number };
  close(): Promise<void>;
}

const securityHeaders: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "sandbox; default-src 'none'",
};

function answer(
  status: number,
  body: BodyInit | null,
  type: string | null,
  cors: Headers,
  extra: Record<string, string> = {},
): Response {
  const headers = new Headers(cors);
  for (const [name, value] of Object.entries({ ...securityHeaders, ...extra })) headers.set(name, value);
  if (type !== null) headers.set('Content-Type', type);
  return new Response(body, { status, headers });
}

function errorResponse(error: MailBridgeError, cors: Headers): Response {
  return answer(error.status, errorBody(error), 'application/json; charset=utf-8', cors, {
    'X-Mail-Bridge-Error': error.kind,
    ...error.headers,
  });
}

export function createMailBridge(config: MailBridgeConfig, deps: MailBridgeDeps): MailBridge {
  const limiter = createRateLimiter(config.rateLimit, deps.now);
  const policy: TargetPolicy = {
    allowlist: parseAllowlist(config.allowedHosts, 'allowedHosts'),
    allowPrivate: config.allowPrivate,
    allowPlainLoopback: config.allowPlainLoopback,
  };
  const sessionOptions = {
    connectTimeoutMs: config.connectTimeoutMs,
    commandTimeoutMs: config.commandTimeoutMs,
    extraCaCertificates: config.extraCaCertificates,
  };
  const pool = createConnectionPool({
    idleMs: config.poolIdleMs,
    maxConnections: config.maxPooledConnections,
    now: deps.now,
    connect: async (server, credentials, qresync) => {
      const client = createImapClient(server, credentials, { ...sessionOptions, qresync });
      client.on('error', () => undefined); // Reported through the command that failed.
      await deps.connect(client);
      return client;
    },
  });
  const streams = new Map<string, number>();
  let streamCount = 0;

  async function readBody(request: Request): Promise<Body> {
    const read = await readLimitedBody(request, config.maxRequestBytes);
    if (!read.ok)
      throw new MailBridgeError(
        'body-too-large',
        `The request body is over ${config.maxRequestBytes} bytes.`,
        {
          details: { limit: config.maxRequestBytes },
        },
      );
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(read.bytes ?? new Uint8Array()));
    } catch {
      throw new MailBridgeError('invalid-json', 'The request body is not JSON.');
    }
    return readObject(parsed, 'The body');
  }

  async function target(body: Body, log: Record<string, string | number | boolean>) {
    const server = readServer(body);
    log.host = server.host;
    const serverFields = readObject(body['server'], 'server');
    const qresync = serverFields['qresync'] !== false;
    return { server: await checkServer(server, policy, deps.lookup), qresync };
  }

  async function events(
    request: Request,
    url: URL,
    cors: Headers,
    log: Record<string, string | number | boolean>,
  ) {
    const credentials = readCredentials(request.headers.get('authorization'));
    const params = url.searchParams;
    const single = (name: string): string | undefined => {
      const all = params.getAll(name);
      if (all.length > 1)
        throw new MailBridgeError('invalid-request', `${name} is given twice.`, { details: { field: name } });
      return all[0];
    };
    const port = Number(single('port') ?? '993');
    const body: Body = {
      server: {
        host: single('host') ?? '',
        port,
        security: single('security') ?? 'tls',
        qresync: single('qresync') !== '0',
      },
      folder: single('folder') ?? 'INBOX',
    };
    const folder = readFolder(body);
    const { server, qresync } = await target(body, log);
    const key = accountKey(server, credentials, qresync);
    if ((streams.get(key) ?? 0) >= config.maxStreamsPerAccount || streamCount >= config.maxStreams)
      throw new MailBridgeError(
        'too-many-streams',
        'Too many push streams are open for this account: close one first.',
      );
    streams.set(key, (streams.get(key) ?? 0) + 1);
    streamCount += 1;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      streamCount -= 1;
      const left = (streams.get(key) ?? 1) - 1;
      if (left > 0) streams.set(key, left);
      else streams.delete(key);
    };
    const client = createImapClient(server, credentials, {
      ...sessionOptions,
      qresync,
      idleRestartMs: config.idleRestartMs,
    });
    client.on('error', () => undefined);
    try {
      await deps.connect(client);
      const stream = await folderEventStream(client, {
        folder,
        heartbeatMs: config.heartbeatMs,
        onEnd: release,
      });
      return answer(200, stream, 'text/event-stream; charset=utf-8', cors, { 'X-Accel-Buffering': 'no' });
    } catch (error) {
      release();
      client.close();
      throw imapFailure(error, server);
    }
  }

  async function source(request: Request, cors: Headers, log: Record<string, string | number | boolean>) {
    const credentials = readCredentials(request.headers.get('authorization'));
    const body = await readBody(request);
    const run = sourceOperation(body, { maxMessageBytes: config.maxMessageBytes });
    const { server, qresync } = await target(body, log);
    const result = await withConnection(server, credentials, qresync, (client, hold) =>
      run(client).then((found) => {
        hold(new Promise((resolve) => found.stream.once('close', resolve)));
        return found;
      }),
    );
    const stream = Readable.toWeb(result.stream) as ReadableStream<Uint8Array>;
    return answer(200, stream, 'message/rfc822', cors, {
      'Content-Length': String(result.size),
      'Content-Disposition': 'attachment; filename="message.eml"',
    });
  }

  function withConnection<T>(
    server: CheckedServer,
    credentials: Credentials,
    qresync: boolean,
    work: (client: ImapFlow, hold: (done: Promise<unknown>) => void) => Promise<T>,
  ): Promise<T> {
    return pool.use(server, credentials, qresync, work).catch((error: unknown) => {
      throw imapFailure(error, server);
    });
  }

  async function route(
    request: Request,
    url: URL,
    cors: Headers,
    log: Record<string, string | number | boolean>,
  ): Promise<Response> {
    const name = url.pathname.slice(mailBridgePath.length + 1);
    log.op = name;
    if (name === 'health') {
      if (request.method !== 'GET' && request.method !== 'HEAD')
        throw new MailBridgeError('method-not-allowed', 'health answers GET.', {
          headers: { Allow: 'GET, HEAD' },
        });
      return answer(200, JSON.stringify({ ok: true }), 'application/json; charset=utf-8', cors);
    }
    const isJson = (jsonEndpoints as readonly string[]).includes(name);
    if (!isJson && name !== 'source' && name !== 'events')
      throw new MailBridgeError(
        'not-found',
        `There is no ${mailBridgePath}/${name.slice(0, 40)}: see the bridge's README.`,
      );
    const method = name === 'events' ? 'GET' : 'POST';
    if (request.method !== method)
      throw new MailBridgeError('method-not-allowed', `${name} answers ${method}.`, {
        headers: { Allow: method },
      });
    if (!originAllowed(request, config.allowedOrigins, config.allowMissingOrigin))
      throw new MailBridgeError('origin-not-allowed', 'This origin may not use the mail bridge.');
    if (name === 'events') return events(request, url, cors, log);
    if (name === 'source') return source(request, cors, log);
    const credentials = readCredentials(request.headers.get('authorization'));
    const body = await readBody(request);
    const operation = jsonOperation(name, body, { maxMessageBytes: config.maxMessageBytes });
    if (!operation) throw new MailBridgeError('not-found', `There is no ${mailBridgePath}/${name}.`);
    const { server, qresync } = await target(body, log);
    const result = await withConnection(server, credentials, qresync, (client) => operation(client));
    return answer(200, JSON.stringify(result), 'application/json; charset=utf-8', cors);
  }

  return {
    async handle(request, client) {
      const started = deps.now();
      const clientIp = client?.clientIp ?? 'unknown';
      const origin = request.headers.get('origin');
      const cors = corsHeaders(origin, config.allowedOrigins);
      const log: Record<string, string | number | boolean> = { client: clientIp, method: request.method };
      let response: Response;
      try {
        const url = new URL(request.url);
        if (request.method === 'OPTIONS' && request.headers.has('access-control-request-method')) {
          if (origin === null || !originAllowed(request, config.allowedOrigins, false))
            throw new MailBridgeError('origin-not-allowed', 'This origin may not use the mail bridge.');
          response = answer(204, null, null, preflightHeaders(cors));
        } else {
          const rate = limiter.take(clientIp);
          if (!rate.allowed)
            throw new MailBridgeError('rate-limited', 'Too many requests: wait a moment.', {
              headers: { 'Retry-After': String(rate.retryAfterSeconds) },
            });
          response = await route(request, url, cors, log);
        }
      } catch (error) {
        const failure =
          error instanceof MailBridgeError
            ? error
            : new MailBridgeError('internal', 'The mail bridge failed unexpectedly.');
        log.error = failure.kind;
        response = errorResponse(failure, cors);
      }
      log.status = response.status;
      log.ms = deps.now() - started;
      const fields: LogFields = log;
      if (response.status >= 400) deps.logger.warn('mail-bridge', fields);
      else deps.logger.info('mail-bridge', fields);
      return response;
    },
    stats: () => ({ pool: pool.stats(), streams: streamCount }),
    close: () => pool.close(),
  };
}
