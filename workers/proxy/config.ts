/**
 * What an operator can set. Every limit has a default; `defaultProxyConfig` plus overrides is the
 * usual way to build one (see env-config.ts for the environment variables).
 */
export interface RateLimit {
  /** Requests a client may make in a burst. */
  readonly burst: number;
  /** Requests per second added back to the bucket. */
  readonly perSecond: number;
}

export interface ProxyConfig {
  /**
   * `host[:port]`, `*.suffix[:port]`, an IPv4 address or a bracketed IPv6 address, each with an
   * optional port; without one, only 443 for https and 80 for http (host-allowlist.ts).
   */
  readonly allowedHosts: readonly string[];
  /**
   * App origins allowed by CORS; requests from any other Origin are refused. None by default: the
   * servers that mount the proxy (scripts/serve.mjs, vite-plugin.ts) add the app's own origin.
   */
  readonly allowedOrigins: readonly string[];
  /** Accept requests that carry no Origin header (non-browser clients). Off by default. */
  readonly allowMissingOrigin: boolean;
  /**
   * Let exact `host:port` entries reach loopback, private, shared (CGNAT) and unique-local addresses:
   * a server on the operator's own network, or a test server on 127.0.0.1. Off by default.
   */
  readonly allowPrivate: boolean;
  readonly maxRequestBytes: number;
  readonly maxResponseBytes: number;
  /** Per upstream request (each redirect hop gets its own). */
  readonly upstreamTimeoutMs: number;
  /** Redirects followed by the proxy, each re-checked by every rule; more is a refusal. */
  readonly maxRedirects: number;
  readonly rateLimit: RateLimit;
  /** Sent upstream instead of the browser's User-Agent. */
  readonly userAgent: string;
}

/** The presets' CalDAV hosts. Nextcloud is self-hosted, so its host must be added by the operator. */
export const presetHosts: readonly string[] = [
  'sync.infomaniak.com', // Infomaniak
  'caldav.fastmail.com', // Fastmail
  'caldav.icloud.com', // iCloud discovery
  '*.icloud.com', // iCloud partitions: p01-caldav.icloud.com …
];

export const defaultProxyConfig: ProxyConfig = {
  allowedHosts: presetHosts,
  allowedOrigins: [],
  allowMissingOrigin: false,
  allowPrivate: false,
  maxRequestBytes: 10 * 1024 * 1024,
  maxResponseBytes: 50 * 1024 * 1024,
  upstreamTimeoutMs: 30_000,
  maxRedirects: 3,
  rateLimit: { burst: 300, perSecond: 10 },
  userAgent: 'Almanac-CalDAV-Proxy/0.1',
};
