/**
 * Every refusal and failure the mail bridge answers: a kind the app can branch on, an HTTP status and
 * plain words, as JSON `{ "error": kind, "reason": words, …details }` with the kind also in
 * `X-Mail-Bridge-Error`, so the app tells the bridge's answer from anything else on the way. This file
 * imports nothing, so the sync worker can share the list when mail sync comes.
 */
export const MailBridgeErrorKind = {
  notFound: 'not-found',
  methodNotAllowed: 'method-not-allowed',
  originNotAllowed: 'origin-not-allowed',
  rateLimited: 'rate-limited',
  bodyTooLarge: 'body-too-large',
  /** The body is not JSON. */
  invalidJson: 'invalid-json',
  /** JSON, but a field is missing or wrong (the reason names it). */
  invalidRequest: 'invalid-request',
  /** No `Authorization: Basic …`, or not a readable one. */
  missingCredentials: 'missing-credentials',
  /** The IMAP server refused the user name or password: the user should check the app password. */
  authFailed: 'auth-failed',
  hostNotAllowed: 'host-not-allowed',
  portNotAllowed: 'port-not-allowed',
  privateAddressNotAllowed: 'private-address-not-allowed',
  addressNotAllowed: 'address-not-allowed',
  addressSpellingNotAllowed: 'address-spelling-not-allowed',
  /** A connection without TLS to anything but loopback (or to loopback without the test switch). */
  plainNotAllowed: 'plain-not-allowed',
  dnsFailed: 'dns-failed',
  /** No connection to the IMAP server (refused, reset, no route): retry later. */
  serverUnreachable: 'server-unreachable',
  serverTimeout: 'server-timeout',
  /** The TLS handshake failed (certificate, protocol). */
  tlsFailed: 'tls-failed',
  /** The server lacks something the request needs (MOVE, UIDPLUS, a Trash folder). */
  serverUnsupported: 'server-unsupported',
  /** The server answered NO or BAD to a command. */
  serverRefused: 'server-refused',
  folderNotFound: 'folder-not-found',
  messageNotFound: 'message-not-found',
  messageTooLarge: 'message-too-large',
  /** Too many push streams open for one account or client. */
  tooManyStreams: 'too-many-streams',
  internal: 'internal',
} as const;
export type MailBridgeErrorKind = (typeof MailBridgeErrorKind)[keyof typeof MailBridgeErrorKind];

export const mailBridgeErrorStatus: Readonly<Record<MailBridgeErrorKind, number>> = {
  'not-found': 404,
  'method-not-allowed': 405,
  'origin-not-allowed': 403,
  'rate-limited': 429,
  'body-too-large': 413,
  'invalid-json': 400,
  'invalid-request': 400,
  'missing-credentials': 401,
  'auth-failed': 401,
  'host-not-allowed': 403,
  'port-not-allowed': 403,
  'private-address-not-allowed': 403,
  'address-not-allowed': 403,
  'address-spelling-not-allowed': 400,
  'plain-not-allowed': 403,
  'dns-failed': 502,
  'server-unreachable': 502,
  'server-timeout': 504,
  'tls-failed': 502,
  'server-unsupported': 501,
  'server-refused': 502,
  'folder-not-found': 404,
  'message-not-found': 404,
  'message-too-large': 413,
  'too-many-streams': 429,
  internal: 500,
};

/** What an answer may say beyond its kind; each field only where it applies. */
export interface MailBridgeErrorDetails {
  readonly host?: string;
  readonly port?: number;
  /** The `ALMANAC_MAIL_BRIDGE_ALLOWED_HOSTS` entry that would let this server through. */
  readonly entry?: string;
  readonly address?: string;
  /** The request field at fault (`server.port`, `uids`, `folder`). */
  readonly field?: string;
  /** The server's own words for a NO / BAD (never anything the user sent). */
  readonly serverText?: string;
  readonly limit?: number;
}

export class MailBridgeError extends Error {
  readonly kind: MailBridgeErrorKind;
  readonly status: number;
  readonly details: MailBridgeErrorDetails;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    kind: MailBridgeErrorKind,
    reason: string,
    extra: { details?: MailBridgeErrorDetails; headers?: Record<string, string> } = {},
  ) {
    super(reason);
    this.name = 'MailBridgeError';
    this.kind = kind;
    this.status = mailBridgeErrorStatus[kind];
    this.details = extra.details ?? {};
    this.headers = extra.headers ?? {};
  }
}

export function errorBody(error: MailBridgeError): string {
  return JSON.stringify({ error: error.kind, reason: error.message, ...error.details });
}
