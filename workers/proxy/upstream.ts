/**
 * The contract between the handler and whatever talks to the CalDAV server. The handler has
 * already checked `address`; an implementation must connect to exactly that address (no second DNS
 * lookup, which is what defeats DNS rebinding) while sending the original host name in Host and
 * TLS SNI. upstream-fetch.ts is the Node implementation.
 */
import type { IpFamily } from './ip-address';

export interface UpstreamRequest {
  readonly url: URL;
  readonly address: string;
  readonly family: IpFamily;
  readonly method: string;
  readonly headers: Headers;
  readonly body: Uint8Array | null;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
}

export interface UpstreamResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Uint8Array<ArrayBuffer>;
}

export type UpstreamFetch = (request: UpstreamRequest) => Promise<UpstreamResponse>;

export const UpstreamFailureKind = {
  timeout: 'timeout',
  unreachable: 'unreachable',
  tooLarge: 'too-large',
} as const;
export type UpstreamFailureKind = (typeof UpstreamFailureKind)[keyof typeof UpstreamFailureKind];

/** Thrown by an UpstreamFetch; any other error counts as `unreachable`. */
export class UpstreamFailure extends Error {
  readonly kind: UpstreamFailureKind;

  constructor(kind: UpstreamFailureKind, message: string) {
    super(message);
    this.name = 'UpstreamFailure';
    this.kind = kind;
  }
}

export interface ResolvedAddress {
  readonly address: string;
  readonly family: number;
}

/** All addresses of a host name (like `dns.lookup(name, { all: true })`). */
export type LookupFn = (hostname: string) => Promise<readonly ResolvedAddress[]>;
