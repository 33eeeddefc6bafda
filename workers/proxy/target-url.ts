/**
 * Checks a target URL before any network traffic: absolute http(s), no userinfo, a usual port,
 * not a metadata name, and either an IP literal that passes the address policy or an allowlisted
 * host name. WHATWG URL parsing has already normalised every IPv4 spelling to a dotted quad.
 */
import { addressRefusalReason } from './address-policy';
import type { ProxyConfig } from './config';
import { isHostAllowed, isMetadataHost, normaliseHost } from './host-allowlist';
import { parseIp } from './ip-address';
import { refuse, type Refusal } from './refusal';

const maxUrlLength = 8192;
const defaultPorts: Readonly<Record<string, number>> = { 'http:': 80, 'https:': 443 };

export function parseTargetUrl(raw: string): URL | Refusal {
  if (raw.length > maxUrlLength)
    return refuse('invalid-url', `The target URL is longer than ${maxUrlLength} characters.`);
  try {
    return new URL(raw);
  } catch {
    return refuse('invalid-url', 'The url parameter is not an absolute URL.');
  }
}

export function checkTargetUrl(url: URL, config: ProxyConfig): Refusal | null {
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
  const port = url.port === '' ? defaultPort : Number(url.port);
  if (port !== 80 && port !== 443 && !config.allowedPorts.includes(port)) {
    return refuse('port-not-allowed', `Port ${port} is not allowed; only 80, 443 and configured ports are.`);
  }
  const host = normaliseHost(url.hostname);
  if (isMetadataHost(host)) return refuse('address-not-allowed', `${host} is a cloud metadata service.`);
  const literal = parseIp(host);
  if (literal) {
    const reason = addressRefusalReason(literal.address, config);
    if (reason !== null) return refuse('address-not-allowed', `${reason}.`);
  }
  if (!isHostAllowed(host, config.allowedHosts)) {
    return refuse('host-not-allowed', `${host} is not in the proxy's list of allowed servers.`);
  }
  return null;
}
