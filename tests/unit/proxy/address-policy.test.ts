// docs/sync-rules.md rule 31: the addresses the proxy refuses, in every IPv4 and IPv6 spelling.
import { describe, expect, it } from 'vitest';
import { addressProblem } from '../../../workers/proxy/address-policy';

describe('address policy', () => {
  it.each([
    '93.184.216.34',
    '1.1.1.1',
    '172.32.0.1', // just outside 172.16/12
    '100.128.0.1', // just outside 100.64/10
    '2606:4700:4700::1111',
    '::ffff:93.184.216.34', // mapped public
    '64:ff9b::8.8.8.8', // NAT64 of a public address
  ])('allows public %s', (address) => {
    expect(addressProblem(address, false)).toBeNull();
  });

  it.each([
    ['127.0.0.1', 'private', 'a loopback address'],
    ['::1', 'private', 'a loopback address'],
    ['::ffff:127.0.0.1', 'private', 'the IPv4-mapped form of 127.0.0.1, a loopback address'],
    ['0:0:0:0:0:ffff:7f00:1', 'private', 'the IPv4-mapped form of 127.0.0.1, a loopback address'],
    ['10.255.255.255', 'private', 'a private address'],
    ['100.64.0.1', 'private', 'a shared (CGNAT) address'],
    ['fd12::1', 'private', 'a unique-local address'],
    ['169.254.169.254', 'never', 'a cloud metadata address'],
    ['fd00:ec2::254', 'never', 'a cloud metadata address'],
    ['0.0.0.0', 'never', 'an unspecified address'],
    ['169.254.1.1', 'never', 'a link-local address'],
    ['fec0::1', 'never', 'a reserved address'],
    ['2001:db8::1', 'never', 'a reserved address'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'never', 'a reserved address'], // Teredo
    ['2002:a9fe:a9fe::', 'never', 'the 6to4 form of 169.254.169.254, a cloud metadata address'],
    ['fe80::1%eth0', 'never', 'not a plain IP address'],
    ['localhost', 'never', 'not a plain IP address'],
    ['0177.0.0.1', 'never', 'not a plain IP address'], // never from a resolver; refused rather than guessed
  ])('refuses %s (%s: %s)', (address, opens, what) => {
    expect(addressProblem(address, false)).toMatchObject({ opens, what });
  });

  it('opens loopback and private addresses only when told, and nothing else with them', () => {
    for (const open of [
      '127.0.0.1',
      '::1',
      '::ffff:127.0.0.1',
      '10.0.0.1',
      '192.168.1.20',
      '100.64.0.1',
      'fd12::1',
    ]) {
      expect(addressProblem(open, true), open).toBeNull();
    }
    expect(addressProblem('0.0.0.0', true)).toMatchObject({ opens: 'never' });
    expect(addressProblem('169.254.169.254', true)).toMatchObject({ opens: 'never' });
    expect(addressProblem('fe80::1', true)).toMatchObject({ opens: 'never' });
    expect(addressProblem('224.0.0.1', true)).toMatchObject({ opens: 'never' });
  });
});
