import type { HttpExchange, RawExchange } from '../exchange';

/**
 * The kinds of hostile request. Every case is malformed or refused by design and must get a 4xx
 * answer; none waits on the server's timeouts except the `slow` kind, which is about them.
 */
export const HostileKind = {
  badEscape: 'bad-escape',
  traversal: 'traversal',
  nulAndControl: 'nul-and-control',
  hugeHeaders: 'huge-headers',
  oddHeaders: 'odd-headers',
  badHost: 'bad-host',
  method: 'method',
  connect: 'connect',
  targetForm: 'target-form',
  overlongUrl: 'overlong-url',
  requestLine: 'request-line',
  smuggling: 'smuggling',
  slow: 'slow',
  pipelined: 'pipelined',
  junk: 'junk',
} as const;
export type HostileKind = (typeof HostileKind)[keyof typeof HostileKind];

export interface RawCase extends RawExchange {
  readonly kind: HostileKind;
  readonly name: string;
  /** Answers that come before the refusal: valid requests pipelined ahead of the junk, answered 2xx. */
  readonly okFirst?: number;
}

export interface HttpCase extends HttpExchange {
  readonly kind: HostileKind;
  readonly name: string;
}

/** The proxy's address for a refused target: the proxy itself answers (with a 4xx of its own). */
export const PROXY_TARGET = '/proxy?url=http%3A%2F%2F127.0.0.1%3A1%2F';

export function requestBytes(
  method: string,
  target: string,
  host: string,
  headers: readonly string[] = [],
): string {
  return [`${method} ${target} HTTP/1.1`, `Host: ${host}`, ...headers, '', ''].join('\r\n');
}
