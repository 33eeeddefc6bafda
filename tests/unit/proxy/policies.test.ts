// docs/sync-rules.md rule 31: hosts, ports, methods and headers the proxy allows, and its settings.
import { describe, expect, it } from 'vitest';
import { defaultProxyConfig, presetHosts } from '../../../workers/proxy/config';
import { proxySettingsFromEnv } from '../../../workers/proxy/env-config';
import { matchHost, parseAllowlist, parseHostEntry } from '../../../workers/proxy/host-allowlist';
import { createRateLimiter } from '../../../workers/proxy/rate-limiter';

const presets = parseAllowlist(presetHosts, 'presets');

describe('host allowlist', () => {
  it.each([
    ['sync.infomaniak.com', true],
    ['caldav.icloud.com', true],
    ['p01-caldav.icloud.com', true],
    ['sync.infomaniak.com.', false], // another spelling
    ['icloud.com', false],
    ['evilicloud.com', false],
    ['icloud.com.evil.example', false],
    ['infomaniak.com', false],
    ['nextcloud.example.org', false],
  ])('%s on 443 → %s', (host, allowed) => {
    expect(matchHost(presets, host, 443, 443).allowed).toBe(allowed);
  });

  it('allows an entry without a port on its scheme’s own port only', () => {
    const list = parseAllowlist(['cloud.example.org'], 'test');
    expect(matchHost(list, 'cloud.example.org', 443, 443)).toEqual({ allowed: true, exactWithPort: false });
    expect(matchHost(list, 'cloud.example.org', 80, 80)).toEqual({ allowed: true, exactWithPort: false });
    expect(matchHost(list, 'cloud.example.org', 80, 443)).toEqual({ allowed: false, refused: 'port' });
    expect(matchHost(list, 'cloud.example.org', 443, 80)).toEqual({ allowed: false, refused: 'port' });
    expect(matchHost(list, 'cloud.example.org', 8443, 443)).toEqual({ allowed: false, refused: 'port' });
  });

  it('allows an entry with a port on that port only; only an exact one may open a private address', () => {
    const list = parseAllowlist(['cloud.example.org:8443', '*.example.net:5232', '[fd00::20]:5232'], 'test');
    expect(matchHost(list, 'cloud.example.org', 8443, 443)).toEqual({ allowed: true, exactWithPort: true });
    expect(matchHost(list, 'cloud.example.org', 443, 443)).toEqual({ allowed: false, refused: 'port' });
    expect(matchHost(list, 'dav.example.net', 5232, 80)).toEqual({ allowed: true, exactWithPort: false });
    expect(matchHost(list, 'example.net', 5232, 80)).toEqual({ allowed: false, refused: 'host' });
    expect(matchHost(list, '[fd00::20]', 5232, 80)).toEqual({ allowed: true, exactWithPort: true });
    expect(matchHost(list, '[fd00::21]', 5232, 80)).toEqual({ allowed: false, refused: 'host' });
  });

  it.each([
    ['cloud.example.org', { host: 'cloud.example.org', wildcard: false, port: null }],
    ['Cloud.Example.ORG:8443', { host: 'cloud.example.org', wildcard: false, port: 8443 }],
    ['*.icloud.com', { host: '.icloud.com', wildcard: true, port: null }],
    ['*.example.net:5232', { host: '.example.net', wildcard: true, port: 5232 }],
    ['192.168.1.20:8080', { host: '192.168.1.20', wildcard: false, port: 8080 }],
    ['[FD00:0::20]:5232', { host: '[fd00::20]', wildcard: false, port: 5232 }],
    ['[::1]', { host: '[::1]', wildcard: false, port: null }],
    ['bücher.example', { host: 'xn--bcher-kva.example', wildcard: false, port: null }],
  ])('reads the entry %s', (text, entry) => {
    expect(parseHostEntry(text)).toEqual(entry);
  });

  it.each([
    ['https://cloud.example.org:8443', /is a URL/],
    ['cloud.example.org/dav', /not a host/],
    ['cloud.example.org.', /without it/],
    ['cloud.example.org:0', /port/],
    ['cloud.example.org:70000', /port/],
    ['cloud.example.org:', /port/],
    ['cloud.example.org:https', /port/],
    ['127.1:5232', /write 127\.0\.0\.1/],
    ['0x7f000001', /write 127\.0\.0\.1/],
    ['2130706433:80', /write 127\.0\.0\.1/],
    ['fd00::20', /in brackets/],
    ['[fd00::20', /bracket/],
    ['[fd00::20]x', /after the IPv6/],
    ['[cloud.example.org]', /not a host/],
    ['*.10.0.0.1', /./],
    ['*', /not a host/],
    ['', /not a host/],
  ])('refuses the entry "%s"', (text, problem) => {
    const parsed = parseHostEntry(text);
    expect('problem' in parsed ? parsed.problem : 'accepted').toMatch(problem);
  });

  it('names every bad entry and the setting at once', () => {
    expect(() => parseAllowlist(['ok.example', '127.1', 'x:0'], 'ALMANAC_PROXY_ALLOWED_HOSTS')).toThrow(
      /^ALMANAC_PROXY_ALLOWED_HOSTS: "127\.1" .*; "x:0" .*\. Entries are host\[:port\]/,
    );
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
  it('uses the documented defaults: the presets, no origin, no private access', () => {
    const settings = proxySettingsFromEnv({});
    expect(settings.port).toBe(8787);
    expect(settings.host).toBe('127.0.0.1');
    expect(settings.config).toEqual(defaultProxyConfig);
    expect(settings.config).toMatchObject({ allowedOrigins: [], allowPrivate: false });
  });

  it('reads lists, flags and numbers', () => {
    const settings = proxySettingsFromEnv({
      ALMANAC_PROXY_PORT: '9000',
      ALMANAC_PROXY_HOST: '0.0.0.0',
      ALMANAC_PROXY_ALLOWED_HOSTS: 'cloud.example.org:8443, *.example.net, 192.168.1.20:5232',
      ALMANAC_PROXY_ALLOW_PRIVATE: '1',
      ALMANAC_PROXY_ORIGINS: 'https://almanac.example.org',
    });
    expect(settings).toMatchObject({ port: 9000, host: '0.0.0.0' });
    expect(settings.config).toMatchObject({
      allowedHosts: ['cloud.example.org:8443', '*.example.net', '192.168.1.20:5232'],
      allowPrivate: true,
      allowedOrigins: ['https://almanac.example.org'],
    });
  });

  it.each([
    [{ ALMANAC_PROXY_PORT: 'eighty' }, /ALMANAC_PROXY_PORT/],
    [{ ALMANAC_PROXY_ALLOWED_HOSTS: 'cloud.example.org:99999' }, /ALMANAC_PROXY_ALLOWED_HOSTS: "cloud/],
    [{ ALMANAC_PROXY_ALLOW_PRIVATE: 'yes' }, /ALMANAC_PROXY_ALLOW_PRIVATE must be 1 \(on\) or 0 \(off\)/],
    [{ ALMANAC_PROXY_ORIGINS: 'https://almanac.example.org/' }, /ALMANAC_PROXY_ORIGINS: .* is not an origin/],
    [{ ALMANAC_PROXY_ALLOWED_PORTS: '8443' }, /no longer read: give each port with its host/],
    [{ ALMANAC_PROXY_ALLOW_LOOPBACK: '1' }, /no longer read: use ALMANAC_PROXY_ALLOW_PRIVATE=1/],
  ])('refuses %o with a clear error', (env, message) => {
    expect(() => proxySettingsFromEnv(env)).toThrow(message);
  });
});
