/**
 * IP address spellings, normalised with WHATWG URL parsing rather than hand-rolled regexes:
 * `new URL('http://[…]')` prints IPv6 in one canonical hex form (`::ffff:127.0.0.1` → `::ffff:7f00:1`),
 * and the host parser already turned decimal, octal, hex and short IPv4 (`2130706433`, `0177.0.0.1`,
 * `0x7f.0.0.1`, `127.1`) into dotted quads before we see them.
 */
import { isIP } from 'node:net';

export type IpFamily = 4 | 6;

export interface IpAddress {
  readonly address: string;
  readonly family: IpFamily;
}

/** The canonical form of an IP address, or null when the text is not one (zone ids are refused). */
export function parseIp(text: string): IpAddress | null {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const family = isIP(bare);
  if (family === 4) return { address: bare, family: 4 };
  if (family !== 6 || bare.includes('%')) return null;
  try {
    return { address: new URL(`http://[${bare}]/`).hostname.slice(1, -1), family: 6 };
  } catch {
    return null;
  }
}

/** The eight 16-bit groups of a canonical IPv6 address. */
export function ipv6Groups(canonical: string): number[] {
  const [head = '', tail] = canonical.split('::');
  const front = head === '' ? [] : head.split(':');
  const back = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = tail === undefined ? 0 : 8 - front.length - back.length;
  return [...front, ...Array<string>(zeros).fill('0'), ...back].map((group) => parseInt(group, 16));
}

/** Dotted quad from two 16-bit groups (the last 32 bits of a mapped, NAT64 or 6to4 address). */
export function ipv4FromGroups(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}
