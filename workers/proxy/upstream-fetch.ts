/**
 * The Node implementation of UpstreamFetch, on node:http / node:https. The connection goes to the
 * address the handler checked: `lookup` is replaced by one that answers only that address, so no
 * second DNS query can be rebound to a private one, while `hostname` stays the original name for
 * the Host header and TLS SNI / certificate checks. Responses are read into memory up to the limit;
 * past it the socket is destroyed. Content is asked for uncompressed (Accept-Encoding: identity).
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import {
  UpstreamFailure,
  type UpstreamFetch,
  type UpstreamRequest,
  type UpstreamResponse,
} from './upstream.ts';

export interface NodeUpstream {
  readonly fetch: UpstreamFetch;
  /** Closes idle keep-alive sockets. */
  close(): void;
}

export function createNodeUpstream(): NodeUpstream {
  // Pooled sockets are keyed by host and port; each was opened to an address checked at the time.
  const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 16 });
  const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 16 });
  return {
    fetch: (request) => send(request, request.url.protocol === 'https:' ? httpsAgent : httpAgent),
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}

function fixedLookup(address: string, family: 4 | 6): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

function send(request: UpstreamRequest, agent: HttpAgent): Promise<UpstreamResponse> {
  const { url } = request;
  const headers: Record<string, string> = { 'accept-encoding': 'identity' };
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (request.body) headers['content-length'] = String(request.body.byteLength);
  const options = {
    method: request.method,
    hostname: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port === '' ? undefined : Number(url.port),
    path: `${url.pathname}${url.search}`,
    headers,
    agent,
    lookup: fixedLookup(request.address, request.family),
  };
  const requestFn = url.protocol === 'https:' ? httpsRequest : httpRequest;

  return new Promise<UpstreamResponse>((resolve, reject) => {
    let timedOut = false;
    let failed = false;
    const fail = (error: unknown): void => {
      if (failed) return;
      failed = true;
      clearTimeout(timer);
      outgoing.destroy();
      if (timedOut) reject(new UpstreamFailure('timeout', `No answer within ${request.timeoutMs} ms.`));
      else if (error instanceof UpstreamFailure) reject(error);
      else reject(new UpstreamFailure('unreachable', error instanceof Error ? error.message : String(error)));
    };
    const outgoing = requestFn(options, (incoming) => {
      readBody(incoming, request.maxResponseBytes, fail, (body) => {
        clearTimeout(timer);
        resolve({ status: incoming.statusCode ?? 502, headers: toHeaders(incoming.rawHeaders), body });
      });
    });
    const timer = setTimeout(() => {
      timedOut = true;
      fail(null);
    }, request.timeoutMs);
    outgoing.on('error', fail);
    outgoing.end(request.body ?? undefined);
  });
}

/** Reads the answer up to `limit` bytes; calls exactly one of `fail` or `done`. */
function readBody(
  incoming: IncomingMessage,
  limit: number,
  fail: (error: unknown) => void,
  done: (body: Uint8Array<ArrayBuffer>) => void,
): void {
  let settled = false;
  const settle = (action: () => void): void => {
    if (settled) return;
    settled = true;
    action();
  };
  const declared = Number(incoming.headers['content-length'] ?? '0');
  if (declared > limit) {
    settle(() => {
      fail(new UpstreamFailure('too-large', `Declared ${declared} bytes.`));
    });
    return;
  }
  const chunks: Buffer[] = [];
  let total = 0;
  incoming.on('data', (chunk: Buffer) => {
    total += chunk.byteLength;
    if (total <= limit) chunks.push(chunk);
    else
      settle(() => {
        fail(new UpstreamFailure('too-large', `More than ${limit} bytes.`));
      });
  });
  incoming.on('end', () => {
    settle(() => {
      done(new Uint8Array(Buffer.concat(chunks)));
    });
  });
  incoming.on('error', (error) => {
    settle(() => {
      fail(error);
    });
  });
  incoming.on('aborted', () => {
    settle(() => {
      fail(new UpstreamFailure('unreachable', 'The connection closed mid-answer.'));
    });
  });
}

function toHeaders(raw: readonly string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i];
    const value = raw[i + 1];
    if (name === undefined || value === undefined) continue;
    try {
      headers.append(name, value);
    } catch {
      // A header value fetch's Headers rejects is dropped, like any header not on the allowlist.
    }
  }
  return headers;
}
