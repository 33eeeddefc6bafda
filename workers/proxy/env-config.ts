/**
 * The CLI's settings from environment variables (see README.md beside this file). Every value is
 * checked here, at start-up: a malformed one stops the proxy with an error that names the variable.
 */
import { defaultProxyConfig, presetHosts, type ProxyConfig } from './config.ts';
import { parseAllowlist } from './host-allowlist.ts';

export interface ProxyEnvSettings {
  readonly config: ProxyConfig;
  readonly port: number;
  readonly host: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Variables of earlier versions, and what replaced them: refused rather than silently ignored. */
const replaced: Readonly<Record<string, string>> = {
  ALMANAC_PROXY_ALLOWED_PORTS:
    'give each port with its host in ALMANAC_PROXY_ALLOWED_HOSTS instead (cloud.example.org:8443)',
  ALMANAC_PROXY_ALLOW_LOOPBACK:
    'use ALMANAC_PROXY_ALLOW_PRIVATE=1 with the address and its port in ALMANAC_PROXY_ALLOWED_HOSTS (127.0.0.1:5232)',
};

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

function flag(value: string | undefined, name: string): boolean {
  const text = value?.trim() ?? '';
  if (text === '' || text === '0') return false;
  if (text === '1') return true;
  throw new Error(`${name} must be 1 (on) or 0 (off), not "${text}".`);
}

function origins(value: string | undefined): string[] {
  const items = list(value) ?? [];
  const bad = items.filter((item) => {
    try {
      return new URL(item).origin !== item;
    } catch {
      return true;
    }
  });
  if (bad.length > 0) {
    throw new Error(
      `ALMANAC_PROXY_ORIGINS: ${bad.map((item) => `"${item}"`).join(', ')} is not an origin ` +
        '(scheme, host and port only, no path or trailing slash: https://almanac.example.org).',
    );
  }
  return items;
}

export function proxySettingsFromEnv(env: Env): ProxyEnvSettings {
  for (const [name, instead] of Object.entries(replaced)) {
    if (env[name] !== undefined) throw new Error(`${name} is no longer read: ${instead}.`);
  }
  const d = defaultProxyConfig;
  const allowedHosts = list(env.ALMANAC_PROXY_ALLOWED_HOSTS) ?? presetHosts;
  parseAllowlist(allowedHosts, 'ALMANAC_PROXY_ALLOWED_HOSTS');
  return {
    port: number(env.ALMANAC_PROXY_PORT, 8787, 'ALMANAC_PROXY_PORT'),
    host: env.ALMANAC_PROXY_HOST?.trim() || '127.0.0.1',
    config: {
      ...d,
      allowedHosts,
      allowedOrigins: origins(env.ALMANAC_PROXY_ORIGINS),
      allowPrivate: flag(env.ALMANAC_PROXY_ALLOW_PRIVATE, 'ALMANAC_PROXY_ALLOW_PRIVATE'),
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
