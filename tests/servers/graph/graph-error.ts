/**
 * Errors as Graph answers them: `{"error":{"code","message","innerError":{"date","request-id",
 * "client-request-id"}}}` ("Microsoft Graph error responses and resource types"). Codes and messages
 * come from Microsoft's pages where they are documented and from answers seen in the field otherwise
 * (the README says which is which).
 */
import type { JsonObject } from './json';

export interface GraphError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: GraphError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: GraphError): Result<T> => ({ ok: false, error });

export const GraphErrors = {
  itemNotFound: (): GraphError => ({
    status: 404,
    code: 'ErrorItemNotFound',
    message: 'The specified object was not found in the store.',
  }),
  invalidRequest: (message: string): GraphError => ({ status: 400, code: 'ErrorInvalidRequest', message }),
  invalidParameter: (message: string): GraphError => ({
    status: 400,
    code: 'ErrorInvalidParameter',
    message,
  }),
  bodyRead: (message: string): GraphError => ({ status: 400, code: 'RequestBodyRead', message }),
  badRequest: (message: string): GraphError => ({ status: 400, code: 'BadRequest', message }),
  timeZoneNotSupported: (name: string): GraphError => ({
    status: 400,
    code: 'TimeZoneNotSupportedException',
    message: `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${name}'.`,
  }),
  irresolvableConflict: (): GraphError => ({
    status: 412,
    code: 'ErrorIrresolvableConflict',
    message:
      'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.',
  }),
  accessDenied: (): GraphError => ({
    status: 403,
    code: 'ErrorAccessDenied',
    message: 'Access is denied. Check credentials and try again.',
  }),
  occurrenceCrossingBoundary: (): GraphError => ({
    status: 400,
    code: 'ErrorOccurrenceCrossingBoundary',
    message: 'Modified occurrence is crossing or overlapping adjacent occurrence.',
  }),
  unauthenticated: (message: string): GraphError => ({
    status: 401,
    code: 'InvalidAuthenticationToken',
    message,
    headers: {
      'WWW-Authenticate':
        'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
    },
  }),
  mailboxConcurrency: (retryAfterSeconds: number): GraphError => ({
    status: 429,
    code: 'ApplicationThrottled',
    message: 'Application is over its MailboxConcurrency limit.',
    headers: { 'Retry-After': String(retryAfterSeconds) },
  }),
  syncStateNotFound: (status: number): GraphError => ({
    status,
    code: 'syncStateNotFound',
    message:
      'The sync state generation is not found. The delta token is expired and data must be synchronized again.',
  }),
  resyncRequired: (location: string): GraphError => ({
    status: 410,
    code: 'resyncRequired',
    message: 'The delta token is no longer valid, and the app must reset the sync state.',
    headers: { Location: location },
  }),
  methodNotAllowed: (): GraphError => ({
    status: 405,
    code: 'Request_BadRequest',
    message: 'Specified HTTP method is not allowed for the request target.',
  }),
  segmentNotFound: (segment: string): GraphError => ({
    status: 400,
    code: 'BadRequest',
    message: `Resource not found for the segment '${segment}'.`,
  }),
  failedDependency: (): GraphError => ({ status: 424, code: 'BadRequest', message: 'Failed dependency' }),
} as const;

/** `2023-02-20T05:06:48`: innerError dates carry no zone and no fraction. */
const innerDate = (nowMs: number) => new Date(nowMs).toISOString().slice(0, 19);

export function errorBody(
  error: GraphError,
  requestId: string,
  clientRequestId: string,
  nowMs: number,
): JsonObject {
  return {
    error: {
      code: error.code,
      message: error.message,
      innerError: { date: innerDate(nowMs), 'request-id': requestId, 'client-request-id': clientRequestId },
    },
  };
}
