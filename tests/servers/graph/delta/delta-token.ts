/**
 * `$skiptoken` / `$deltatoken` values: opaque to the client ("State tokens are completely opaque"),
 * here base64url JSON naming the round or sync state kept server-side, the page, the calendar and
 * the window, so a link copied as it is carries everything the first request gave.
 */
export interface DeltaTokenData {
  /** `skip`: a page of a round in progress; `delta`: the state a finished round left. */
  readonly kind: 'skip' | 'delta';
  readonly ref: string;
  readonly page: number;
  readonly calendarId: string;
  readonly fromMs: number;
  readonly toMs: number;
}

export function encodeDeltaToken(data: DeltaTokenData): string {
  const short = {
    k: data.kind === 'skip' ? 's' : 'd',
    r: data.ref,
    p: data.page,
    c: data.calendarId,
    w: [data.fromMs, data.toMs],
  };
  return Buffer.from(JSON.stringify(short), 'utf8').toString('base64url');
}

export function decodeDeltaToken(token: string): DeltaTokenData | null {
  try {
    const raw: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof raw !== 'object' || raw === null) return null;
    const { k, r, p, c, w } = raw as Record<string, unknown>;
    const window = Array.isArray(w) ? (w as unknown[]) : [];
    const [fromMs, toMs] = window;
    const valid =
      (k === 's' || k === 'd') &&
      typeof r === 'string' &&
      typeof p === 'number' &&
      typeof c === 'string' &&
      typeof fromMs === 'number' &&
      typeof toMs === 'number';
    if (!valid) return null;
    return { kind: k === 's' ? 'skip' : 'delta', ref: r, page: p, calendarId: c, fromMs, toMs };
  } catch {
    return null;
  }
}
