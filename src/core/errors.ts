import type { ProxyRefusal } from './proxy-refusal';

/**
 * Errors are data with a kind, so they survive the worker boundary (structured clone) and the UI can
 * map each kind to words and an action (src/lib/error-messages.ts).
 */
export const ErrorKind = {
  storageUnavailable: 'storage-unavailable',
  quotaExceeded: 'quota-exceeded',
  invalidInput: 'invalid-input',
  malformedIcs: 'malformed-ics',
  notFound: 'not-found',
  readOnly: 'read-only',
  auth: 'auth',
  network: 'network',
  server: 'server',
  conflict: 'conflict',
  /** The server wants an app-specific password (iCloud, Fastmail, Infomaniak with 2FA). */
  appPasswordNeeded: 'app-password-needed',
  /** No server answers at that address (DNS, connection refused, TLS). */
  serverNotFound: 'server-not-found',
  /** Something answers, but it does not speak CalDAV there. */
  notCalDav: 'not-caldav',
  /** The CORS proxy refused the target (not on its allowlist, another port, a private address). */
  hostNotAllowed: 'host-not-allowed',
  /** A calendar that had events suddenly lists none: nothing was deleted, the user is asked (docs/sync-rules.md rule 5). */
  suspiciousEmptyListing: 'suspicious-empty-listing',
  /** Outlook cannot store the event's repeat rule; `detail` says why (src/core/sync/unsupported-recurrence.ts). */
  unsupportedRecurrence: 'unsupported-recurrence',
  unknown: 'unknown',
} as const;
export type ErrorKind = (typeof ErrorKind)[keyof typeof ErrorKind];

export interface AppErrorData {
  readonly kind: ErrorKind;
  readonly message: string;
  readonly retryable: boolean;
  /** Optional detail for the user to copy (never credentials). */
  readonly detail?: string;
  /** For retryable errors: the server's Retry-After, in ms, when it gave one. */
  readonly retryAfterMs?: number;
  /** The CORS proxy's refusal behind this error, so the words name the setting to change. */
  readonly proxyRefusal?: ProxyRefusal;
}

export class AppError extends Error implements AppErrorData {
  readonly kind: ErrorKind;
  readonly retryable: boolean;
  readonly detail?: string;
  readonly retryAfterMs?: number;
  readonly proxyRefusal?: ProxyRefusal;

  constructor(data: AppErrorData, options?: { cause?: unknown }) {
    super(data.message, options);
    this.name = 'AppError';
    this.kind = data.kind;
    this.retryable = data.retryable;
    if (data.detail !== undefined) this.detail = data.detail;
    if (data.retryAfterMs !== undefined) this.retryAfterMs = data.retryAfterMs;
    if (data.proxyRefusal !== undefined) this.proxyRefusal = data.proxyRefusal;
  }

  toData(): AppErrorData {
    return {
      kind: this.kind,
      message: this.message,
      retryable: this.retryable,
      ...(this.detail !== undefined ? { detail: this.detail } : {}),
      ...(this.retryAfterMs !== undefined ? { retryAfterMs: this.retryAfterMs } : {}),
      ...(this.proxyRefusal !== undefined ? { proxyRefusal: this.proxyRefusal } : {}),
    };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Turns anything thrown into AppErrorData, recognising IndexedDB's storage errors. */
export function toAppErrorData(error: unknown): AppErrorData {
  if (isAppError(error)) return error.toData();
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError' || /quota/i.test(message)) {
    return { kind: ErrorKind.quotaExceeded, message, retryable: false };
  }
  if (name === 'MissingAPIError' || name === 'InvalidStateError' || name === 'OpenFailedError') {
    return { kind: ErrorKind.storageUnavailable, message, retryable: false };
  }
  return { kind: ErrorKind.unknown, message, retryable: false };
}
