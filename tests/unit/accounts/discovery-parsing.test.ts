import { describe, expect, it } from 'vitest';
import { normaliseServerColor } from '../../../src/core/accounts/account-input';
import {
  allowsWrite,
  holdsEvents,
  propertyText,
  supportsSyncCollection,
} from '../../../src/core/accounts/collection-properties';
import {
  decisiveFailure,
  proxyRefusal,
  type ObservedReply,
} from '../../../src/core/accounts/discovery-failure';

const reply = (overrides: Partial<ObservedReply>): ObservedReply => ({
  url: 'https://dav.example.org/principals/ann/',
  status: 200,
  contentType: null,
  wwwAuthenticate: null,
  proxyError: null,
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
  it('maps every proxy refusal that names the host to host-not-allowed', () => {
    for (const kind of [
      'host-not-allowed',
      'address-not-allowed',
      'port-not-allowed',
      'redirect-not-allowed',
    ]) {
      expect(
        decisiveFailure(reply({ status: 403, proxyError: kind }), { requiresAppPassword: false })?.kind,
      ).toBe('host-not-allowed');
    }
  });

  it('reads the proxy refusal from its header or its JSON, not from a server JSON error', () => {
    expect(proxyRefusal('dns-failed', null, '')).toBe('dns-failed');
    expect(proxyRefusal(null, 'application/json', '{"error":"host-not-allowed","reason":"no"}')).toBe(
      'host-not-allowed',
    );
    expect(proxyRefusal(null, 'application/json', '{"error":"forbidden","reason":"no"}')).toBeNull();
    expect(proxyRefusal(null, 'text/html', '{"error":"host-not-allowed","reason":"no"}')).toBeNull();
    expect(proxyRefusal(null, 'application/json', 'not json')).toBeNull();
  });

  it('steps past answers discovery can recover from', () => {
    expect(decisiveFailure(reply({ status: 404 }), { requiresAppPassword: false })).toBeNull();
    expect(decisiveFailure(reply({ status: 207 }), { requiresAppPassword: true })).toBeNull();
  });

  it('gives the timeout as a retryable network error and names only host and status', () => {
    const timeout = decisiveFailure(reply({ status: 504, proxyError: 'upstream-timeout' }), {
      requiresAppPassword: false,
    });
    expect(timeout).toMatchObject({ kind: 'network', retryable: true });
    const auth = decisiveFailure(reply({ status: 401 }), { requiresAppPassword: false });
    expect(auth?.detail).toBe('dav.example.org: HTTP 401');
  });
});
