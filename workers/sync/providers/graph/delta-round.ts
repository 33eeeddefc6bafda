/**
 * One calendarView delta round of one calendar (docs/sync-rules.md rules 17, 40, 41, 43 and 44).
 *
 * - The endpoint: per calendar (`/me/calendars/{id}/calendarView/delta`, beta-documented and used
 *   on v1.0 in the field) unless the switch asks for the primary form (`/me/calendarView/delta`, v1.0)
 *   for the default calendar (rule 40).
 * - The window goes on the first call only; every nextLink is followed as given, empty pages too,
 *   until the deltaLink (rules 17, 41).
 * - The cursor the provider hands the engine is JSON: the deltaLink and the window it covers. A cursor
 *   whose window is not the current one (time passed, the agenda widened it) cannot be carried on:
 *   the round is refused so the engine re-lists, which is how the window is re-anchored.
 * - 410 Gone (Location back to the initial query) and a 40x `syncStateNotFound` / `resyncRequired`
 *   mean the state is lost: 'cursor-refused', never "no changes" (rule 44).
 * - Rows are folded by id, the last in page order winning (an entity twice, replays: rule 43). A row
 *   this app cannot read is kept as `unreadable` with what could be read of its ids, so the item is
 *   fetched and reported rather than silently lost.
 */
import { AppError, ErrorKind } from '../../../../src/core/errors';
import { isRecord, unexpectedAnswer, graphErrorOf, type GraphClient } from './graph-client';
import { readGraphDeltaPage, readGraphDeltaRow, type GraphDeltaRow } from './graph-types';

export interface SyncWindow {
  /** Epoch ms, inclusive. */
  readonly start: number;
  /** Epoch ms, exclusive. */
  readonly end: number;
}

export interface DeltaCursor {
  readonly deltaLink: string;
  readonly window: SyncWindow;
}

export const DeltaEndpoint = {
  /** `/me/calendars/{id}/calendarView/delta` for every calendar. */
  perCalendar: 'per-calendar',
  /** `/me/calendarView/delta` for the default calendar (v1.0), per calendar for the others. */
  primary: 'primary',
} as const;
export type DeltaEndpoint = (typeof DeltaEndpoint)[keyof typeof DeltaEndpoint];

export type FoldedRow =
  | GraphDeltaRow
  | {
      readonly kind: 'unreadable';
      readonly id: string;
      readonly seriesMasterId: string | null;
      readonly reason: string;
    };

export type DeltaRound =
  | { readonly kind: 'round'; readonly rows: ReadonlyMap<string, FoldedRow>; readonly cursor: string }
  | { readonly kind: 'cursor-refused' };

export const DELTA_PAGE_SIZE = 200;

export function encodeCursor(cursor: DeltaCursor): string {
  return JSON.stringify({ deltaLink: cursor.deltaLink, window: cursor.window });
}

export function decodeCursor(text: string): DeltaCursor | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(value) || typeof value['deltaLink'] !== 'string' || !isRecord(value['window'])) return null;
  const { start, end } = value['window'];
  if (typeof start !== 'number' || typeof end !== 'number') return null;
  return { deltaLink: value['deltaLink'], window: { start, end } };
}

export function sameWindow(a: SyncWindow, b: SyncWindow): boolean {
  return a.start === b.start && a.end === b.end;
}

export function deltaPath(calendarId: string, isPrimary: boolean, window: SyncWindow): string {
  const base = isPrimary
    ? '/me/calendarView/delta'
    : `/me/calendars/${encodeURIComponent(calendarId)}/calendarView/delta`;
  const start = new Date(window.start).toISOString();
  const end = new Date(window.end).toISOString();
  return `${base}?startDateTime=${encodeURIComponent(start)}&endDateTime=${encodeURIComponent(end)}`;
}

const LOST_STATE_CODES = new Set(['syncstatenotfound', 'resyncrequired', 'syncstateinvalid']);

function isLostState(status: number, code: string): boolean {
  if (status === 410) return true;
  return status >= 400 && status < 500 && LOST_STATE_CODES.has(code.toLowerCase());
}

function foldRow(raw: unknown): FoldedRow | null {
  try {
    return readGraphDeltaRow(raw);
  } catch (error) {
    if (!isRecord(raw) || typeof raw['id'] !== 'string') return null;
    const master = raw['seriesMasterId'];
    return {
      kind: 'unreadable',
      id: raw['id'],
      seriesMasterId: typeof master === 'string' && master !== '' ? master : null,
      reason: error instanceof Error ? error.message : String(error),
    };
  }
}

/** Starts `work` now; a failure waits, handled, until the caller awaits it. */
function ahead<T>(work: Promise<T>): Promise<T> {
  work.catch(() => undefined);
  return work;
}

function rowId(row: FoldedRow): string {
  if (row.kind === 'removed') return row.removed.id;
  if (row.kind === 'event') return row.event.id;
  return row.id;
}

/**
 * Runs one round from `start` (the initial query, or the stored deltaLink) to its deltaLink.
 * `window` is what the returned cursor says it covers. `onRow` sees each row as its page is read, so
 * the caller can start fetching what the round names while the next page travels: the next page is
 * asked for before a page's rows are folded, so the work `onRow` does waits on no request.
 */
export async function runDeltaRound(
  client: GraphClient,
  start: string,
  window: SyncWindow,
  pageSize: number = DELTA_PAGE_SIZE,
  onRow: (row: FoldedRow) => void = () => undefined,
): Promise<DeltaRound> {
  const rows = new Map<string, FoldedRow>();
  const prefer = [`odata.maxpagesize=${pageSize}`];
  let pending = client.send({ path: start, prefer });
  for (;;) {
    const answer = await pending;
    if (answer.status !== 200) {
      if (isLostState(answer.status, graphErrorOf(answer).code)) return { kind: 'cursor-refused' };
      throw unexpectedAnswer(answer, 'a calendar delta');
    }
    let page;
    try {
      page = readGraphDeltaPage(answer.body);
    } catch (cause) {
      throw new AppError(
        {
          kind: ErrorKind.server,
          message: 'Microsoft 365 sent a page of calendar changes this app cannot read.',
          retryable: true,
          detail: cause instanceof Error ? cause.message : String(cause),
        },
        { cause },
      );
    }
    const deltaLink = page['@odata.deltaLink'];
    // A failure of the next page waits, handled, until the loop awaits it.
    if (deltaLink === undefined)
      pending = ahead(client.send({ path: page['@odata.nextLink'] ?? '', prefer }));
    for (const raw of page.value) {
      const row = foldRow(raw);
      if (!row) continue;
      const id = rowId(row);
      // The last in page order wins: delete first so the map's order is the order of last sight.
      rows.delete(id);
      rows.set(id, row);
      onRow(row);
    }
    if (deltaLink !== undefined) {
      return { kind: 'round', rows, cursor: encodeCursor({ deltaLink, window }) };
    }
  }
}
