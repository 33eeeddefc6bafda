import { describe, expect, it } from 'vitest';
import { normaliseServerColor } from '../../../src/core/accounts/account-input';
import {
  allowsWrite,
  holdsEvents,
  propertyText,
  supportsSyncCollection,
} from '../../../src/core/accounts/collection-properties';
import { decisiveFailure, type ObservedReply } from '../../../src/core/accounts/discovery-failure';
import { readProxyRefusal, type ProxyRefusalKind } from '../../../src/core/proxy-refusal';

const reply = (overrides: Partial<ObservedReply>): ObservedReply => ({
  url: 'https://dav.example.org/principals/ann/',
  status: 200,
  contentType: null,
  wwwAuthenticate: null,
  proxyRefusal: null,
  bodyStart: '',
  ...overrides,
});

describe('collection properties as tsdav parses them', () => {
  it('reads read-only from current-user-privilege-set', () => {
    expect(allowsWrite({ privilege: [{ read: {} }, { readFreeBusy: {} }] })).toBe(false);
    expect(allowsWrite({ privilege: { read: {} } })).toBe(false);
    expect(allowsWrite({ privilege: [{ read: {} }, { write: {} }] })).toBe(true);
    expect(allowsWrite({ privilege: [{ writeContent: {} }] })).toBe(true);
    expect(allowsWrite({ privilege: { all: {} } })).toBe(true);
    expect(allowsWrite(undefined)).toBe(true);
  });

  it('keeps collections that hold events', () => {
    expect(holdsEvents(['VEVENT', 'VTODO'])).toBe(true);
    expect(holdsEvents(['VTODO'])).toBe(false);
    expect(holdsEvents([])).toBe(true);
    expect(holdsEvents(undefined)).toBe(true);
  });

  it('reads names coerced to numbers or wrapped in CDATA', () => {
    expect(propertyText(2026)).toBe('2026');
    expect(propertyText({ _cdata: 'Travail' })).toBe('Travail');
    expect(propertyText({})).toBeNull();
  });

  it('sees sync-collection in supported-report-set', () => {
    expect(supportsSyncCollection(['expandProperty', 'syncCollection'])).toBe(true);
    expect(supportsSyncCollection(['calendarMultiget'])).toBe(false);
    expect(supportsSyncCollection(undefined)).toBe(false);
  });

  it('normalises server colours to #rrggbb', () => {
    expect(normaliseServerColor('#D1242FFF')).toBe('#d1242f');
    expect(normaliseServerColor('#abc')).toBe('#aabbcc');
    expect(normaliseServerColor('red')).toBeNull();
    expect(normaliseServerColor(42)).toBeNull();
  });
});

describe('discovery failures', () => {
  it('maps every proxy refusal of the target to host-not-allowed, keeping the refusal', () => {
    for (const kind of [
      'host-not-allowed',
      'address-not-allowed',
      'port-not-allowed',
      'private-address-not-allowed',
      'address-spelling-not-allowed',
      'redirect-not-allowed',
    ] as const) {
      const proxyRefusal = { kind, reason: 'words', host: 'cloud.example.org', port: 8443 };
      const failure = decisiveFailure(reply({ status: 403, proxyRefusal }), { requiresAppPassword: false });
      expect(failure).toMatchObject({ kind: 'host-not-allowed', message: 'words', proxyRefusal });
      expect(failure?.toData().proxyRefusal).toEqual(proxyRefusal);
    }
  });

  it('reads the proxy refusal from its header or its JSON, not from a server JSON error', () => {
    const json = 'application/json; charset=utf-8';
    expect(readProxyRefusal('dns-failed', null, '')).toEqual({ kind: 'dns-failed', reason: '' });
    expect(readProxyRefusal(null, json, '{"error":"host-not-allowed","reason":"no"}')).toEqual({
      kind: 'host-not-allowed',
      reason: 'no',
    });
    expect(readProxyRefusal(null, json, '{"error":"forbidden","reason":"no"}')).toBeNull();
    expect(readProxyRefusal('forbidden', json, '{"error":"forbidden","reason":"no"}')).toBeNull();
    expect(readProxyRefusal(null, 'text/html', '{"error":"host-not-allowed","reason":"no"}')).toBeNull();
    expect(readProxyRefusal(null, json, 'not json')).toBeNull();
  });

  it('keeps the details the words need and drops anything malformed', () => {
    const body = JSON.stringify({
      error: 'redirect-not-allowed',
      reason: 'The server redirected to a refused target.',
      host: 'cloud.example.org',
      port: 8443,
      entry: 'cloud.example.org:8443',
      address: 42,
      cause: 'port-not-allowed',
      origin: 'x'.repeat(400),
      extra: 'ignored',
    });
    expect(readProxyRefusal('redirect-not-allowed', 'application/json', body)).toEqual({
      kind: 'redirect-not-allowed',
      reason: 'The server redirected to a refused target.',
      host: 'cloud.example.org',
      port: 8443,
      entry: 'cloud.example.org:8443',
      cause: 'port-not-allowed' satisfies ProxyRefusalKind,
    });
    expect(
      readProxyRefusal(null, 'application/json', '{"error":"port-not-allowed","reason":"r","port":0}'),
    ).toEqual({ kind: 'port-not-allowed', reason: 'r' });
  });

  it('steps past answers discovery can recover from', () => {
    expect(decisiveFailure(reply({ status: 404 }), { requiresAppPassword: false })).toBeNull();
    expect(decisiveFailure(reply({ status: 207 }), { requiresAppPassword: true })).toBeNull();
  });

  it('gives the timeout as a retryable network error and names only host and status', () => {
    const timeout = decisiveFailure(
      reply({ status: 504, proxyRefusal: { kind: 'upstream-timeout', reason: '' } }),
      {
        requiresAppPassword: false,
      },
    );
    expect(timeout).toMatchObject({ kind: 'network', retryable: true });
    const auth = decisiveFailure(reply({ status: 401 }), { requiresAppPassword: false });
    expect(auth?.detail).toBe('dav.example.org: HTTP 401');
  });
});
