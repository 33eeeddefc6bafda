/**
 * Starts the Graph-compatible test server on 127.0.0.1 (a free port unless one is given) and
 * returns its control handle. See README.md for what it serves and the page behind each behaviour.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seededRandom } from '../seeded-random';
import { GraphFaultKind, type GraphRequestShape } from './control/fault-plan';
import { FaultSwitches } from './control/fault-switches';
import { createInspect, type Inspect } from './control/inspect';
import { MailboxGate } from './control/mailbox-gate';
import { RequestStats, type RequestStatsSnapshot } from './control/request-stats';
import { TokenRegistry, type VerifyToken } from './control/token-registry';
import { DeltaMemory } from './delta/delta-memory';
import { corsHeaders, GRAPH_EXPOSED_HEADERS, preflightHeaders } from './http/cors';
import { finalize } from './http/finalize';
import { param, type GraphRequest } from './http/graph-request';
import { readNodeRequest, toGraphRequest, writeNodeResponse } from './http/node-io';
import { RequestKind } from './http/request-kind';
import { parsePrefer } from './http/prefer';
import { classify } from './pipeline/dispatch';
import { handleRequest } from './pipeline/handle-request';
import type { PipelineDeps } from './pipeline/pipeline-deps';
import { createSeedApi, type SeedApi } from './seed/seed-api';
import { MailboxStore } from './store/mailbox-store';
import type { MailboxUser } from './store/records';

export interface GraphServerOptions {
  /** 0 (default): a free port chosen by the OS. */
  readonly port?: number;
  /** Seeds ids and change keys, so a run replays. Default 1. */
  readonly seed?: number;
  /** The server's clock (timestamps, token expiry). Default `Date.now`. */
  readonly now?: () => number;
  readonly user?: Partial<MailboxUser>;
  /** The first valid token (`server.token`); random by default. */
  readonly token?: string;
  /** Accepts tokens the registry does not know (e.g. JWTs from a test issuer). */
  readonly verifyToken?: VerifyToken;
  readonly latencyMs?: number;
  /** Requests in flight per mailbox before 429 MailboxConcurrency; 4 as on Outlook. */
  readonly mailboxConcurrency?: number;
  /** CORS `Access-Control-Expose-Headers`; Graph's list by default (no Retry-After). */
  readonly exposeHeaders?: readonly string[];
  /** Delta rounds and states remembered (each); older ones answer syncStateNotFound. Default 500. */
  readonly deltaMemory?: number;
}

export interface GraphServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** `http://127.0.0.1:<port>/v1.0`: where a client's Graph base URL points. */
  readonly baseUrl: string;
  /** A valid bearer token. */
  readonly token: string;
  /** The mailbox and its write path (returns Results; a test's change is another client's). */
  readonly store: MailboxStore;
  readonly seed: SeedApi;
  readonly inspect: Inspect;
  readonly auth: TokenRegistry;
  readonly faults: FaultSwitches;
  /** In-flight requests: `hold()`, `whenInFlight(n)`, `limit`. */
  readonly gate: MailboxGate;
  stats(): RequestStatsSnapshot;
  resetStats(): void;
  /** Forgets every delta round and state (the next token use answers syncStateNotFound). */
  forgetDeltaState(): void;
  stop(): Promise<void>;
}

/** What the fault plan needs to know of a request: its kind and the delta token it carries. */
function requestShape(request: GraphRequest): GraphRequestShape {
  const token = (name: string) => (param(request.query, name) ?? '') !== '';
  return {
    kind: classify(request.method, request.path).kind,
    deltaToken: token('$skiptoken') ? 'skip' : token('$deltatoken') ? 'delta' : null,
  };
}

export async function startGraphServer(options: GraphServerOptions = {}): Promise<GraphServer> {
  const now = options.now ?? (() => Date.now());
  const store = new MailboxStore({
    now,
    random: seededRandom(options.seed ?? 1),
    ...(options.user ? { user: options.user } : {}),
  });
  store.defaultCalendar();
  const faults = new FaultSwitches();
  faults.latencyMs = options.latencyMs ?? 0;
  const auth = new TokenRegistry(now, options.verifyToken);
  const token = auth.issue(options.token);
  const gate = new MailboxGate(options.mailboxConcurrency ?? 4);
  const stats = new RequestStats();
  const delta = new DeltaMemory(options.deltaMemory ?? 500);
  const exposed = options.exposeHeaders ?? GRAPH_EXPOSED_HEADERS;
  let baseUrl = '';
  const deps: PipelineDeps = {
    context: { store, delta, faults },
    tokens: auth,
    gate,
    stats,
    get baseUrl() {
      return baseUrl;
    },
    now,
    newRequestId: () => store.ids.guid(),
  };

  const server = createServer((req, res) => {
    void (async () => {
      const raw = await readNodeRequest(req);
      const cors = raw.headers['origin'] !== undefined ? corsHeaders(exposed) : {};
      if (raw.method === 'OPTIONS') {
        stats.record(RequestKind.preflight, 200, true);
        res.writeHead(200, { ...preflightHeaders(raw.headers), 'Content-Length': '0' });
        res.end();
        return;
      }
      const parsed = toGraphRequest(raw);
      const fault = 'path' in parsed ? faults.plan.pick(requestShape(parsed)) : null;
      const injected = (status: number | null, applied: number | null) => {
        const path = raw.url.replace(/\?.*$/, '');
        faults.plan.record({ method: raw.method, path, fault, status, applied });
      };
      if (fault === GraphFaultKind.dropRequest) {
        injected(null, null);
        req.socket.destroy();
        return;
      }
      const request = 'path' in parsed && fault !== null ? { ...parsed, fault } : parsed;
      const requestId = deps.newRequestId();
      const handled =
        'path' in request
          ? await handleRequest(deps, request)
          : { kind: RequestKind.unknown, response: { status: request.status, error: request } };
      stats.record(handled.kind, handled.response.status, parsePrefer(raw.headers['prefer']).immutableId);
      if (fault === GraphFaultKind.dropResponse) {
        // Applied, and the answer never leaves: the client cannot tell whether it was.
        injected(null, handled.response.status);
        req.socket.destroy();
        return;
      }
      injected(handled.response.status, handled.response.status);
      writeNodeResponse(
        res,
        finalize(handled.response, requestId, raw.headers['client-request-id'], now()),
        cors,
      );
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`Graph test server failed: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      resolve();
    });
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  baseUrl = `${url}/v1.0`;

  return {
    url,
    baseUrl,
    token,
    store,
    seed: createSeedApi(store),
    inspect: createInspect(store),
    auth,
    faults,
    gate,
    stats: () => stats.snapshot(gate.maxInFlight),
    resetStats: () => {
      stats.reset();
      gate.resetMax();
    },
    forgetDeltaState: () => {
      delta.forgetAll();
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
