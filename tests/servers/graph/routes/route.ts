/** A route: method, path pattern (`:name` segments are parameters), request kind and handler. */
import type { DeltaMemory } from '../delta/delta-memory';
import type { FaultSwitches } from '../control/fault-switches';
import type { GraphResponse } from '../http/graph-request';
import type { RequestKind } from '../http/request-kind';
import type { RouteRequest } from '../http/route-request';
import type { MailboxStore } from '../store/mailbox-store';

/** What every handler may use: the mailbox, the delta memory, the switches. */
export interface GraphContext {
  readonly store: MailboxStore;
  readonly delta: DeltaMemory;
  readonly faults: FaultSwitches;
}

export type RouteHandler = (
  context: GraphContext,
  request: RouteRequest,
) => GraphResponse | Promise<GraphResponse>;

export interface Route {
  readonly method: string;
  readonly pattern: string;
  readonly kind: RequestKind;
  readonly handler: RouteHandler;
}

export const route = (method: string, pattern: string, kind: RequestKind, handler: RouteHandler): Route => ({
  method,
  pattern,
  kind,
  handler,
});
