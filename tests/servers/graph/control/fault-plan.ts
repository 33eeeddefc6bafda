/**
 * Which fault the Graph test server injects into which request, by plan: nothing, a fixed schedule,
 * or seeded random rates (the shape of tests/servers/fault-plan.ts, with Graph's faults). Pure, so it
 * is tested without sockets; the server applies the pick (start-graph-server.ts, handle-request.ts,
 * routes/delta-routes.ts). Each kind names the page behind it in README.md.
 */
import { RequestKind } from '../http/request-kind';

export const GraphFaultKind = {
  /** The connection closes before the server reads the request: nothing is applied. */
  dropRequest: 'drop-request',
  /** The request is applied, then the connection closes before the answer (a create must not double). */
  dropResponse: 'drop-response',
  /** 429 `TooManyRequests` with Retry-After. */
  throttled429: 'throttled-429',
  /** 503 `serviceNotAvailable` with Retry-After. */
  unavailable503: 'unavailable-503',
  /** A delta request carrying a token: 410 `resyncRequired` with `Location` ("Synchronization reset"). */
  gone410: 'gone-410',
  /** A delta request carrying a token: 400 `syncStateNotFound` ("Token duration"). */
  syncStateNotFound: 'sync-state-not-found',
  /** A round from a deltaLink first re-sends the previous round's changes ("Replays"). */
  replay: 'replay',
  /** A round from a deltaLink repeats an entity on every page ("a single entity … multiple times"). */
  duplicates: 'duplicates',
  /** A round from a deltaLink begins with empty pages and ends on an empty one. */
  emptyPages: 'empty-pages',
  /**
   * A round from a deltaLink sees none of the changes made since that link's round ("Processing
   * delays": a change not yet reflected); its deltaLink still leads to them.
   */
  processingDelay: 'processing-delay',
} as const;
export type GraphFaultKind = (typeof GraphFaultKind)[keyof typeof GraphFaultKind];

export const ALL_GRAPH_FAULTS: readonly GraphFaultKind[] = Object.values(GraphFaultKind);

export type GraphFaultPlan =
  | { readonly mode: 'none' }
  /** The n-th request (counted from the last setPlan) gets `faults[n]`; null or past the end: none. */
  | { readonly mode: 'schedule'; readonly faults: readonly (GraphFaultKind | null)[] }
  /** Each request independently gets each applicable fault with its probability (checked in order). */
  | { readonly mode: 'random'; readonly rates: Partial<Readonly<Record<GraphFaultKind, number>>> };

/** What the plan needs to know of a request. */
export interface GraphRequestShape {
  readonly kind: RequestKind;
  /** The delta token the request carries: `skip` ($skiptoken), `delta` ($deltatoken), or none. */
  readonly deltaToken: 'skip' | 'delta' | null;
}

/** Whether a fault makes sense for a request (a schedule entry that does not apply is skipped). */
export function applies(kind: GraphFaultKind, request: GraphRequestShape): boolean {
  switch (kind) {
    case GraphFaultKind.gone410:
    case GraphFaultKind.syncStateNotFound:
      return request.kind === RequestKind.delta && request.deltaToken !== null;
    case GraphFaultKind.replay:
    case GraphFaultKind.duplicates:
    case GraphFaultKind.emptyPages:
    case GraphFaultKind.processingDelay:
      return request.kind === RequestKind.delta && request.deltaToken === 'delta';
    default:
      return true;
  }
}

export function pickGraphFault(
  plan: GraphFaultPlan,
  request: GraphRequestShape,
  index: number,
  random: () => number,
): GraphFaultKind | null {
  if (plan.mode === 'none') return null;
  if (plan.mode === 'schedule') {
    const kind = plan.faults[index] ?? null;
    return kind !== null && applies(kind, request) ? kind : null;
  }
  for (const kind of ALL_GRAPH_FAULTS) {
    const rate = plan.rates[kind] ?? 0;
    // Draw for every kind so the sequence of draws does not depend on which faults apply.
    const hit = random() < rate;
    if (hit && applies(kind, request)) return kind;
  }
  return null;
}

/** Retry-After in seconds, as Graph sends it: 1 to 120. */
export function retryAfterSeconds(random: () => number): number {
  return 1 + Math.floor(random() * 120);
}
