/** node:http ⇄ GraphRequest / FinalResponse. Only `/v1.0/…` is served. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphErrors, type GraphError } from '../graph-error';
import type { JsonValue } from '../json';
import type { FinalResponse } from './finalize';
import type { GraphRequest } from './graph-request';

export interface RawRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly bodyText: string;
}

export async function readNodeRequest(req: IncomingMessage): Promise<RawRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    url: req.url ?? '/',
    headers,
    bodyText: Buffer.concat(chunks).toString('utf8'),
  };
}

export function toGraphRequest(raw: RawRequest): GraphRequest | GraphError {
  const url = new URL(raw.url, 'http://graph.invalid');
  const versioned = /^\/v1\.0(\/.*)?$/i.exec(url.pathname);
  if (!versioned)
    return { ...GraphErrors.badRequest('Invalid version: only v1.0 is served here.'), status: 404 };
  let body: JsonValue | undefined;
  let bodyError: string | undefined;
  if (raw.bodyText.trim() !== '') {
    try {
      body = JSON.parse(raw.bodyText) as JsonValue;
    } catch {
      bodyError = 'The request body is not valid JSON.';
    }
  }
  return {
    method: raw.method,
    path: versioned[1] ?? '/',
    query: url.searchParams,
    headers: raw.headers,
    body,
    ...(bodyError !== undefined ? { bodyError } : {}),
  };
}

export function writeNodeResponse(
  res: ServerResponse,
  final: FinalResponse,
  extraHeaders: Record<string, string>,
): void {
  const text = final.body === undefined ? '' : JSON.stringify(final.body);
  const bytes = Buffer.from(text, 'utf8');
  res.writeHead(final.status, { ...final.headers, ...extraHeaders, 'Content-Length': String(bytes.length) });
  res.end(bytes);
}
