// docs/sync-rules.md rule 31.
// The SSRF targets the proxy must refuse whether private access is off or on for exactly one
// `127.0.0.1:PORT` (a test server's): every other spelling of that address, every other port, every
// other loopback, private, reserved or metadata address, names that resolve to one, and the four
// spellings that once reached 127.0.0.1 port 80. Used by the handler's tests (tests/unit/proxy) and
// on real sockets (tests/integration/proxy).
import type { ProxyRefusalKind } from '../../../src/core/proxy-refusal';

export interface SsrfTarget {
  readonly name: string;
  readonly url: (port: number) => string;
  /** The refusal, the same in both modes. */
  readonly kind: ProxyRefusalKind;
}

const spelling = 'address-spelling-not-allowed';
const privateAddress = 'private-address-not-allowed';
const never = 'address-not-allowed';

const at = (name: string, kind: ProxyRefusalKind, url: (port: number) => string): SsrfTarget => ({
  name,
  url,
  kind,
});

export const ssrfTargets: readonly SsrfTarget[] = [
  // What got through before: 127.0.0.1 port 80 in four spellings.
  at('127.1 on port 80', spelling, () => 'http://127.1/'),
  at('octal 0177.0.0.1 on port 80', spelling, () => 'http://0177.0.0.1/'),
  at('hex 0x7f000001 on port 80', spelling, () => 'http://0x7f000001/'),
  at('decimal 2130706433 on port 80', spelling, () => 'http://2130706433/'),
  // The allowed address and port, spelled another way.
  at('127.1 on the allowed port', spelling, (port) => `http://127.1:${port}/`),
  at('octal on the allowed port', spelling, (port) => `http://0177.0.0.1:${port}/`),
  at('hex on the allowed port', spelling, (port) => `http://0x7f000001:${port}/`),
  at('dotted hex on the allowed port', spelling, (port) => `http://0x7f.0.0.1:${port}/`),
  at('decimal on the allowed port', spelling, (port) => `http://2130706433:${port}/`),
  at('trailing dot on the allowed port', spelling, (port) => `http://127.0.0.1.:${port}/`),
  at('percent-escaped on the allowed port', spelling, (port) => `http://127.0.0.%31:${port}/`),
  at('backslashes on the allowed port', spelling, (port) => `http:\\\\127.1:${port}\\`),
  at('no slashes on the allowed port', spelling, (port) => `http:127.0.0.1:${port}/`),
  at('IPv4-mapped (dotted) on the allowed port', spelling, (port) => `http://[::ffff:127.0.0.1]:${port}/`),
  at('IPv4-mapped (hex) on the allowed port', privateAddress, (port) => `http://[::ffff:7f00:1]:${port}/`),
  at('IPv4-compatible on the allowed port', spelling, (port) => `http://[::127.0.0.1]:${port}/`),
  at('NAT64 on the allowed port', privateAddress, (port) => `http://[64:ff9b::7f00:1]:${port}/`),
  // The allowed address on any other port, other loopback addresses and names.
  at('the allowed address, the next port', privateAddress, (port) => `http://127.0.0.1:${port + 1}/`),
  at('the allowed address, port 80', privateAddress, () => 'http://127.0.0.1/'),
  at('the allowed address, https on 443', privateAddress, () => 'https://127.0.0.1/'),
  at('another loopback address, the allowed port', privateAddress, (port) => `http://127.0.0.2:${port}/`),
  at('elsewhere in 127/8', privateAddress, () => 'http://127.53.1.2/'),
  at('IPv6 loopback, the allowed port', privateAddress, (port) => `http://[::1]:${port}/`),
  at('localhost, the allowed port', 'host-not-allowed', (port) => `http://localhost:${port}/`),
  at('unspecified, the allowed port', never, (port) => `http://0.0.0.0:${port}/`),
  at('unspecified, one number', spelling, () => 'http://0/'),
  at('IPv6 unspecified', never, () => 'http://[::]/'),
  // Private, shared, link-local, unique-local, multicast, reserved, metadata.
  at('private 10/8', privateAddress, () => 'http://10.0.0.1/'),
  at('private 172.16/12', privateAddress, () => 'http://172.31.255.254/'),
  at('private 192.168/16', privateAddress, () => 'https://192.168.1.1/'),
  at('shared (CGNAT) 100.64/10', privateAddress, () => 'http://100.64.0.1/'),
  at('unique-local fc00::/7', privateAddress, () => 'http://[fd12:3456::1]/'),
  at('link-local IPv4', never, () => 'http://169.254.10.10/'),
  at('link-local IPv6', never, () => 'http://[fe80::1]/'),
  at('multicast', never, () => 'http://224.0.0.1/'),
  at('multicast IPv6', never, () => 'http://[ff02::1]/'),
  at('broadcast', never, () => 'http://255.255.255.255/'),
  at('documentation range', never, () => 'http://192.0.2.10/'),
  at('cloud metadata', never, () => 'http://169.254.169.254/latest/meta-data/'),
  at('cloud metadata (IPv6)', never, () => 'http://[fd00:ec2::254]/'),
  at('cloud metadata name', never, () => 'http://metadata.google.internal/computeMetadata/v1/'),
  at('NAT64 of 10.0.0.1', privateAddress, () => 'http://[64:ff9b::a00:1]/'),
  at('6to4 of 192.168.1.1', privateAddress, () => 'http://[2002:c0a8:101::1]/'),
  at('6to4 of metadata', never, () => 'http://[2002:a9fe:a9fe::]/'),
  // Allowed names that lead to loopback or private addresses, and the ways around the list.
  at('allowed name resolving to a private address', privateAddress, () => 'https://evil.example/'),
  at('allowed name resolving to public and loopback', privateAddress, () => 'https://rebind.example.com/'),
  at('wildcard entry with the port, resolving to loopback', privateAddress, (port) => {
    return `http://loop.wild.example:${port}/`;
  }),
  at('allowed name on the allowed port, not listed with it', 'port-not-allowed', (port) => {
    return `http://evil.example:${port}/`;
  }),
  at('userinfo before the allowed address', 'credentials-in-url', (port) => {
    return `http://dav.example.com@127.0.0.1:${port}/`;
  }),
];

/** Names the targets use; every one of them is public except where it leads to loopback or private. */
export const ssrfDns: Readonly<Record<string, readonly string[]>> = {
  'evil.example': ['10.1.2.3'],
  'rebind.example.com': ['93.184.216.34', '127.0.0.1'],
  'loop.wild.example': ['127.0.0.1'],
  localhost: ['127.0.0.1', '::1'],
};

/** The allowlist of both modes: the one loopback `127.0.0.1:PORT` and public entries the targets abuse. */
export function ssrfAllowlist(port: number): string[] {
  return [`127.0.0.1:${port}`, 'evil.example', 'rebind.example.com', `*.wild.example:${port}`];
}
