/**
 * Where the mail bridge may connect (workers/mail-bridge/imap-target.ts, the proxy's policy modules of
 * docs/sync-rules.md rule 31 reused): with private access opened for exactly one `127.0.0.1:PORT` and
 * plain IMAP to loopback on, everything else that points at loopback, private, metadata or reserved
 * addresses, in any spelling, through any name, is refused with its kind, before any connection.
 */
import { describe, expect, it } from 'vitest';
import { MailBridgeError } from '../../../workers/mail-bridge/bridge-error';
import { parseAllowlist } from '../../../workers/proxy/host-allowlist';
import { checkServer, type ImapSecurity, type TargetPolicy } from '../../../workers/mail-bridge/imap-target';
import type { LookupFn } from '../../../workers/proxy/upstream';

const PORT = 31143;
const dns: Readonly<Record<string, readonly string[]>> = {
  'mail.example.org': ['93.184.216.34'],
  'evil.example': ['10.1.2.3'],
  'rebind.example.com': ['93.184.216.34', '127.0.0.1'],
  'loop.wild.example': ['127.0.0.1'],
};
const lookups: string[] = [];
const lookup: LookupFn = (hostname) => {
  lookups.push(hostname);
  const answers = dns[hostname];
  if (!answers) return Promise.reject(new Error('ENOTFOUND'));
  return Promise.resolve(answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
};

const policy: TargetPolicy = {
  allowlist: parseAllowlist(
    [`127.0.0.1:${PORT}`, 'mail.example.org', 'evil.example', 'rebind.example.com', `*.wild.example:${PORT}`],
    'test',
  ),
  allowPrivate: true,
  allowPlainLoopback: true,
};

async function kindOf(
  host: string,
  port: number,
  security: ImapSecurity = 'tls',
  with_ = policy,
): Promise<string> {
  try {
    await checkServer({ host, port, security }, with_, lookup);
    return 'allowed';
  } catch (error) {
    if (error instanceof MailBridgeError) return error.kind;
    throw error;
  }
}

const refused: readonly (readonly [string, number, string])[] = [
  ['127.1', PORT, 'address-spelling-not-allowed'],
  ['0177.0.0.1', PORT, 'address-spelling-not-allowed'],
  ['0x7f000001', PORT, 'address-spelling-not-allowed'],
  ['2130706433', PORT, 'address-spelling-not-allowed'],
  ['127.0.0.1.', PORT, 'address-spelling-not-allowed'],
  ['[::ffff:127.0.0.1]', PORT, 'address-spelling-not-allowed'],
  ['127.0.0.1', PORT + 1, 'private-address-not-allowed'],
  ['127.0.0.1', 993, 'private-address-not-allowed'],
  ['127.0.0.2', PORT, 'private-address-not-allowed'],
  ['[::1]', PORT, 'private-address-not-allowed'],
  ['localhost', PORT, 'host-not-allowed'],
  ['0.0.0.0', PORT, 'address-not-allowed'],
  ['10.0.0.1', 993, 'private-address-not-allowed'],
  ['192.168.1.1', 993, 'private-address-not-allowed'],
  ['100.64.0.1', 993, 'private-address-not-allowed'],
  ['[fd12:3456::1]', 993, 'private-address-not-allowed'],
  ['169.254.10.10', 993, 'address-not-allowed'],
  ['169.254.169.254', 993, 'address-not-allowed'],
  ['[fd00:ec2::254]', 993, 'address-not-allowed'],
  ['metadata.google.internal', 993, 'address-not-allowed'],
  ['224.0.0.1', 993, 'address-not-allowed'],
  ['[64:ff9b::a00:1]', 993, 'private-address-not-allowed'],
  ['[2002:a9fe:a9fe::]', 993, 'address-not-allowed'],
  ['evil.example', 993, 'private-address-not-allowed'],
  ['rebind.example.com', 993, 'private-address-not-allowed'],
  ['loop.wild.example', PORT, 'private-address-not-allowed'],
  ['mail.example.org', 143, 'port-not-allowed'],
  ['imap.other.example', 993, 'host-not-allowed'],
  ['user@127.0.0.1', PORT, 'invalid-request'],
  ['127.0.0.1/INBOX', PORT, 'invalid-request'],
  ['127.0.0.1:993', PORT, 'invalid-request'],
];

describe('the mail bridge reaches only what it was told', () => {
  for (const [host, port, kind] of refused) {
    it(`refuses ${host} port ${port} (${kind})`, async () => {
      expect(await kindOf(host, port)).toBe(kind);
    });
  }

  it('reaches the one opened loopback address, in plain only there, and a public allowed name over TLS', async () => {
    expect(await kindOf('127.0.0.1', PORT, 'plain')).toBe('allowed');
    expect(await kindOf('mail.example.org', 993, 'tls')).toBe('allowed');
    expect(await kindOf('mail.example.org', 993, 'plain')).toBe('plain-not-allowed');
    const noSwitch = { ...policy, allowPlainLoopback: false };
    expect(await kindOf('127.0.0.1', PORT, 'plain', noSwitch)).toBe('plain-not-allowed');
  });

  it('connects to the address it checked, not to a second lookup', async () => {
    const checked = await checkServer(
      { host: 'mail.example.org', port: 993, security: 'tls' },
      policy,
      lookup,
    );
    expect(checked).toEqual({
      host: 'mail.example.org',
      port: 993,
      security: 'tls',
      address: '93.184.216.34',
    });
  });

  it('refuses a literal or a name outside the list without asking DNS', async () => {
    lookups.length = 0;
    await kindOf('imap.other.example', 993);
    await kindOf('169.254.169.254', 993);
    expect(lookups).toEqual([]);
  });
});
