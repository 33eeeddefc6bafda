/**
 * One imapflow connection made from a checked server and the request's credentials: to the checked
 * address (never a second DNS lookup), the name kept for TLS; TLS verified (the system's roots and
 * any the operator added), STARTTLS required on "starttls", none only on "plain" (loopback, tests);
 * QRESYNC enabled where the server offers it unless the request turned it off (docs/sync-rules.md
 * rules 60–61: a server whose VANISHED is broken); imapflow's own logging off, so no command, user
 * name or password is ever written anywhere; auto-IDLE off (a pooled connection only does what a
 * request asks).
 */
import { isIP } from 'node:net';
import { rootCertificates } from 'node:tls';
import { ImapFlow } from 'imapflow';
import type { CheckedServer } from './imap-target.ts';

export interface Credentials {
  readonly user: string;
  readonly password: string;
}

export interface SessionOptions {
  readonly qresync: boolean;
  readonly connectTimeoutMs: number;
  readonly commandTimeoutMs: number;
  /** PEM roots trusted besides the system's (config.ts). */
  readonly extraCaCertificates: readonly string[];
  /** Push streams only: IDLE on, restarted this often. */
  readonly idleRestartMs?: number;
}

export function createImapClient(
  server: CheckedServer,
  credentials: Credentials,
  options: SessionOptions,
): ImapFlow {
  const idle = options.idleRestartMs !== undefined;
  return new ImapFlow({
    host: server.address,
    port: server.port,
    secure: server.security === 'tls',
    doSTARTTLS: server.security === 'starttls' ? true : server.security === 'plain' ? false : undefined,
    ...(isIP(server.host) === 0 ? { servername: server.host } : {}),
    tls: {
      rejectUnauthorized: true,
      minVersion: 'TLSv1.2',
      ...(options.extraCaCertificates.length > 0
        ? { ca: [...rootCertificates, ...options.extraCaCertificates] }
        : {}),
    },
    auth: { user: credentials.user, pass: credentials.password },
    logger: false,
    qresync: options.qresync,
    disableAutoIdle: !idle,
    ...(idle ? { maxIdleTime: options.idleRestartMs } : {}),
    connectionTimeout: options.connectTimeoutMs,
    greetingTimeout: options.connectTimeoutMs,
    socketTimeout: idle
      ? Math.max(options.commandTimeoutMs, (options.idleRestartMs ?? 0) + 60_000)
      : options.commandTimeoutMs,
    clientInfo: { name: 'Almanac mail bridge' },
  });
}
