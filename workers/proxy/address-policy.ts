/**
 * Which resolved addresses the proxy may connect to (docs/sync-rules.md rule 31, cors-anywhere
 * CVE-2020-36851). Ranges live in Node's `net.BlockList`, one list per kind so a refusal can say
 * which rule matched. IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4) are
 * judged by the IPv4 address inside them. Loopback, private, shared (CGNAT) and unique-local addresses
 * are the ones an operator may open, for one `host:port` at a time (target-url.ts); no setting opens
 * the others.
 */
import { BlockList } from 'node:net';
import { ipv4FromGroups, ipv6Groups, parseIp, type IpAddress } from './ip-address.ts';

type Range = readonly [network: string, prefix: number];

interface RangeKind {
  readonly label: string;
  /** An operator may open it for a server on their own machine or network. */
  readonly openable?: true;
  readonly v4: readonly Range[];
  readonly v6: readonly Range[];
}

// Order matters: the first matching kind names the refusal (metadata before link-local).
const kinds: readonly RangeKind[] = [
  { label: 'a cloud metadata address', v4: [['169.254.169.254', 32]], v6: [['fd00:ec2::254', 128]] },
  { label: 'an unspecified address', v4: [['0.0.0.0', 8]], v6: [['::', 128]] },
  { label: 'a loopback address', openable: true, v4: [['127.0.0.0', 8]], v6: [['::1', 128]] },
  {
    label: 'a private address',
    openable: true,
    v4: [
      ['10.0.0.0', 8],
      ['172.16.0.0', 12],
      ['192.168.0.0', 16],
    ],
    v6: [],
  },
  { label: 'a shared (CGNAT) address', openable: true, v4: [['100.64.0.0', 10]], v6: [] },
  { label: 'a link-local address', v4: [['169.254.0.0', 16]], v6: [['fe80::', 10]] },
  { label: 'a unique-local address', openable: true, v4: [], v6: [['fc00::', 7]] },
  { label: 'a multicast address', v4: [['224.0.0.0', 4]], v6: [['ff00::', 8]] },
  {
    label: 'a reserved address',
    v4: [
      ['192.0.0.0', 24], // IETF protocol assignments
      ['192.0.2.0', 24], // documentation
      ['192.88.99.0', 24], // 6to4 relay anycast
      ['198.18.0.0', 15], // benchmarking
      ['198.51.100.0', 24], // documentation
      ['203.0.113.0', 24], // documentation
      ['240.0.0.0', 4], // reserved and broadcast
    ],
    v6: [
      ['::', 96], // IPv4-compatible (deprecated)
      ['64:ff9b:1::', 48], // local-use NAT64
      ['100::', 64], // discard
      ['2001::', 32], // Teredo (embeds an obfuscated IPv4)
      ['2001:db8::', 32], // documentation
      ['fec0::', 10], // site-local (deprecated)
    ],
  },
];

const lists = kinds.map((kind) => {
  const list = new BlockList();
  for (const [network, prefix] of kind.v4) list.addSubnet(network, prefix, 'ipv4');
  for (const [network, prefix] of kind.v6) list.addSubnet(network, prefix, 'ipv6');
  return { label: kind.label, openable: kind.openable === true, list };
});

/** Why an address may not be connected to. */
export interface AddressProblem {
  /** `private`: loopback, private, shared or unique-local, which the operator may open; `never`: no setting opens it. */
  readonly opens: 'private' | 'never';
  /** The canonical address. */
  readonly address: string;
  /** What the address is, to follow "<address> is": "a loopback address", "the IPv4-mapped form of 127.0.0.1, a loopback address". */
  readonly what: string;
}

/**
 * Null when the address may be connected to; otherwise what it is. `allowPrivate`: the target was
 * opened by the operator for loopback and private addresses (an exact `host:port` entry with private
 * access on); the other kinds stay refused whatever it says.
 */
export function addressProblem(text: string, allowPrivate: boolean): AddressProblem | null {
  const ip = parseIp(text);
  if (!ip) return { opens: 'never', address: text, what: 'not a plain IP address' };
  const embedded = embeddedIpv4(ip);
  if (embedded) {
    const inner = addressProblem(embedded.ipv4, allowPrivate);
    if (inner === null) return null;
    return { ...inner, address: ip.address, what: `${embedded.form} of ${embedded.ipv4}, ${inner.what}` };
  }
  const type = ip.family === 4 ? 'ipv4' : 'ipv6';
  const match = lists.find(({ list }) => list.check(ip.address, type));
  if (!match) return null;
  if (match.openable && allowPrivate) return null;
  return { opens: match.openable ? 'private' : 'never', address: ip.address, what: match.label };
}

function embeddedIpv4(ip: IpAddress): { ipv4: string; form: string } | null {
  if (ip.family !== 6) return null;
  const g = ipv6Groups(ip.address);
  const at = (i: number): number => g[i] ?? 0;
  const zeroUpTo = (n: number): boolean => g.slice(0, n).every((group) => group === 0);
  if (zeroUpTo(5) && at(5) === 0xffff)
    return { ipv4: ipv4FromGroups(at(6), at(7)), form: 'the IPv4-mapped form' };
  if (at(0) === 0x64 && at(1) === 0xff9b && g.slice(2, 6).every((group) => group === 0)) {
    return { ipv4: ipv4FromGroups(at(6), at(7)), form: 'the NAT64 form' };
  }
  if (at(0) === 0x2002) return { ipv4: ipv4FromGroups(at(1), at(2)), form: 'the 6to4 form' };
  return null;
}
