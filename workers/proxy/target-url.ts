/**
 * Checks a target URL before any network traffic: absolute http(s), no userinfo, an IP address only in
 * its usual spelling, not a metadata name, a host and port the allowlist names, and for an IP address
 * one that passes the address policy. The answer says whether the target may reach loopback and
 * private addresses: only through an exact `host:port` entry, with private access turned on.
 *
 * WHATWG URL parsing turns `127.1`, `0177.0.0.1`, `0x7f000001`, `2130706433` and `127.0.0.1.` into
 * `127.0.0.1`; such a spelling is refused outright (it is never how a server's address is written,
 * and `010` read as 8 surprises people), so what the allowlist names is exactly what was asked for.
 */
import { addressProblem } from './address-policy.ts';
import { isMetadataHost, matchHost, type HostAllowlist } from './host-allowlist.ts';
import { parseIp } from './ip-address.ts';
import { refuse, type Refusal } from './refusal.ts';

const maxUrlLength = 8192;
const defaultPorts: Readonly<Record<string, number>> = { 'http:': 80, 'https:': 443 };

/** What checkTargetUrl reads from the configuration. */
export interface TargetPolicy {
  readonly allowlist: HostAllowlist;
  /** The operator turned on private access (exact `host:port` entries may reach loopback and private addresses). */
  readonly allowPrivate: boolean;
}

/** A target that passed every check before DNS. */
export interface CheckedTarget {
  readonly url: URL;
  /** As the URL gives it (IPv6 in brackets). */
  readonly host: string;
  readonly port: number;
  /** Loopback and private addresses may be connected to (see the header). */
  readonly privateAllowed: boolean;
}

export function parseTargetUrl(raw: string): URL | Refusal {
  if (raw.length > maxUrlLength)
    return refuse('invalid-url', `The target URL is longer than ${maxUrlLength} characters.`);
  try {
    return new URL(raw);
  } catch {
    return refuse('invalid-url', 'The url parameter is not an absolute URL.');
  }
}

/**
 * The host as the URL text spells it, before URL parsing normalised it, or null when the text has no
 * authority of its own (a relative reference, or an http: URL without `//`). Backslashes count as
 * slashes, as they do for http(s) URLs.
 */
export function spelledHost(text: string): string | null {
  let start = 0; // URL parsing drops leading C0 controls and spaces.
  while (start < text.length && text.charCodeAt(start) <= 0x20) start += 1;
  const match = /^(?:[a-z][a-z\d+.-]*:)?\/\/([^/?#]*)/i.exec(text.slice(start).replace(/\\/g, '/'));
  if (!match) return null;
  const authority = match[1] ?? '';
  const hostAndPort = authority.slice(authority.lastIndexOf('@') + 1);
  const end = hostAndPort.startsWith('[') ? hostAndPort.indexOf(']') + 1 : hostAndPort.indexOf(':');
  return end <= 0 ? hostAndPort : hostAndPort.slice(0, end);
}

/** Where the URL came from: the text it was parsed from, and for a redirect the URL it is relative to. */
export interface UrlSource {
  readonly text: string;
  readonly base?: URL;
}

function entryFor(host: string, port: number, defaultPort: number): string {
  return port === defaultPort ? host : `${host}:${port}`;
}

const settingsHint = (entry: string): string =>
  `the proxy reaches it only with ALMANAC_PROXY_ALLOW_PRIVATE=1 and ${entry} in ALMANAC_PROXY_ALLOWED_HOSTS`;

export function checkTargetUrl(url: URL, policy: TargetPolicy, source: UrlSource): CheckedTarget | Refusal {
  const defaultPort = defaultPorts[url.protocol];
  if (defaultPort === undefined) {
    return refuse(
      'scheme-not-allowed',
      `Only http and https URLs can be proxied, not ${url.protocol.replace(/:$/, '')}.`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    return refuse(
      'credentials-in-url',
      'Credentials in the URL are not forwarded: send them in Authorization.',
    );
  }
  const host = url.hostname;
  const port = url.port === '' ? defaultPort : Number(url.port);
  const literal = parseIp(host);
  if (literal) {
    const spelled = spelledHost(source.text);
    const keptBaseHost = spelled === null && source.base !== undefined && source.base.hostname === host;
    if (!keptBaseHost && spelled?.toLowerCase() !== host) {
      return refuse(
        'address-spelling-not-allowed',
        `The URL writes the address ${host} in another form (short, octal, hex, one number, ` +
          `a trailing dot or an embedded IPv4): write it as ${host}.`,
        { details: { host, port, address: host } },
      );
    }
  }
  if (isMetadataHost(host)) {
    return refuse('address-not-allowed', `${host} is a cloud metadata service.`, { details: { host, port } });
  }
  const match = matchHost(policy.allowlist, host, port, defaultPort);
  const privateAllowed = policy.allowPrivate && match.allowed && match.exactWithPort;
  if (literal) {
    const problem = addressProblem(literal.address, privateAllowed);
    if (problem?.opens === 'never') {
      return refuse('address-not-allowed', `${host} is ${problem.what}: no setting opens it.`, {
        details: { host, port, address: literal.address },
      });
    }
    if (problem) {
      const entry = `${host}:${port}`;
      return refuse('private-address-not-allowed', `${host} is ${problem.what}: ${settingsHint(entry)}.`, {
        details: { host, port, entry, address: literal.address },
      });
    }
  }
  if (!match.allowed) {
    const entry = entryFor(host, port, defaultPort);
    if (match.refused === 'port') {
      return refuse(
        'port-not-allowed',
        `Port ${port} of ${host} is not allowed: add ${entry} to ALMANAC_PROXY_ALLOWED_HOSTS.`,
        { details: { host, port, entry } },
      );
    }
    return refuse(
      'host-not-allowed',
      `${host} is not in the proxy's list of allowed servers: add ${entry} to ALMANAC_PROXY_ALLOWED_HOSTS.`,
      { details: { host, port, entry } },
    );
  }
  return { url, host, port, privateAllowed };
}

/** The refusal for a resolved address that fails the address policy (resolve-target.ts). */
export function resolvedAddressRefusal(target: CheckedTarget, address: string): Refusal | null {
  const problem = addressProblem(address, target.privateAllowed);
  if (problem === null) return null;
  const { host, port } = target;
  const what = `${host} resolves to ${problem.address}, ${problem.what}`;
  if (problem.opens === 'never') {
    return refuse('address-not-allowed', `${what}: no setting opens it.`, {
      details: { host, port, address: problem.address },
    });
  }
  const entry = `${host}:${port}`;
  return refuse('private-address-not-allowed', `${what}: ${settingsHint(entry)}.`, {
    details: { host, port, entry, address: problem.address },
  });
}
