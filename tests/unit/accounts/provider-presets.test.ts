import { describe, expect, it } from 'vitest';
import {
  isCalDavProvider,
  PROVIDER_PRESETS,
  presetForUrl,
  providerPreset,
  serverUrlFor,
} from '../../../src/core/accounts/provider-presets';

describe('provider presets', () => {
  it('offers Infomaniak, Nextcloud, Fastmail, iCloud and Other, in that order', () => {
    expect(PROVIDER_PRESETS.map((preset) => preset.id)).toEqual([
      'infomaniak',
      'nextcloud',
      'fastmail',
      'icloud',
      'other',
    ]);
  });

  it('fills the server URL of the hosted providers', () => {
    expect(serverUrlFor(providerPreset('infomaniak'), '')).toBe('https://sync.infomaniak.com');
    expect(serverUrlFor(providerPreset('fastmail'), 'ignored')).toBe('https://caldav.fastmail.com/');
    expect(serverUrlFor(providerPreset('icloud'), '')).toBe('https://caldav.icloud.com/');
  });

  it('appends /remote.php/dav to the Nextcloud server the user types, once', () => {
    const nextcloud = providerPreset('nextcloud');
    expect(serverUrlFor(nextcloud, 'cloud.example.org')).toBe('https://cloud.example.org/remote.php/dav');
    expect(serverUrlFor(nextcloud, 'https://example.org/nextcloud/')).toBe(
      'https://example.org/nextcloud/remote.php/dav',
    );
    expect(serverUrlFor(nextcloud, 'https://cloud.example.org/remote.php/dav/')).toBe(
      'https://cloud.example.org/remote.php/dav',
    );
    expect(serverUrlFor(nextcloud, '  ')).toBeNull();
  });

  it('takes an Other server URL as typed, adding https:// when no scheme was given', () => {
    const other = providerPreset('other');
    expect(serverUrlFor(other, 'dav.example.org/cal/')).toBe('https://dav.example.org/cal/');
    expect(serverUrlFor(other, 'http://127.0.0.1:5232/')).toBe('http://127.0.0.1:5232/');
    expect(serverUrlFor(other, 'ftp://example.org/')).toBeNull();
    expect(serverUrlFor(other, 'https://ann:pw@example.org/')).toBeNull();
    expect(serverUrlFor(other, 'https://exa mple.org/')).toBeNull();
  });

  it('says where to create an app password for every named provider', () => {
    for (const preset of PROVIDER_PRESETS.filter((candidate) => candidate.id !== 'other')) {
      expect(preset.appPasswordUrl, preset.id).toMatch(/^https:\/\//);
    }
  });

  it('knows which providers refuse the normal password', () => {
    expect(
      PROVIDER_PRESETS.filter((preset) => preset.requiresAppPassword).map((preset) => preset.id),
    ).toEqual(['fastmail', 'icloud']);
  });

  it('recognises a provider from a URL host, wildcards matching subdomains only', () => {
    expect(presetForUrl('https://caldav.icloud.com/123/calendars/').id).toBe('icloud');
    expect(presetForUrl('https://p42-caldav.icloud.com/').id).toBe('icloud');
    expect(presetForUrl('https://icloud.com.evil.example/').id).toBe('other');
    expect(presetForUrl('https://SYNC.infomaniak.com').id).toBe('infomaniak');
    expect(presetForUrl('not a url').id).toBe('other');
  });

  it('checks provider ids coming from outside', () => {
    expect(isCalDavProvider('fastmail')).toBe(true);
    expect(isCalDavProvider('google')).toBe(false);
  });
});
