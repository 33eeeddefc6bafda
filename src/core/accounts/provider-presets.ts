/**
 * The CalDAV providers offered in "Add account": where their server is and where the user creates the
 * app password Almanac should use. Words the user reads live in the page's catalogs (keyed by id);
 * this file holds only facts, so the worker can use them too (discovery's app-password hints).
 */
import { CalDavProvider } from '../model/account';

export interface ProviderPreset {
  readonly id: CalDavProvider;
  /** Brand name, the same in every language. Empty for "Other CalDAV server" (the UI names it). */
  readonly brand: string;
  /**
   * `fixed`: the server URL is known. `self-hosted`: the user types the server's address and `davPath`
   * is appended. `custom`: the user types the full CalDAV URL.
   */
  readonly server:
    | { readonly kind: 'fixed'; readonly url: string }
    | { readonly kind: 'self-hosted'; readonly davPath: string }
    | { readonly kind: 'custom' };
  /** The provider's help page on creating an app password (the steps are in the page's catalog). */
  readonly appPasswordUrl: string | null;
  /** The provider refuses the account's normal password over CalDAV (app password mandatory). */
  readonly requiresAppPassword: boolean;
  /** Host names served by this provider (exact, or `*.suffix`), to recognise a typed URL. */
  readonly hosts: readonly string[];
}

export const PROVIDER_PRESETS: readonly ProviderPreset[] = [
  {
    id: CalDavProvider.infomaniak,
    brand: 'Infomaniak',
    server: { kind: 'fixed', url: 'https://sync.infomaniak.com' },
    appPasswordUrl: 'https://www.infomaniak.com/en/support/faq/2855/manage-application-passwords',
    requiresAppPassword: false,
    hosts: ['sync.infomaniak.com'],
  },
  {
    id: CalDavProvider.nextcloud,
    brand: 'Nextcloud',
    server: { kind: 'self-hosted', davPath: '/remote.php/dav' },
    // Created on the user's own server: Settings › Security › Devices & sessions.
    appPasswordUrl: 'https://docs.nextcloud.com/server/latest/user_manual/en/session_management.html',
    requiresAppPassword: false,
    hosts: [],
  },
  {
    id: CalDavProvider.fastmail,
    brand: 'Fastmail',
    server: { kind: 'fixed', url: 'https://caldav.fastmail.com/' },
    appPasswordUrl: 'https://www.fastmail.com/help/clients/apppassword.html',
    requiresAppPassword: true,
    hosts: ['caldav.fastmail.com'],
  },
  {
    id: CalDavProvider.icloud,
    brand: 'iCloud',
    server: { kind: 'fixed', url: 'https://caldav.icloud.com/' },
    appPasswordUrl: 'https://support.apple.com/en-us/102654',
    requiresAppPassword: true,
    hosts: ['caldav.icloud.com', '*.icloud.com'],
  },
  {
    id: CalDavProvider.other,
    brand: '',
    server: { kind: 'custom' },
    appPasswordUrl: null,
    requiresAppPassword: false,
    hosts: [],
  },
];

export function providerPreset(id: CalDavProvider): ProviderPreset {
  const preset = PROVIDER_PRESETS.find((candidate) => candidate.id === id);
  if (!preset) throw new Error(`Unknown provider preset: ${id}`);
  return preset;
}

export function isCalDavProvider(value: string): value is CalDavProvider {
  return PROVIDER_PRESETS.some((preset) => preset.id === value);
}

function hostMatches(host: string, pattern: string): boolean {
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
  return host === pattern;
}

/** The preset whose servers include this URL's host ('other' when none or not a URL). */
export function presetForUrl(url: string): ProviderPreset {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return providerPreset(CalDavProvider.other);
  }
  const found = PROVIDER_PRESETS.find((preset) => preset.hosts.some((pattern) => hostMatches(host, pattern)));
  return found ?? providerPreset(CalDavProvider.other);
}

/**
 * The URL discovery starts from: the preset's fixed URL, or what the user typed (with `https://` added
 * when no scheme was given and, for a self-hosted preset, its DAV path appended). Null when the user
 * still has to type something or it is not an http(s) URL.
 */
export function serverUrlFor(preset: ProviderPreset, typed: string): string | null {
  if (preset.server.kind === 'fixed') return preset.server.url;
  const trimmed = typed.trim();
  if (trimmed === '') return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username !== '' || url.password !== '') return null;
  if (preset.server.kind === 'self-hosted') {
    const davPath = preset.server.davPath;
    const path = url.pathname.replace(/\/+$/, '');
    url.pathname = path.endsWith(davPath) ? path : `${path}${davPath}`;
  }
  return url.href;
}
