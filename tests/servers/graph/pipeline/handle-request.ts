/**
 * One HTTP request through the server, in the order a request meets Graph: the bearer token (401),
 * the mailbox's concurrency slot (429 MailboxConcurrency past 4 in flight), the test's latency and
 * hold, switched-on or planned throttling (429 / 503 with Retry-After), then the route. `$batch` takes no
 * mailbox slot itself: its items do, one at a time.
 */
import { GraphFaultKind, retryAfterSeconds } from '../control/fault-plan';
import { throttleError } from '../control/throttle-rule';
import type { FaultSwitches } from '../control/fault-switches';
import { GraphErrors, type GraphError } from '../graph-error';
import type { GraphRequest, GraphResponse } from '../http/graph-request';
import { RequestKind } from '../http/request-kind';
import { runBatch } from './batch';
import { classify, dispatch } from './dispatch';
import type { PipelineDeps } from './pipeline-deps';

const sleep = (ms: number) =>
  ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve();

/** The 429 or 503 the request's planned fault asks for, if it is one (control/fault-plan.ts). */
function plannedThrottle(faults: FaultSwitches, request: GraphRequest): GraphError | null {
  if (request.fault === GraphFaultKind.throttled429 || request.fault === GraphFaultKind.unavailable503) {
    const seconds = retryAfterSeconds(() => faults.plan.random());
    return throttleError(request.fault === GraphFaultKind.throttled429 ? 429 : 503, seconds);
  }
  return null;
}

export interface Handled {
  readonly kind: RequestKind;
  readonly response: GraphResponse;
}

export async function handleRequest(deps: PipelineDeps, request: GraphRequest): Promise<Handled> {
  const { faults } = deps.context;
  const { kind, match } = classify(request.method, request.path);
  const refuse = async (response: GraphResponse): Promise<Handled> => {
    await sleep(faults.latencyMs);
    return { kind, response };
  };

  const unauthenticated = await deps.tokens.check(request.headers['authorization']);
  if (unauthenticated) return refuse({ status: 401, error: unauthenticated });
  const target = { kind, method: request.method, path: request.path };

  if (kind === RequestKind.batch) {
    if (request.method !== 'POST') return refuse({ status: 405, error: GraphErrors.methodNotAllowed() });
    const throttled = faults.takeRequestThrottle(target) ?? plannedThrottle(faults, request);
    if (throttled) return refuse({ status: throttled.status, error: throttled });
    await sleep(faults.latencyMs);
    return { kind, response: await runBatch(deps, request) };
  }

  if (!deps.gate.tryEnter()) return refuse({ status: 429, error: GraphErrors.mailboxConcurrency(1) });
  try {
    await deps.gate.passHold();
    await sleep(faults.latencyMs);
    const throttled = faults.takeRequestThrottle(target) ?? plannedThrottle(faults, request);
    if (throttled) return { kind, response: { status: throttled.status, error: throttled } };
    if (!match) return { kind, response: { status: 400, error: GraphErrors.badRequest('Unknown request.') } };
    return { kind, response: await dispatch(deps.context, request, match, deps.baseUrl) };
  } finally {
    deps.gate.leave();
  }
}
