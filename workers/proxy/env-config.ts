/**
 * The CLI's settings from environment variables (see README.md beside this file).
 */
import { defaultOrigins, defaultProxyConfig, presetHosts, type ProxyConfig } from './config';

export interface ProxyEnvSettings {
  readonly config: ProxyConfig;
  readonly port: number;
  readonly host: string;
}

type Env = Readonly<Record<string, string | undefined>>;

function list(value: string | undefined): string[] | null {
  if (value === undefined || value.trim() === '') return null;
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function number(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value.trim() === '') return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`${name} must be a non-negative number.`);
  return parsed;
}

export function proxySettingsFromEnv(env: Env): ProxyEnvSettings {
  const d = defaultProxyConfig;
  const ports = (list(env.ALMANAC_PROXY_ALLOWED_PORTS) ?? []).map((port) =>
    number(port, 0, 'ALMANAC_PROXY_ALLOWED_PORTS'),
  );
  return {
    port: number(env.ALMANAC_PROXY_PORT, 8787, 'ALMANAC_PROXY_PORT'),
    host: env.ALMANAC_PROXY_HOST?.trim() || '127.0.0.1',
    config: {
      ...d,
      allowedHosts: list(env.ALMANAC_PROXY_ALLOWED_HOSTS) ?? presetHosts,
      allowedPorts: ports,
      allowedOrigins: list(env.ALMANAC_PROXY_ORIGINS) ?? defaultOrigins,
      allowLoopback: env.ALMANAC_PROXY_ALLOW_LOOPBACK === '1',
      maxRequestBytes: number(
        env.ALMANAC_PROXY_MAX_REQUEST_BYTES,
        d.maxRequestBytes,
        'ALMANAC_PROXY_MAX_REQUEST_BYTES',
      ),
      maxResponseBytes: number(
        env.ALMANAC_PROXY_MAX_RESPONSE_BYTES,
        d.maxResponseBytes,
        'ALMANAC_PROXY_MAX_RESPONSE_BYTES',
      ),
      upstreamTimeoutMs: number(
        env.ALMANAC_PROXY_TIMEOUT_MS,
        d.upstreamTimeoutMs,
        'ALMANAC_PROXY_TIMEOUT_MS',
      ),
      rateLimit: {
        burst: number(env.ALMANAC_PROXY_RATE_BURST, d.rateLimit.burst, 'ALMANAC_PROXY_RATE_BURST'),
        perSecond: number(
          env.ALMANAC_PROXY_RATE_PER_SECOND,
          d.rateLimit.perSecond,
          'ALMANAC_PROXY_RATE_PER_SECOND',
        ),
      },
    },
  };
}
