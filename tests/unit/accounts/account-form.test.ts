import { describe, expect, it } from 'vitest';
import {
  accountName,
  discoveryUrl,
  displayServer,
  effectiveProvider,
  fieldProblems,
  serverFieldFor,
  type AccountFormFields,
} from '../../../src/pages/settings/accounts/account-form';

const fields = (overrides: Partial<AccountFormFields>): AccountFormFields => ({
  provider: 'other',
  serverUrl: '',
  username: 'ann',
  password: 'pw',
  ...overrides,
});

describe('the Add account form', () => {
  it('fills the Server URL field from the preset, empty for the self-hosted and other ones', () => {
    expect(serverFieldFor('infomaniak')).toBe('https://sync.infomaniak.com');
    expect(serverFieldFor('icloud')).toBe('https://caldav.icloud.com/');
    expect(serverFieldFor('nextcloud')).toBe('');
    expect(serverFieldFor('other')).toBe('');
  });

  it('starts discovery from the field as edited, with the Nextcloud path added', () => {
    expect(discoveryUrl(fields({ provider: 'fastmail', serverUrl: 'https://caldav.fastmail.com/' }))).toBe(
      'https://caldav.fastmail.com/',
    );
    expect(discoveryUrl(fields({ provider: 'nextcloud', serverUrl: 'cloud.example.org' }))).toBe(
      'https://cloud.example.org/remote.php/dav',
    );
    expect(discoveryUrl(fields({ serverUrl: 'http://127.0.0.1:5232/' }))).toBe('http://127.0.0.1:5232/');
  });

  it('names every missing field', () => {
    expect(fieldProblems(fields({ serverUrl: '', username: ' ', password: '' }))).toEqual([
      'serverUrl',
      'username',
      'password',
    ]);
    expect(fieldProblems(fields({ serverUrl: 'dav.example.org' }))).toEqual([]);
  });

  it('recognises a provider from a URL typed under Other', () => {
    expect(effectiveProvider(fields({}), 'https://caldav.icloud.com/')).toBe('icloud');
    expect(effectiveProvider(fields({ provider: 'nextcloud' }), 'https://caldav.icloud.com/')).toBe(
      'nextcloud',
    );
  });

  it('names the account by its provider, and shows servers without the scheme', () => {
    expect(accountName('fastmail')).toBe('Fastmail');
    expect(accountName('infomaniak')).toBe('Infomaniak');
    expect(accountName('other')).toBe('CalDAV');
    expect(displayServer('https://dav.example.org/cal/ann/')).toBe('dav.example.org/cal/ann/');
    expect(displayServer('https://sync.infomaniak.com/')).toBe('sync.infomaniak.com');
  });
});
