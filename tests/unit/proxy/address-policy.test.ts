// docs/sync-rules.md rule 31: the addresses the proxy refuses, in every IPv4 and IPv6 spelling.
import { describe, expect, it } from 'vitest';
import { addressRefusalReason } from '../../../workers/proxy/address-policy';

const strict = { allowLoopback: false };
const tests = { allowLoopback: true };

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
    expect(addressRefusalReason(address, strict)).toBeNull();
  });

  it.each([
    ['127.0.0.1', /loopback/],
    ['::ffff:127.0.0.1', /IPv4-mapped/],
    ['0:0:0:0:0:ffff:7f00:1', /IPv4-mapped/],
    ['10.255.255.255', /private/],
    ['169.254.169.254', /metadata/],
    ['fd00:ec2::254', /metadata/],
    ['fec0::1', /reserved/],
    ['2001:db8::1', /reserved/],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', /reserved/], // Teredo
    ['fe80::1%eth0', /not a plain IP/],
    ['localhost', /not a plain IP/],
    ['0177.0.0.1', /not a plain IP/], // never from a resolver; refused rather than guessed
  ])('refuses %s', (address, reason) => {
    expect(addressRefusalReason(address, strict)).toMatch(reason);
  });

  it('allows loopback only when configured, and nothing else with it', () => {
    expect(addressRefusalReason('127.0.0.1', tests)).toBeNull();
    expect(addressRefusalReason('::1', tests)).toBeNull();
    expect(addressRefusalReason('::ffff:127.0.0.1', tests)).toBeNull();
    expect(addressRefusalReason('0.0.0.0', tests)).toMatch(/unspecified/);
    expect(addressRefusalReason('10.0.0.1', tests)).toMatch(/private/);
    expect(addressRefusalReason('169.254.169.254', tests)).toMatch(/metadata/);
  });
});
