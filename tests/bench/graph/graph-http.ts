/**
 * The plain HTTP the Node clients (the floor and the original way) send: `fetch` with the bearer
 * token, JSON answers, nothing else. A refused request stops the benchmark with what the server said:
 * a baseline that silently lost pages would report figures for work it did not do.
 */
export interface GraphTarget {
  /** `http://127.0.0.1:<port>/v1.0`. */
  readonly baseUrl: string;
  readonly token: string;
}

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export async function sendJson(
  target: GraphTarget,
  url: string,
  init: { method?: string; prefer?: string; body?: unknown } = {},
): Promise<JsonRecord> {
  const headers: Record<string, string> = { Authorization: `Bearer ${target.token}` };
  if (init.prefer) headers['Prefer'] = init.prefer;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers,
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const body: unknown = await response.json();
  if (!response.ok || !isRecord(body)) {
    throw new Error(`${init.method ?? 'GET'} ${url} answered ${response.status}: ${JSON.stringify(body)}`);
  }
  return body;
}

/** The `value` array of a Graph collection page. */
export function rows(page: JsonRecord): JsonRecord[] {
  const value = page['value'];
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

export function stringField(row: JsonRecord, key: string): string | null {
  const value = row[key];
  return typeof value === 'string' ? value : null;
}
