/**
 * The last step before an answer leaves: an error gets its JSON body and headers, every answer its
 * `request-id` / `client-request-id` (the client's own id echoed when it sent one).
 */
import { errorBody } from '../graph-error';
import type { JsonValue } from '../json';
import type { GraphResponse } from './graph-request';

export interface FinalResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: JsonValue | undefined;
}

export const JSON_CONTENT_TYPE =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export function finalize(
  response: GraphResponse,
  requestId: string,
  clientRequestId: string | undefined,
  nowMs: number,
): FinalResponse {
  const clientId = clientRequestId ?? requestId;
  const headers: Record<string, string> = {
    ...(response.headers ?? {}),
    ...(response.error?.headers ?? {}),
    'request-id': requestId,
    'client-request-id': clientId,
  };
  const body = response.error ? errorBody(response.error, requestId, clientId, nowMs) : response.body;
  if (body !== undefined) headers['Content-Type'] = JSON_CONTENT_TYPE;
  return { status: response.status, headers, body };
}
