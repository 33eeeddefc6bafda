/**
 * What an operator can set (env-config.ts reads it from environment variables). Every limit has a
 * default; `defaultMailBridgeConfig` plus overrides is the usual way to build one.
 */
import type { RateLimit } from '../proxy/config.ts';

export interface MailBridgeConfig {
  /**
   * IMAP servers the bridge may connect to, as the proxy writes them (workers/proxy/host-allowlist.ts):
   * `host[:port]`, `*.suffix[:port]`, an IPv4 address or a bracketed IPv6 address. An entry without a
   * port allows 993 (IMAP over TLS) only.
   */
  readonly allowedHosts: readonly string[];
  /** App origins allowed by CORS; the servers that mount the bridge add the app's own. */
  readonly allowedOrigins: readonly string[];
  /** Accept requests without an Origin header (non-browser clients, tests). Off by default. */
  readonly allowMissingOrigin: boolean;
  /** Let exact `host:port` entries reach loopback and private addresses (as the proxy's setting). */
  readonly allowPrivate: boolean;
  /** Allow `"security": "plain"` (no TLS) to a loopback address: tests only. Off by default. */
  readonly allowPlainLoopback: boolean;
  /**
   * Certificates (PEM) trusted besides the system's roots: a self-hosted server under a private CA.
   * Certificates are always verified; this only adds roots.
   */
  readonly extraCaCertificates: readonly string[];
  /** A JSON request body (an appended message arrives base64 inside it). */
  readonly maxRequestBytes: number;
  /** The largest message `/source` sends or `/append` stores. */
  readonly maxMessageBytes: number;
  readonly rateLimit: RateLimit;
  /** A pooled connection unused this long is logged out. */
  readonly poolIdleMs: number;
  /** Pooled connections in all; the least recently used idle one is closed first. */
  readonly maxPooledConnections: number;
  /** Connection and greeting time limit, and the socket's inactivity limit for one command. */
  readonly connectTimeoutMs: number;
  readonly commandTimeoutMs: number;
  /** Push streams (`/events`) open at once per account, and in all. */
  readonly maxStreamsPerAccount: number;
  readonly maxStreams: number;
  /** A comment line on every push stream this often, so proxies keep it open and dead ones show. */
  readonly heartbeatMs: number;
  /** IDLE is restarted this often (RFC 2177 asks under 29 minutes; servers drop it silently earlier). */
  readonly idleRestartMs: number;
}

/** The IMAP servers of the account presets (src/core/accounts/provider-presets.ts) that offer mail. */
export const presetImapHosts: readonly string[] = [
  'mail.infomaniak.com:993', // Infomaniak
  'imap.fastmail.com:993', // Fastmail
  'imap.mail.me.com:993', // iCloud
];

export const defaultMailBridgeConfig: MailBridgeConfig = {
  allowedHosts: presetImapHosts,
  allowedOrigins: [],
  allowMissingOrigin: false,
  allowPrivate: false,
  allowPlainLoopback: false,
  extraCaCertificates: [],
  maxRequestBytes: 36 * 1024 * 1024,
  maxMessageBytes: 25 * 1024 * 1024,
  rateLimit: { burst: 300, perSecond: 10 },
  poolIdleMs: 60_000,
  maxPooledConnections: 200,
  connectTimeoutMs: 15_000,
  commandTimeoutMs: 60_000,
  maxStreamsPerAccount: 4,
  maxStreams: 500,
  heartbeatMs: 25_000,
  idleRestartMs: 5 * 60_000,
};
