/** The "Add account" form's logic, free of Solid and the DOM: what the fields become when sent. */
import { presetForUrl, providerPreset, serverUrlFor } from '../../../core/accounts/provider-presets';
import { CalDavProvider } from '../../../core/model/account';

export interface AccountFormFields {
  readonly provider: CalDavProvider;
  readonly serverUrl: string;
  readonly username: string;
  readonly password: string;
}

/** What the Server URL field shows when a provider is picked: its fixed URL, or empty to type one. */
export function serverFieldFor(provider: CalDavProvider): string {
  const preset = providerPreset(provider);
  return preset.server.kind === 'fixed' ? preset.server.url : '';
}

/** Which fields are missing or wrong, by field name; empty when the form can be sent. */
export type FieldProblem = 'serverUrl' | 'username' | 'password';

export function fieldProblems(fields: AccountFormFields): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (discoveryUrl(fields) === null) problems.push('serverUrl');
  if (fields.username.trim() === '') problems.push('username');
  if (fields.password === '') problems.push('password');
  return problems;
}

/**
 * The URL discovery starts from: what the field holds (the user may have edited a preset's URL), with
 * `https://` added when missing and, for Nextcloud, `/remote.php/dav` appended.
 */
export function discoveryUrl(fields: AccountFormFields): string | null {
  const preset = providerPreset(fields.provider);
  const rule = preset.server.kind === 'self-hosted' ? preset : providerPreset(CalDavProvider.other);
  return serverUrlFor(rule, fields.serverUrl);
}

/** The provider to store: the one picked, or the one recognised from a typed URL ("Other" + iCloud URL). */
export function effectiveProvider(fields: AccountFormFields, url: string): CalDavProvider {
  if (fields.provider !== CalDavProvider.other) return fields.provider;
  return presetForUrl(url).id;
}

/**
 * A new account's name, which the user may change in Settings › Accounts: the provider's brand
 * ("Infomaniak", "Nextcloud"), or "CalDAV" for another server (its host shows beside it, in the
 * "user on server" line).
 */
export function accountName(provider: CalDavProvider): string {
  const brand = providerPreset(provider).brand;
  return brand !== '' ? brand : OTHER_SERVER_NAME;
}

const OTHER_SERVER_NAME = 'CalDAV';

/** A server address for people: host and path, without the scheme. */
export function displayServer(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return url;
  }
}
