/**
 * `POST /$batch` ("Combine multiple HTTP requests using JSON batching"): at most 20 requests, ids
 * unique, each answered on its own (`{id, status, headers, body}`), `dependsOn` run in order and a
 * request whose dependency failed answered 424. Items run one after the other, each taking a
 * mailbox slot while it runs ("Outlook service limits for JSON batching"), and may be throttled on
 * their own (429 + Retry-After). Items carry their own headers: the batch's `Prefer` is not theirs.
 */
import { GraphErrors, type GraphError } from '../graph-error';
import { isJsonObject, readKey, type JsonObject, type JsonValue } from '../json';
import { finalize } from '../http/finalize';
import type { GraphRequest, GraphResponse } from '../http/graph-request';
import { parsePrefer } from '../http/prefer';
import { classify, dispatch } from './dispatch';
import type { PipelineDeps } from './pipeline-deps';

const MAX_REQUESTS = 20;

interface BatchItem {
  readonly id: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: JsonValue | undefined;
  readonly dependsOn: readonly string[];
}

function readItems(body: JsonValue | undefined): BatchItem[] | GraphError {
  const requests = isJsonObject(body) ? readKey(body, 'requests') : undefined;
  if (!Array.isArray(requests)) return GraphErrors.badRequest('A batch needs a requests array.');
  if (requests.length > MAX_REQUESTS) {
    return GraphErrors.badRequest(`Too many requests in the batch: the limit is ${MAX_REQUESTS}.`);
  }
  const items: BatchItem[] = [];
  for (const raw of requests as readonly JsonValue[]) {
    const id = isJsonObject(raw) ? readKey(raw, 'id') : undefined;
    const method = isJsonObject(raw) ? readKey(raw, 'method') : undefined;
    const url = isJsonObject(raw) ? readKey(raw, 'url') : undefined;
    if (
      !isJsonObject(raw) ||
      typeof id !== 'string' ||
      typeof method !== 'string' ||
      typeof url !== 'string'
    ) {
      return GraphErrors.badRequest('Each batch request needs an id, a method and a url.');
    }
    if (items.some((item) => item.id.toLowerCase() === id.toLowerCase())) {
      return GraphErrors.badRequest(`The batch request id '${id}' is not unique.`);
    }
    const rawHeaders = readKey(raw, 'headers');
    const headers: Record<string, string> = {};
    if (isJsonObject(rawHeaders)) {
      for (const [name, value] of Object.entries(rawHeaders))
        if (typeof value === 'string') headers[name.toLowerCase()] = value;
    }
    const dependsOn = readKey(raw, 'dependsOn');
    items.push({
      id,
      method: method.toUpperCase(),
      url,
      headers,
      body: readKey(raw, 'body'),
      dependsOn: Array.isArray(dependsOn) ? dependsOn.filter((d): d is string => typeof d === 'string') : [],
    });
  }
  const ids = new Set(items.map((item) => item.id));
  if (items.some((item) => item.dependsOn.some((d) => !ids.has(d)))) {
    return GraphErrors.badRequest('A dependsOn names a request that is not in the batch.');
  }
  return items;
}

function itemRequest(item: BatchItem, authorization: string | undefined): GraphRequest {
  const url = new URL(item.url.replace(/^\/?(v1\.0\/)?/i, '/'), 'http://batch.invalid');
  return {
    method: item.method,
    path: url.pathname,
    query: url.searchParams,
    headers: { ...item.headers, ...(authorization !== undefined ? { authorization } : {}) },
    body: item.body,
  };
}

async function runItem(deps: PipelineDeps, item: BatchItem, request: GraphRequest): Promise<GraphResponse> {
  const { kind, match } = classify(request.method, request.path);
  deps.stats.recordBatchItem(kind, parsePrefer(request.headers['prefer']).immutableId);
  const throttled = deps.context.faults.takeBatchItemThrottle({
    kind,
    method: item.method,
    path: request.path,
  });
  if (throttled) return { status: throttled.status, error: throttled };
  if (!deps.gate.tryEnter()) return { status: 429, error: GraphErrors.mailboxConcurrency(1) };
  try {
    return match
      ? await dispatch(deps.context, request, match, deps.baseUrl)
      : { status: 400, error: GraphErrors.badRequest('A batch cannot contain a batch.') };
  } finally {
    deps.gate.leave();
  }
}

export async function runBatch(deps: PipelineDeps, request: GraphRequest): Promise<GraphResponse> {
  if (request.bodyError !== undefined) return { status: 400, error: GraphErrors.bodyRead(request.bodyError) };
  const items = readItems(request.body);
  if (!Array.isArray(items)) return { status: items.status, error: items };
  const statuses = new Map<string, number>();
  const responses: JsonObject[] = [];
  const pending = [...items];
  while (pending.length > 0) {
    const index = pending.findIndex((item) => item.dependsOn.every((d) => statuses.has(d)));
    if (index < 0)
      return { status: 400, error: GraphErrors.badRequest('The dependsOn of the batch form a cycle.') };
    const [item] = pending.splice(index, 1);
    if (!item) break;
    const failed = item.dependsOn.some((d) => (statuses.get(d) ?? 0) >= 400);
    const answer = failed
      ? { status: 424, error: GraphErrors.failedDependency() }
      : await runItem(deps, item, itemRequest(item, request.headers['authorization']));
    statuses.set(item.id, answer.status);
    const final = finalize(answer, deps.newRequestId(), item.headers['client-request-id'], deps.now());
    responses.push({
      id: item.id,
      status: final.status,
      headers: final.headers,
      ...(final.body !== undefined ? { body: final.body } : {}),
    });
  }
  return { status: 200, body: { responses } };
}
