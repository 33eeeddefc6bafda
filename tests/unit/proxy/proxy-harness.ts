// A handler wired to fakes: a scripted resolver, an upstream that records what it is asked and
// answers from a script, a clock the test moves, and a logger that keeps every line.
import { defaultProxyConfig, type ProxyConfig } from '../../../workers/proxy/config';
import type { LogFields, ProxyLogger } from '../../../workers/proxy/logger';
import { createProxyHandler, type ClientInfo } from '../../../workers/proxy/proxy-handler';
import type { ResolvedAddress, UpstreamRequest, UpstreamResponse } from '../../../workers/proxy/upstream';

export const appOrigin = 'http://127.0.0.1:4173';

export const testConfig: ProxyConfig = {
  ...defaultProxyConfig,
  allowedHosts: [
    ...defaultProxyConfig.allowedHosts,
    'dav.example.com',
    'rebind.example.com',
    'evil.example',
    'other.example.com:8443',
  ],
  allowedOrigins: [appOrigin],
  maxRequestBytes: 1024,
  maxResponseBytes: 4096,
  rateLimit: { burst: 5, perSecond: 1 },
};

/** Public addresses (TEST-NET ranges are refused, so these are real public blocks). */
export const publicV4 = '93.184.216.34';
export const publicV6 = '2606:2800:220:1:248:1893:25c8:1946';

export type Script = (request: UpstreamRequest) => UpstreamResponse | Promise<UpstreamResponse>;

export const multistatus = `<?xml version="1.0" encoding="utf-8"?>
<d:multistatus xmlns:d="DAV:"><d:response><d:href>/cal/</d:href>
<d:propstat><d:prop><d:getetag>"1"</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat>
</d:response></d:multistatus>`;

export function davResponse(
  status = 207,
  headers: Record<string, string> = {},
  body = multistatus,
): UpstreamResponse {
  return {
    status,
    headers: new Headers({ 'Content-Type': 'application/xml; charset=utf-8', ...headers }),
    body: new TextEncoder().encode(body),
  };
}

export interface Harness {
  readonly send: (request: Request, client?: ClientInfo) => Promise<Response>;
  readonly upstreamCalls: UpstreamRequest[];
  readonly lookups: string[];
  readonly logs: { event: string; fields: LogFields }[];
  advance(ms: number): void;
}

export interface HarnessOptions {
  readonly config?: Partial<ProxyConfig>;
  readonly dns?: Readonly<Record<string, readonly string[] | (() => readonly string[])>>;
  readonly upstream?: Script;
}

export function createHarness(options: HarnessOptions = {}): Harness {
  let now = 1_700_000_000_000;
  const upstreamCalls: UpstreamRequest[] = [];
  const lookups: string[] = [];
  const logs: { event: string; fields: LogFields }[] = [];
  const dns: Readonly<Record<string, readonly string[] | (() => readonly string[])>> = {
    'dav.example.com': [publicV4],
    'caldav.fastmail.com': [publicV6],
    ...options.dns,
  };
  const logger: ProxyLogger = {
    info: (event, fields) => {
      logs.push({ event, fields });
    },
    warn: (event, fields) => {
      logs.push({ event, fields });
    },
  };
  const handler = createProxyHandler(
    { ...testConfig, ...options.config },
    {
      lookup: (hostname) => {
        lookups.push(hostname);
        const entry = dns[hostname];
        if (entry === undefined) return Promise.reject(new Error('ENOTFOUND'));
        const addresses = typeof entry === 'function' ? entry() : entry;
        return Promise.resolve(
          addresses.map((address): ResolvedAddress => ({ address, family: address.includes(':') ? 6 : 4 })),
        );
      },
      upstream: async (request) => {
        upstreamCalls.push(request);
        return options.upstream ? options.upstream(request) : davResponse();
      },
      now: () => now,
      logger,
    },
  );
  return {
    send: (request, client) => handler(request, client ?? { clientIp: '198.51.100.7' }),
    upstreamCalls,
    lookups,
    logs,
    advance(ms) {
      now += ms;
    },
  };
}

export function proxyRequest(
  target: string | null,
  init: RequestInit & { origin?: string | null; duplex?: 'half' } = {},
): Request {
  const url = new URL('http://proxy.test/proxy');
  if (target !== null) url.searchParams.set('url', target);
  const headers = new Headers(init.headers);
  const origin = init.origin === undefined ? appOrigin : init.origin;
  if (origin !== null) headers.set('Origin', origin);
  return new Request(url, { ...init, headers });
}

export async function refusalOf(response: Response): Promise<{ error: string; reason: string }> {
  return (await response.json()) as { error: string; reason: string };
}
