/**
 * The bridge in node:http: `createMailBridgeListener` to mount under `/mail-bridge` of another server
 * (scripts/serve.mjs, vite-plugin.ts), `startMailBridgeServer` on its own port. The socket's address
 * is the client IP (never X-Forwarded-For); answers are streamed (message sources, push streams), and
 * a client that goes away cancels its stream, which logs the IMAP connection out.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ImapFlow } from 'imapflow';
import { silentLogger } from '../proxy/logger.ts';
import type { LookupFn } from '../proxy/upstream.ts';
import { createMailBridge, type MailBridge, type MailBridgeDeps } from './bridge-handler.ts';
import type { MailBridgeConfig } from './config.ts';

export const systemLookup: LookupFn = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export interface MailBridgeListener {
  readonly listener: (req: IncomingMessage, res: ServerResponse) => void;
  readonly bridge: MailBridge;
  close(): Promise<void>;
}

export interface MailBridgeServerOptions {
  readonly config: MailBridgeConfig;
  /** Default 8788; 0 picks a free port. */
  readonly port?: number;
  readonly host?: string;
  readonly deps?: Partial<MailBridgeDeps>;
}

export interface MailBridgeServer {
  readonly url: string;
  readonly bridge: MailBridge;
  close(): Promise<void>;
}

function toRequest(req: IncomingMessage): Request {
  const url = new URL(req.url ?? '/', 'http://mail-bridge.invalid');
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  const method = req.method ?? 'GET';
  const init: RequestInit & { duplex?: 'half' } = { method, headers };
  if (method === 'POST' || method === 'PUT') {
    const chunks: AsyncIterator<Buffer> = req[Symbol.asyncIterator]();
    init.body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await chunks.next();
        if (next.done === true) controller.close();
        else controller.enqueue(new Uint8Array(next.value));
      },
      cancel() {
        req.pause();
      },
    });
    init.duplex = 'half';
  }
  return new Request(url, init);
}

async function send(response: Response, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (!req.complete && req.method === 'POST') {
    // A body the bridge stopped reading (over the limit): answer, then close rather than drain it.
    headers.connection = 'close';
    res.on('finish', () => req.socket.destroy());
  }
  res.writeHead(response.status, headers);
  if (!response.body || req.method === 'HEAD') {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  res.on('close', () => {
    if (!res.writableFinished) void reader.cancel().catch(() => undefined);
  });
  for (;;) {
    const { done, value } = await reader.read().catch(() => ({ done: true as const, value: undefined }));
    if (done) break;
    if (!res.write(value)) await new Promise((resolve) => res.once('drain', resolve).once('close', resolve));
    if (res.destroyed) break;
  }
  res.end();
}

export function createMailBridgeListener(
  options: Pick<MailBridgeServerOptions, 'config' | 'deps'>,
): MailBridgeListener {
  const deps: MailBridgeDeps = {
    lookup: systemLookup,
    now: Date.now,
    logger: silentLogger,
    connect: (client: ImapFlow) => client.connect(),
    ...options.deps,
  };
  const bridge = createMailBridge(options.config, deps);
  return {
    bridge,
    listener: (req, res) => {
      bridge
        .handle(toRequest(req), { clientIp: req.socket.remoteAddress ?? 'unknown' })
        .then((response) => send(response, req, res))
        .catch(() => {
          if (!res.headersSent) res.writeHead(500);
          res.end();
        });
    },
    close: () => bridge.close(),
  };
}

export async function startMailBridgeServer(options: MailBridgeServerOptions): Promise<MailBridgeServer> {
  const mounted = createMailBridgeListener(options);
  const server = createServer(mounted.listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8788, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    bridge: mounted.bridge,
    close: async () => {
      await mounted.close();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      });
    },
  };
}
