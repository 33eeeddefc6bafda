// Every refusal kind of the CORS proxy becomes words that say what to do, naming the exact setting
// where one helps, in English and French; errors that carry a refusal show those words as their action.
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/errors';
import { ProxyRefusalKind, type ProxyRefusal } from '../../../src/core/proxy-refusal';
import { errorMessage } from '../../../src/lib/error-messages';
import { setLocale } from '../../../src/lib/i18n/locale';
import { proxyRefusalMessages, proxyRefusalWords } from '../../../src/lib/proxy-refusal-words';
import { feedErrorMessage } from '../../../src/pages/subscribe/subscribe-data';
import { subscribeMessages } from '../../../src/pages/subscribe/subscribe-messages';

const full = {
  host: 'cloud.example.org',
  port: 8443,
  entry: 'cloud.example.org:8443',
  address: '192.168.1.20',
  origin: 'http://192.168.1.5:4173',
};

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

afterEach(() => {
  setLocale('en');
});

describe('the proxy refusal catalog', () => {
  it('has the same keys and placeholders in French and English', () => {
    expect(Object.keys(proxyRefusalMessages.fr).sort()).toEqual(Object.keys(proxyRefusalMessages.en).sort());
    for (const [key, english] of Object.entries(proxyRefusalMessages.en)) {
      const french = proxyRefusalMessages.fr[key as keyof typeof proxyRefusalMessages.fr];
      expect(placeholders(french), key).toEqual(placeholders(english));
      expect(french.trim(), key).toBe(french);
    }
  });

  it.each(['en', 'fr'] as const)('gives every kind words with nothing left to fill (%s)', (locale) => {
    setLocale(locale);
    for (const kind of Object.values(ProxyRefusalKind)) {
      for (const refusal of [
        { kind, reason: '', ...full },
        { kind, reason: '' },
      ]) {
        const words = proxyRefusalWords(refusal);
        expect(words, kind).not.toMatch(/[{}]/);
        expect(words.length, kind).toBeGreaterThan(20);
      }
    }
  });
});

describe('words that name the setting', () => {
  const words = (refusal: Omit<ProxyRefusal, 'reason'>) => proxyRefusalWords({ reason: '', ...refusal });

  it('a port: the host:port entry to add', () => {
    expect(
      words({
        kind: 'port-not-allowed',
        host: 'cloud.example.org',
        port: 8443,
        entry: 'cloud.example.org:8443',
      }),
    ).toBe(
      'Port 8443 is not allowed: add “cloud.example.org:8443” to ALMANAC_PROXY_ALLOWED_HOSTS where Almanac runs, then restart it.',
    );
  });

  it('a host: the entry to add', () => {
    expect(
      words({ kind: 'host-not-allowed', host: 'cloud.example.org', port: 443, entry: 'cloud.example.org' }),
    ).toMatch(/add “cloud\.example\.org” to ALMANAC_PROXY_ALLOWED_HOSTS/);
  });

  it('a private address: both settings, with the address a name resolved to', () => {
    expect(
      words({
        kind: 'private-address-not-allowed',
        host: 'nas.lan',
        port: 443,
        entry: 'nas.lan:443',
        address: '192.168.1.20',
      }),
    ).toBe(
      'nas.lan is on a private network (192.168.1.20): start Almanac with ALMANAC_PROXY_ALLOW_PRIVATE=1 and “nas.lan:443” in ALMANAC_PROXY_ALLOWED_HOSTS.',
    );
    expect(
      words({
        kind: 'private-address-not-allowed',
        host: '[fd00::20]',
        port: 5232,
        entry: '[fd00::20]:5232',
        address: 'fd00::20',
      }),
    ).toBe(
      '[fd00::20] is a private or local address: start Almanac with ALMANAC_PROXY_ALLOW_PRIVATE=1 and “[fd00::20]:5232” in ALMANAC_PROXY_ALLOWED_HOSTS.',
    );
  });

  it('an address written another way: its usual spelling', () => {
    expect(
      words({ kind: 'address-spelling-not-allowed', host: '127.0.0.1', port: 80, address: '127.0.0.1' }),
    ).toMatch(/^Write the address as 127\.0\.0\.1:/);
  });

  it('a refused redirect: where it went, then why', () => {
    expect(
      words({
        kind: 'redirect-not-allowed',
        cause: 'port-not-allowed',
        host: 'cloud.example.org',
        port: 8443,
        entry: 'cloud.example.org:8443',
      }),
    ).toBe(
      'The server sent Almanac on to cloud.example.org. Port 8443 is not allowed: add “cloud.example.org:8443” to ALMANAC_PROXY_ALLOWED_HOSTS where Almanac runs, then restart it.',
    );
  });

  it.each([
    ['origin-not-allowed', /ALMANAC_PROXY_ORIGINS/],
    ['upstream-timeout', /ALMANAC_PROXY_TIMEOUT_MS/],
    ['response-too-large', /ALMANAC_PROXY_MAX_RESPONSE_BYTES/],
    ['body-too-large', /ALMANAC_PROXY_MAX_REQUEST_BYTES/],
    ['rate-limited', /ALMANAC_PROXY_RATE_BURST/],
  ] as const)('%s names its setting', (kind, setting) => {
    expect(words({ kind, ...full })).toMatch(setting);
  });

  it('in French too', () => {
    setLocale('fr');
    expect(
      words({
        kind: 'port-not-allowed',
        host: 'cloud.example.org',
        port: 8443,
        entry: 'cloud.example.org:8443',
      }),
    ).toBe(
      'Le port 8443 n’est pas autorisé : ajoutez « cloud.example.org:8443 » à ALMANAC_PROXY_ALLOWED_HOSTS là où Almanac tourne, puis redémarrez-le.',
    );
  });
});

describe('errors that carry a refusal', () => {
  const refusal: ProxyRefusal = {
    kind: 'port-not-allowed',
    reason: 'Port 8443 of cloud.example.org is not allowed.',
    host: 'cloud.example.org',
    port: 8443,
    entry: 'cloud.example.org:8443',
  };
  const error = new AppError({
    kind: 'host-not-allowed',
    message: refusal.reason,
    retryable: false,
    proxyRefusal: refusal,
  });

  it('show the refusal’s words as their action (accounts, sync status)', () => {
    expect(errorMessage(error.toData())).toEqual({
      title: 'Almanac is not allowed to reach this server',
      action: proxyRefusalWords(refusal),
    });
    expect(errorMessage({ kind: 'host-not-allowed' }).action).toMatch(/ALMANAC_PROXY_ALLOW_PRIVATE=1/);
  });

  it('on the subscribe screen', () => {
    const message = feedErrorMessage(error);
    expect(message).toEqual({ key: 'proxyRefused', params: { action: proxyRefusalWords(refusal) } });
    expect(subscribeMessages.en.proxyRefused).toContain('{action}');
  });
});
