/**
 * A request and its answer independent of node:http, so a `$batch` item runs through the same
 * routes as a request of its own.
 */
import type { GraphFaultKind } from '../control/fault-plan';
import type { GraphError } from '../graph-error';
import type { JsonValue } from '../json';

export interface GraphRequest {
  readonly method: string;
  /** The decoded path below the version segment, e.g. `/me/events/AAMk…=`. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed JSON body; undefined when there is none. */
  readonly body: JsonValue | undefined;
  /** Set when a body was sent but is not JSON. */
  readonly bodyError?: string;
  /** The fault the plan picked for this request (control/fault-plan.ts), applied where it belongs. */
  readonly fault?: GraphFaultKind;
}

export interface GraphResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: JsonValue;
  /** An error answer; its JSON body (with request ids) is written by whoever sends it. */
  readonly error?: GraphError;
}

export const json = (status: number, body: JsonValue, headers?: Record<string, string>): GraphResponse => ({
  status,
  body,
  ...(headers ? { headers } : {}),
});

export const errorResponse = (error: GraphError): GraphResponse => ({ status: error.status, error });

/** A query parameter, its name matched case-insensitively (`startdatetime` works, as on Graph). */
export function param(query: URLSearchParams, name: string): string | null {
  const lower = name.toLowerCase();
  for (const [key, value] of query) if (key.toLowerCase() === lower) return value;
  return null;
}
