/**
 * Which fault the fault layer injects into which request: a plan (nothing, a fixed schedule, or
 * seeded random rates) plus the request's shape. Pure, so it is tested without sockets.
 */
export const FaultKind = {
  /** Close the connection before the request reaches the server (the server saw nothing). */
  dropRequest: 'drop-request',
  /** Forward, let the server apply it, then close the connection without answering. */
  dropResponse: 'drop-response',
  error500: 'error-500',
  /** 503 with Retry-After (seconds or an HTTP date), not forwarded. */
  unavailable503: 'unavailable-503',
  /** Forward, then send the headers and half the body and close the connection. */
  truncatedBody: 'truncated-body',
  /** Forward, then rewrite every ETag (header and DAV:getetag) to a value the server never issued. */
  staleEtag: 'stale-etag',
  /** Answer a PUT with 412 Precondition Failed without forwarding it. */
  precondition412: 'precondition-412',
  /** Answer a sync-collection REPORT that carries a token with 403 DAV:valid-sync-token. */
  invalidSyncToken: 'invalid-sync-token',
  /** Forward a PUT and strip the ETag from its successful answer. */
  putWithoutEtag: 'put-without-etag',
} as const;
export type FaultKind = (typeof FaultKind)[keyof typeof FaultKind];

export const ALL_FAULTS: readonly FaultKind[] = Object.values(FaultKind);

export type FaultPlan =
  | { readonly mode: 'none' }
  /** The n-th request (counted from the last setPlan) gets `faults[n]`; null or past the end: none. */
  | { readonly mode: 'schedule'; readonly faults: readonly (FaultKind | null)[] }
  /** Each request independently gets each applicable fault with its probability (checked in order). */
  | { readonly mode: 'random'; readonly rates: Partial<Readonly<Record<FaultKind, number>>> };

export interface RequestShape {
  readonly method: string;
  /** True for a REPORT sync-collection with a non-empty sync-token. */
  readonly tokenSync: boolean;
}

/** Whether a fault makes sense for a request (a schedule entry that does not apply is skipped). */
export function applies(kind: FaultKind, request: RequestShape): boolean {
  switch (kind) {
    case FaultKind.precondition412:
    case FaultKind.putWithoutEtag:
      return request.method === 'PUT';
    case FaultKind.invalidSyncToken:
      return request.tokenSync;
    default:
      return true;
  }
}

export function pickFault(
  plan: FaultPlan,
  request: RequestShape,
  index: number,
  random: () => number,
): FaultKind | null {
  if (plan.mode === 'none') return null;
  if (plan.mode === 'schedule') {
    const kind = plan.faults[index] ?? null;
    return kind !== null && applies(kind, request) ? kind : null;
  }
  for (const kind of ALL_FAULTS) {
    const rate = plan.rates[kind] ?? 0;
    // Draw for every kind so the sequence of draws does not depend on which faults apply.
    const hit = random() < rate;
    if (hit && applies(kind, request)) return kind;
  }
  return null;
}

/** A Retry-After value: small delta-seconds, or an HTTP date a little ahead (both forms occur). */
export function retryAfterValue(random: () => number, now: number): string {
  const seconds = 1 + Math.floor(random() * 120);
  return random() < 0.5 ? String(seconds) : new Date(now + seconds * 1000).toUTCString();
}

/** An ETag no server issued, derived from the real one so it is stable per response. */
export function staleEtag(etag: string): string {
  const inner = etag.replace(/^W\//, '').replace(/^"|"$/g, '');
  return `"stale-${inner.slice(0, 12)}-${inner.length}"`;
}
