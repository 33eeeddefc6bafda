/**
 * Where an IMAP connection may go, by the proxy's rules (docs/sync-rules.md rule 31, reusing its
 * modules): the host as URL parsing writes it and in its usual spelling, not a metadata name, named by
 * the allowlist with its port (an entry without a port means 993), and every address it resolves to
 * public, or loopback / private only when the operator opened private access for exactly this
 * `host:port`. The connection then goes to the first checked address (no second lookup: DNS
 * rebinding), with the name kept for TLS (SNI and the certificate check). Without TLS, only loopback,
 * and only when the tests turned that on.
 */
import { BlockList, isIP } from 'node:net';
import { addressProblem } from '../proxy/address-policy.ts';
import { isMetadataHost, matchHost, type HostAllowlist } from '../proxy/host-allowlist.ts';
import { parseIp } from '../proxy/ip-address.ts';
import type { LookupFn } from '../proxy/upstream.ts';
import { MailBridgeError } from './bridge-error.ts';

export const ImapSecurity = {
  /** TLS from the first byte (port 993). */
  tls: 'tls',
  /** Plain connection upgraded by STARTTLS before anything is sent (port 143); refused if not offered. */
  starttls: 'starttls',
  /** No TLS: loopback only, and only with `allowPlainLoopback` (tests). */
  plain: 'plain',
} as const;
export type ImapSecurity = (typeof ImapSecurity)[keyof typeof ImapSecurity];

export interface ImapServer {
  readonly host: string;
  readonly port: number;
  readonly security: ImapSecurity;
}

export interface TargetPolicy {
  readonly allowlist: HostAllowlist;
  readonly allowPrivate: boolean;
  readonly allowPlainLoopback: boolean;
}

/** A server that passed every check, with the one address to connect to. */
export interface CheckedServer extends ImapServer {
  readonly address: string;
}

const implicitTlsPort = 993;
const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

function isLoopback(address: string): boolean {
  const family = isIP(address);
  return family !== 0 && loopback.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
const setting = 'ALMANAC_MAIL_BRIDGE_ALLOWED_HOSTS';

function canonicalHost(host: string): string {
  const bad = () =>
    new MailBridgeError('invalid-request', 'server.host is not a host name or address.', {
      details: { field: 'server.host' },
    });
  if (host === '' || host.length > 253 || /[\s/\\?#@%*:]/.test(host.replace(/^\[.*\]$/, ''))) throw bad();
  let hostname: string;
  try {
    hostname = new URL(`https://${host}/`).hostname;
  } catch {
    throw bad();
  }
  if (hostname !== host.toLowerCase()) {
    throw new MailBridgeError(
      'address-spelling-not-allowed',
      `server.host writes ${hostname} in another form: write it as ${hostname}.`,
      { details: { host, address: hostname } },
    );
  }
  return hostname;
}

function openHint(entry: string): string {
  return `the bridge reaches it only with ALMANAC_MAIL_BRIDGE_ALLOW_PRIVATE=1 and ${entry} in ${setting}`;
}

function addressRefusal(host: string, port: number, address: string, privateAllowed: boolean) {
  const problem = addressProblem(address, privateAllowed);
  if (!problem) return null;
  const what =
    host === problem.address
      ? `${host} is ${problem.what}`
      : `${host} resolves to ${problem.address}, ${problem.what}`;
  if (problem.opens === 'never') {
    return new MailBridgeError('address-not-allowed', `${what}: no setting opens it.`, {
      details: { host, port, address: problem.address },
    });
  }
  const entry = `${host}:${port}`;
  return new MailBridgeError('private-address-not-allowed', `${what}: ${openHint(entry)}.`, {
    details: { host, port, entry, address: problem.address },
  });
}

/** Throws a MailBridgeError unless the server may be reached; resolves to the address to connect to. */
export async function checkServer(
  server: ImapServer,
  policy: TargetPolicy,
  lookup: LookupFn,
): Promise<CheckedServer> {
  const host = canonicalHost(server.host);
  const { port } = server;
  const plainRefusal = () =>
    new MailBridgeError(
      'plain-not-allowed',
      `The bridge connects to ${host} only over TLS: use "tls" (port 993) or "starttls" (port 143).`,
      { details: { host, port, field: 'server.security' } },
    );
  if (server.security === 'plain' && !policy.allowPlainLoopback) throw plainRefusal();
  if (isMetadataHost(host)) {
    throw new MailBridgeError('address-not-allowed', `${host} is a cloud metadata service.`, {
      details: { host, port },
    });
  }
  const match = matchHost(policy.allowlist, host, port, implicitTlsPort);
  const privateAllowed = policy.allowPrivate && match.allowed && match.exactWithPort;
  const literal = parseIp(host);
  if (literal) {
    const refusal = addressRefusal(host, port, literal.address, privateAllowed);
    if (refusal) throw refusal;
  }
  if (!match.allowed) {
    const entry = `${host}:${port}`;
    const kind = match.refused === 'port' ? 'port-not-allowed' : 'host-not-allowed';
    const reason =
      kind === 'port-not-allowed'
        ? `Port ${port} of ${host} is not allowed: add ${entry} to ${setting}.`
        : `${host} is not in the bridge's list of allowed mail servers: add ${entry} to ${setting}.`;
    throw new MailBridgeError(kind, reason, { details: { host, port, entry } });
  }
  let address: string;
  if (literal) {
    address = literal.address;
  } else {
    let answers;
    try {
      answers = await lookup(host);
    } catch {
      throw new MailBridgeError('dns-failed', `The name ${host} could not be resolved.`, {
        details: { host, port },
      });
    }
    if (answers.length === 0)
      throw new MailBridgeError('dns-failed', `The name ${host} has no address.`, {
        details: { host, port },
      });
    for (const answer of answers) {
      const refusal = addressRefusal(host, port, answer.address, privateAllowed);
      if (refusal) throw refusal;
    }
    address = parseIp(answers[0]?.address ?? '')?.address ?? '';
  }
  if (server.security === 'plain' && !isLoopback(address)) throw plainRefusal();
  return { host, port, security: server.security, address };
}
