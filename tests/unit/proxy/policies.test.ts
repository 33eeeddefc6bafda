// docs/sync-rules.md rule 31: hosts, ports, methods and headers the proxy allows, and its settings.
import { describe, expect, it } from 'vitest';
import { defaultProxyConfig, presetHosts } from '../../../workers/proxy/config';
import { proxySettingsFromEnv } from '../../../workers/proxy/env-config';
import { isHostAllowed } from '../../../workers/proxy/host-allowlist';
import { createRateLimiter } from '../../../workers/proxy/rate-limiter';

describe('host allowlist', () => {
  it.each([
    ['sync.infomaniak.com', true],
    ['SYNC.Infomaniak.COM.', true],
    ['caldav.icloud.com', true],
    ['p01-caldav.icloud.com', true],
    ['icloud.com', false],
    ['evilicloud.com', false],
    ['icloud.com.evil.example', false],
    ['infomaniak.com', false],
    ['nextcloud.example.org', false],
  ])('%s → %s', (host, allowed) => {
    expect(isHostAllowed(host, presetHosts)).toBe(allowed);
  });
});

describe('rate limiter', () => {
  it('spends a burst, then refills at the configured rate', () => {
    let now = 0;
    const limiter = createRateLimiter({ burst: 2, perSecond: 0.5 }, () => now);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 2 });
    now += 1000;
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 1000;
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('b').allowed).toBe(true);
  });
});

describe('environment', () => {
  it('uses the documented defaults', () => {
    const settings = proxySettingsFromEnv({});
    expect(settings.port).toBe(8787);
    expect(settings.host).toBe('127.0.0.1');
    expect(settings.config).toEqual(defaultProxyConfig);
  });

  it('reads lists, flags and numbers', () => {
    const settings = proxySettingsFromEnv({
      ALMANAC_PROXY_PORT: '9000',
      ALMANAC_PROXY_HOST: '0.0.0.0',
      ALMANAC_PROXY_ALLOWED_HOSTS: 'cloud.example.org, *.example.net',
      ALMANAC_PROXY_ALLOWED_PORTS: '8443',
      ALMANAC_PROXY_ALLOW_LOOPBACK: '1',
      ALMANAC_PROXY_ORIGINS: 'https://almanac.example.org',
    });
    expect(settings).toMatchObject({ port: 9000, host: '0.0.0.0' });
    expect(settings.config).toMatchObject({
      allowedHosts: ['cloud.example.org', '*.example.net'],
      allowedPorts: [8443],
      allowLoopback: true,
      allowedOrigins: ['https://almanac.example.org'],
    });
  });

  it('refuses a malformed number', () => {
    expect(() => proxySettingsFromEnv({ ALMANAC_PROXY_PORT: 'eighty' })).toThrow(/ALMANAC_PROXY_PORT/);
  });
});
