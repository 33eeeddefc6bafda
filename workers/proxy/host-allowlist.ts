/**
 * Which hosts and ports the proxy forwards to. An entry is `host[:port]`: an exact name
 * (`caldav.fastmail.com`), a `*.suffix` wildcard (`*.icloud.com` matches `p01-caldav.icloud.com`, not
 * `icloud.com` itself nor `icloud.com.evil.example`), an IPv4 address in its usual dotted form
 * (`192.168.1.20:8080`) or an IPv6 address in brackets (`[fd00::20]:5232`). An entry without a port
 * allows its scheme's own port only (443 for https, 80 for http); an entry with a port allows that
 * port only. Hosts compare as URL parsing writes them (lower case, punycode, IPv6 canonical); a
 * trailing dot is another spelling and matches nothing.
 *
 * Only an exact entry with its port can open a loopback or private address, and only with private
 * access on (target-url.ts): a wildcard, or an entry without a port, never reaches one.
 */
import { isIP } from 'node:net';

export interface HostEntry {
  /** As URL parsing writes a host (IPv6 in brackets); for a wildcard, the suffix with its dot (`.icloud.com`). */
  readonly host: string;
  readonly wildcard: boolean;
  /** Null: only the scheme's default port. */
  readonly port: number | null;
}

export type HostAllowlist = readonly HostEntry[];

/** What the allowlist says of one host and port. */
export type HostMatch =
  | {
      readonly allowed: true;
      /** An exact entry naming this port: may open a private address. */
      readonly exactWithPort: boolean;
    }
  | {
      readonly allowed: false;
      /** `host`: no entry names it; `port`: entries name it, not on this port. */
      readonly refused: 'host' | 'port';
    };

const forbiddenCharacters = /[\s/\\?#@%*]/;

function bare(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** The host as URL parsing writes it, or the reason it cannot be one. */
function canonicalHost(text: string): string | { problem: string } {
  if (text === '' || forbiddenCharacters.test(text)) return { problem: 'is not a host name or address' };
  if (text.endsWith('.')) return { problem: 'ends with a dot: write the name without it' };
  let hostname: string;
  try {
    hostname = new URL(`http://${text}/`).hostname;
  } catch {
    return { problem: 'is not a host name or address' };
  }
  const ipFamily = isIP(bare(hostname));
  if (ipFamily === 4 && hostname !== text) {
    return { problem: `is not how an IPv4 address is written: write ${hostname}` };
  }
  return hostname;
}

/** One entry of `ALMANAC_PROXY_ALLOWED_HOSTS`, or the plain-words reason it is not one. */
export function parseHostEntry(text: string): HostEntry | { problem: string } {
  const entry = text.trim();
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(entry)) return { problem: 'is a URL: give its host (and port) only' };
  const wildcard = entry.startsWith('*.');
  const rest = wildcard ? entry.slice(2) : entry;
  let hostText = rest;
  let portText: string | null = null;
  if (rest.startsWith('[')) {
    const end = rest.indexOf(']');
    if (end === -1) return { problem: 'opens a bracket it does not close' };
    hostText = rest.slice(0, end + 1);
    const after = rest.slice(end + 1);
    if (after !== '' && !after.startsWith(':')) return { problem: 'has text after the IPv6 address' };
    if (after !== '') portText = after.slice(1);
  } else {
    const colons = rest.split(':').length - 1;
    if (colons > 1) return { problem: 'is an IPv6 address: write it in brackets, [2001:db8::1]:8443' };
    if (colons === 1) [hostText = '', portText = ''] = rest.split(':');
  }
  let port: number | null = null;
  if (portText !== null) {
    port = /^\d{1,5}$/.test(portText) ? Number(portText) : 0;
    if (port < 1 || port > 65_535) return { problem: 'has a port that is not a number from 1 to 65535' };
  }
  const host = canonicalHost(wildcard ? `x.${hostText}` : hostText);
  if (typeof host !== 'string') return host;
  if (wildcard && isIP(bare(host)) !== 0) return { problem: 'is a wildcard over an address' };
  return { host: wildcard ? host.slice(1) : host, wildcard, port };
}

/** The allowlist from its entries; every entry that is not one is named in the error. */
export function parseAllowlist(entries: readonly string[], setting: string): HostAllowlist {
  const parsed = entries.map((text) => ({ text, entry: parseHostEntry(text) }));
  const problems = parsed.flatMap(({ text, entry }) =>
    'problem' in entry ? [`"${text.trim()}" ${entry.problem}`] : [],
  );
  if (problems.length > 0) {
    throw new Error(
      `${setting}: ${problems.join('; ')}. Entries are host[:port], *.suffix[:port], ` +
        'an IPv4 address (192.168.1.20:8080) or an IPv6 address in brackets ([fd00::20]:5232).',
    );
  }
  return parsed.flatMap(({ entry }) => ('problem' in entry ? [] : [entry]));
}

function namesHost(entry: HostEntry, host: string): boolean {
  if (!entry.wildcard) return entry.host === host;
  return isIP(bare(host)) === 0 && host.endsWith(entry.host) && host.length > entry.host.length;
}

/** `host` as URL parsing gives it (`url.hostname`); `port` the effective one; `defaultPort` the scheme's. */
export function matchHost(
  allowlist: HostAllowlist,
  host: string,
  port: number,
  defaultPort: number,
): HostMatch {
  const naming = allowlist.filter((entry) => namesHost(entry, host));
  const onPort = naming.filter((entry) => (entry.port ?? defaultPort) === port);
  if (onPort.length === 0) return { allowed: false, refused: naming.length === 0 ? 'host' : 'port' };
  return { allowed: true, exactWithPort: onPort.some((entry) => !entry.wildcard && entry.port !== null) };
}

/** Names that reach cloud metadata services whatever the allowlist says. */
const metadataHosts = new Set([
  'metadata.google.internal',
  'metadata',
  'instance-data',
  'metadata.azure.com',
]);

export function isMetadataHost(host: string): boolean {
  return metadataHosts.has(host.replace(/\.$/, ''));
}
