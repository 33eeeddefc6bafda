/**
 * The bridge's settings from environment variables (README.md beside this file). Every value is
 * checked at start-up: a malformed one stops the server with an error that names the variable.
 */
import { readFileSync } from 'node:fs';
import { parseAllowlist } from '../proxy/host-allowlist.ts';
import { defaultMailBridgeConfig, presetImapHosts, type MailBridgeConfig } from './config.ts';

type Env = Readonly<Record<string, string | undefined>>;

export interface MailBridgeEnvSettings {
  readonly config: MailBridgeConfig;
  readonly port: number;
  readonly host: string;
}

const prefix = 'ALMANAC_MAIL_BRIDGE_';

function list(value: string | undefined): string[] | null {
  if (value === undefined || value.trim() === '') return null;
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function number(env: Env, name: string, fallback: number): number {
  const value = env[prefix + name];
  if (value === undefined || value.trim() === '') return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0)
    throw new Error(`${prefix}${name} must be a non-negative number, not "${value}".`);
  return parsed;
}

function flag(env: Env, name: string): boolean {
  const text = env[prefix + name]?.trim() ?? '';
  if (text === '' || text === '0') return false;
  if (text === '1') return true;
  throw new Error(`${prefix}${name} must be 1 (on) or 0 (off), not "${text}".`);
}

function origins(env: Env): string[] {
  const items = list(env[`${prefix}ORIGINS`]) ?? [];
  for (const item of items) {
    let origin: string | null = null;
    try {
      origin = new URL(item).origin;
    } catch {
      origin = null;
    }
    if (origin !== item)
      throw new Error(`${prefix}ORIGINS: "${item}" is not an origin (https://almanac.example.org: no path).`);
  }
  return items;
}

function caCertificates(env: Env): string[] {
  const path = env[`${prefix}CA_FILE`]?.trim();
  if (!path) return [];
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`${prefix}CA_FILE: ${path} cannot be read.`);
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----'))
    throw new Error(`${prefix}CA_FILE: ${path} holds no PEM certificate.`);
  return [text];
}

export function mailBridgeSettingsFromEnv(env: Env): MailBridgeEnvSettings {
  const d = defaultMailBridgeConfig;
  const allowedHosts = list(env[`${prefix}ALLOWED_HOSTS`]) ?? presetImapHosts;
  parseAllowlist(allowedHosts, `${prefix}ALLOWED_HOSTS`);
  return {
    port: number(env, 'PORT', 8788),
    host: env[`${prefix}HOST`]?.trim() || '127.0.0.1',
    config: {
      ...d,
      allowedHosts,
      allowedOrigins: origins(env),
      allowPrivate: flag(env, 'ALLOW_PRIVATE'),
      allowPlainLoopback: flag(env, 'ALLOW_PLAIN_LOOPBACK'),
      extraCaCertificates: caCertificates(env),
      maxRequestBytes: number(env, 'MAX_REQUEST_BYTES', d.maxRequestBytes),
      maxMessageBytes: number(env, 'MAX_MESSAGE_BYTES', d.maxMessageBytes),
      poolIdleMs: number(env, 'POOL_IDLE_MS', d.poolIdleMs),
      maxPooledConnections: number(env, 'MAX_CONNECTIONS', d.maxPooledConnections),
      connectTimeoutMs: number(env, 'CONNECT_TIMEOUT_MS', d.connectTimeoutMs),
      commandTimeoutMs: number(env, 'COMMAND_TIMEOUT_MS', d.commandTimeoutMs),
      maxStreamsPerAccount: number(env, 'MAX_STREAMS_PER_ACCOUNT', d.maxStreamsPerAccount),
      maxStreams: number(env, 'MAX_STREAMS', d.maxStreams),
      rateLimit: {
        burst: number(env, 'RATE_BURST', d.rateLimit.burst),
        perSecond: number(env, 'RATE_PER_SECOND', d.rateLimit.perSecond),
      },
    },
  };
}
