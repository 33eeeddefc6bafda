/**
 * An HTTP server in front of a CalDAV server that injects faults by plan (see fault-plan.ts): the
 * network and server misbehaviour a sync engine meets in the field, reproducible from a seed.
 * Requests pass through with their path unchanged, so hrefs in answers stay valid under its URL.
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultKind, pickFault, retryAfterValue, staleEtag, type FaultPlan } from './fault-plan';

export interface FaultLayerOptions {
  /** Base URL of the real server, e.g. `http://127.0.0.1:5232`. */
  readonly upstream: string;
  /** Seeded source in [0, 1) (see seeded-random.ts); decides random faults and Retry-After values. */
  readonly random: () => number;
  readonly plan: FaultPlan;
}

export interface FaultEvent {
  readonly method: string;
  readonly path: string;
  readonly fault: FaultKind | null;
  /** The status the client got, or null when the connection was dropped. */
  readonly status: number | null;
}

export interface FaultStats {
  readonly requests: number;
  readonly forwarded: number;
  readonly faults: Readonly<Partial<Record<FaultKind, number>>>;
  /** The last 100 requests, oldest first (for a failing test's report). */
  readonly recent: readonly FaultEvent[];
  /** Events recorded since the layer started (`recent` keeps the last ones). */
  readonly recorded: number;
}

export interface FaultLayer {
  /** `http://127.0.0.1:<port>`: use it in place of the upstream's base URL. */
  readonly url: string;
  /** Replaces the plan; a schedule counts from the next request. */
  setPlan(plan: FaultPlan): void;
  stats(): FaultStats;
  stop(): Promise<void>;
}

interface Upstream {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

const RECENT = 100;
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host']);
const INVALID_TOKEN_BODY =
  '<?xml version="1.0" encoding="utf-8"?>\n<D:error xmlns:D="DAV:"><D:valid-sync-token/></D:error>\n';

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function isTokenSync(method: string, body: Buffer): boolean {
  if (method !== 'REPORT') return false;
  const text = body.toString('utf8');
  return /sync-collection/.test(text) && /<(?:[\w.-]+:)?sync-token>\s*[^<\s]/.test(text);
}

function forward(base: URL, req: IncomingMessage, body: Buffer): Promise<Upstream> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
  }
  headers['content-length'] = String(body.length);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: base.hostname, port: base.port, method: req.method, path: req.url, headers, agent: false },
      (res) => {
        readBody(res).then((bytes) => {
          const out: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined && !HOP_BY_HOP.has(name))
              out[name] = Array.isArray(value) ? value.join(', ') : value;
          }
          resolve({ status: res.statusCode ?? 502, headers: out, body: bytes });
        }, reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

function rewriteEtags(answer: Upstream): Upstream {
  const headers = { ...answer.headers };
  if (headers.etag !== undefined) headers.etag = staleEtag(headers.etag);
  const text = answer.body.toString('utf8');
  const body = /getetag/.test(text)
    ? Buffer.from(
        text.replace(
          /(<(?:[\w.-]+:)?getetag>)([^<]*)(<\/)/g,
          (_whole, open: string, etag: string, close: string) =>
            `${open}${staleEtag(etag.replace(/&quot;/g, '"')).replace(/"/g, '&quot;')}${close}`,
        ),
        'utf8',
      )
    : answer.body;
  return { ...answer, headers, body };
}

function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: Buffer | string,
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { ...headers, 'content-length': String(bytes.length) });
  res.end(bytes);
}

export async function startFaultLayer(options: FaultLayerOptions): Promise<FaultLayer> {
  const base = new URL(options.upstream);
  let plan = options.plan;
  let index = 0;
  let requests = 0;
  let forwarded = 0;
  const faults: Partial<Record<FaultKind, number>> = {};
  const recent: FaultEvent[] = [];

  let recorded = 0;
  const record = (event: FaultEvent) => {
    recorded += 1;
    recent.push(event);
    if (recent.length > RECENT) recent.shift();
    if (event.fault !== null) faults[event.fault] = (faults[event.fault] ?? 0) + 1;
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const path = req.url ?? '/';
    const body = await readBody(req);
    requests += 1;
    const fault = pickFault(plan, { method, tokenSync: isTokenSync(method, body) }, index++, options.random);
    const done = (status: number | null) => {
      record({ method, path, fault, status });
    };

    switch (fault) {
      case FaultKind.dropRequest:
        done(null);
        req.socket.destroy();
        return;
      case FaultKind.error500:
        done(500);
        send(res, 500, { 'content-type': 'text/plain' }, 'Injected internal server error');
        return;
      case FaultKind.unavailable503:
        done(503);
        send(res, 503, { 'retry-after': retryAfterValue(options.random, Date.now()) }, 'Injected: try later');
        return;
      case FaultKind.precondition412:
        done(412);
        send(res, 412, { 'content-type': 'text/plain' }, 'Injected precondition failure');
        return;
      case FaultKind.invalidSyncToken:
        done(403);
        send(res, 403, { 'content-type': 'application/xml; charset=utf-8' }, INVALID_TOKEN_BODY);
        return;
      default:
        break;
    }

    let answer = await forward(base, req, body);
    forwarded += 1;
    if (fault === FaultKind.dropResponse) {
      done(null);
      req.socket.destroy();
      return;
    }
    if (fault === FaultKind.truncatedBody) {
      done(answer.status);
      const declared = Math.max(answer.body.length, 16);
      res.writeHead(answer.status, { ...answer.headers, 'content-length': String(declared) });
      res.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)), () => {
        res.destroy();
      });
      return;
    }
    if (fault === FaultKind.staleEtag) answer = rewriteEtags(answer);
    if (fault === FaultKind.putWithoutEtag && answer.status >= 200 && answer.status < 300) {
      const { etag: _dropped, ...headers } = answer.headers;
      answer = { ...answer, headers };
    }
    done(answer.status);
    send(res, answer.status, answer.headers, answer.body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 502, {}, `Fault layer could not reach upstream: ${String(error)}`);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    setPlan(next) {
      plan = next;
      index = 0;
    },
    stats: () => ({ requests, forwarded, faults: { ...faults }, recent: [...recent], recorded }),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
