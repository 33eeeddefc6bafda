/**
 * imapflow's errors as the bridge's kinds. What imapflow really throws (checked against Dovecot 2.3):
 * a wrong password is an `AuthenticationFailure` with `authenticationFailed: true` and
 * `serverResponseCode: 'AUTHENTICATIONFAILED'`; a closed port is Node's `ECONNREFUSED`; time limits are
 * `CONNECT_TIMEOUT`, `GREETING_TIMEOUT`, `UPGRADE_TIMEOUT` or `ETIMEOUT`; a failed TLS handshake carries
 * `tlsFailed`; a missing folder `mailboxMissing`; a NO / BAD answer `responseStatus` and the server's
 * `responseText`. The server's words are passed on; nothing the user sent is.
 */
import { MailBridgeError } from './bridge-error.ts';

interface ImapFailureFields {
  readonly code?: unknown;
  readonly authenticationFailed?: unknown;
  readonly tlsFailed?: unknown;
  readonly mailboxMissing?: unknown;
  readonly responseStatus?: unknown;
  readonly responseText?: unknown;
  readonly serverResponseCode?: unknown;
}

const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'NoConnection',
  'EConnectionClosed',
  'ClosedAfterConnectText',
  'ClosedAfterConnectTLS',
]);
const timeoutCodes = new Set([
  'CONNECT_TIMEOUT',
  'GREETING_TIMEOUT',
  'UPGRADE_TIMEOUT',
  'ETIMEOUT',
  'ETIMEDOUT',
]);

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value.slice(0, 300) : undefined;
}

export function imapFailure(error: unknown, server: { host: string; port: number }): MailBridgeError {
  if (error instanceof MailBridgeError) return error;
  const fields: ImapFailureFields = typeof error === 'object' && error !== null ? error : {};
  const { host, port } = server;
  const code = typeof fields.code === 'string' ? fields.code : '';
  const serverText = text(fields.responseText);
  if (fields.authenticationFailed === true || fields.serverResponseCode === 'AUTHENTICATIONFAILED') {
    return new MailBridgeError(
      'auth-failed',
      `${host} refused the user name or password: check them (an app password if the provider asks for one).`,
      { details: { host, port, ...(serverText ? { serverText } : {}) } },
    );
  }
  if (
    fields.tlsFailed === true ||
    code.startsWith('ERR_TLS') ||
    code.startsWith('CERT_') ||
    code === 'DEPTH_ZERO_SELF_SIGNED_CERT'
  ) {
    return new MailBridgeError(
      'tls-failed',
      `The secure connection to ${host}:${port} failed (${code || 'TLS'}).`,
      {
        details: { host, port },
      },
    );
  }
  if (timeoutCodes.has(code)) {
    return new MailBridgeError('server-timeout', `${host}:${port} did not answer in time.`, {
      details: { host, port },
    });
  }
  if (unreachableCodes.has(code)) {
    return new MailBridgeError(
      'server-unreachable',
      `${host}:${port} could not be reached (${code}); try again later.`,
      {
        details: { host, port },
      },
    );
  }
  if (fields.mailboxMissing === true || fields.serverResponseCode === 'NONEXISTENT') {
    return new MailBridgeError('folder-not-found', 'The server has no such folder.', {
      details: { host, port, ...(serverText ? { serverText } : {}) },
    });
  }
  if (fields.responseStatus === 'NO' || fields.responseStatus === 'BAD') {
    return new MailBridgeError(
      'server-refused',
      `${host} refused the command${serverText ? `: ${serverText}` : ''}.`,
      {
        details: { host, port, ...(serverText ? { serverText } : {}) },
      },
    );
  }
  return new MailBridgeError(
    'server-unreachable',
    `The connection to ${host}:${port} failed; try again later.`,
    {
      details: { host, port },
    },
  );
}
