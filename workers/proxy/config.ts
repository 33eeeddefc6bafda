/**
 * What an operator can set. Every limit has a default; `defaultProxyConfig` plus overrides is the
 * usual way to build one (see env-config.ts for the environment variables).
 */
import type { HostAllowlist } from './host-allowlist';

export interface RateLimit {
  /** Requests a client may make in a burst. */
  readonly burst: number;
  /** Requests per second added back to the bucket. */
  readonly perSecond: number;
}

export interface ProxyConfig {
  /** Exact host names or `*.suffix` wildcards the proxy forwards to. */
  readonly allowedHosts: HostAllowlist;
  /** Ports allowed besides 80 and 443 (e.g. a test server's). */
  readonly allowedPorts: readonly number[];
  /** App origins allowed by CORS; requests from any other Origin are refused. */
  readonly allowedOrigins: readonly string[];
  /** Accept requests that carry no Origin header (non-browser clients). Off by default. */
  readonly allowMissingOrigin: boolean;
  /** Allow 127.0.0.0/8 and ::1 targets: only for tests whose servers listen on loopback. */
  readonly allowLoopback: boolean;
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
export const presetHosts: HostAllowlist = [
  'sync.infomaniak.com', // Infomaniak
  'caldav.fastmail.com', // Fastmail
  'caldav.icloud.com', // iCloud discovery
  '*.icloud.com', // iCloud partitions: p01-caldav.icloud.com …
];

export const defaultOrigins: readonly string[] = [
  'http://127.0.0.1:4173',
  'http://localhost:4173',
  'http://127.0.0.1:5173',
  'http://localhost:5173',
];

export const defaultProxyConfig: ProxyConfig = {
  allowedHosts: presetHosts,
  allowedPorts: [],
  allowedOrigins: defaultOrigins,
  allowMissingOrigin: false,
  allowLoopback: false,
  maxRequestBytes: 10 * 1024 * 1024,
  maxResponseBytes: 50 * 1024 * 1024,
  upstreamTimeoutMs: 30_000,
  maxRedirects: 3,
  rateLimit: { burst: 300, perSecond: 10 },
  userAgent: 'Almanac-CalDAV-Proxy/0.1',
};
