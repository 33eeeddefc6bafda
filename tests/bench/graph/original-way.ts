/**
 * The original system's way, as a baseline: what the old intranet did on every sync.
 * - It fetched the whole range again: per calendar, `GET /me/calendars/{id}/calendarView?startDateTime
 *   &endDateTime&$top=100` and every `@odata.nextLink` after it. `$top=100` is our pick for it: a
 *   round page size such code sets (Graph's default of 10 would cost it ten times the requests).
 * - It matched each instance to its local store by title and start time (a Map in memory here,
 *   holding each event as fetched): a known key is overwritten, an unknown one is added. It never
 *   removed anything: it could not tell a renamed or moved event from a deleted one.
 * Microsoft's id is kept beside each entry only to score the result, as the old system hid it in the
 * description and never matched on it. After each sync the store is compared with what the server
 * just listed:
 * - duplicates: an event shown twice (its old title or time still stored beside the new one);
 * - missed updates: stored entries the server no longer lists (an old version, or a deleted event or
 *   cancelled occurrence still shown), duplicates included;
 * - merged: distinct events dropped because another had the same title and start.
 */
import { rows, sendJson, stringField, type GraphTarget, type JsonRecord } from './graph-http';

export interface OriginalSetup extends GraphTarget {
  readonly calendarIds: readonly string[];
  readonly window: { readonly from: number; readonly to: number };
}

export interface OriginalRun {
  readonly pages: number;
  readonly listed: number;
  /** Entries in the local store after the sync (what the old system showed). */
  readonly stored: number;
  readonly duplicates: number;
  readonly missedUpdates: number;
  readonly merged: number;
}

export const ORIGINAL_PAGE_SIZE = 100;

interface StoredEvent {
  /** For scoring only (the old system did not match on it). */
  readonly graphId: string;
  readonly event: JsonRecord;
}

const iso = (ms: number) => new Date(ms).toISOString();

function titleAndStart(event: JsonRecord): string {
  const start = event['start'];
  const at = typeof start === 'object' && start !== null ? (start as JsonRecord)['dateTime'] : null;
  return `${stringField(event, 'subject') ?? ''}\u0000${typeof at === 'string' ? at : ''}`;
}

export function createOriginalWay(setup: OriginalSetup) {
  let store = new Map<string, StoredEvent>();

  async function listCalendar(calendarId: string, listed: JsonRecord[]): Promise<number> {
    let url: string | null =
      `${setup.baseUrl}/me/calendars/${encodeURIComponent(calendarId)}/calendarView` +
      `?startDateTime=${iso(setup.window.from)}&endDateTime=${iso(setup.window.to)}&$top=${ORIGINAL_PAGE_SIZE}`;
    let pages = 0;
    while (url) {
      const page = await sendJson(setup, url);
      pages += 1;
      listed.push(...rows(page));
      url = stringField(page, '@odata.nextLink');
    }
    return pages;
  }

  return {
    async sync(): Promise<OriginalRun> {
      const listed: JsonRecord[] = [];
      let pages = 0;
      for (const calendarId of setup.calendarIds) pages += await listCalendar(calendarId, listed);
      const listedKeys = new Map<string, string>();
      let merged = 0;
      for (const event of listed) {
        const key = titleAndStart(event);
        const graphId = stringField(event, 'id') ?? '';
        const seen = listedKeys.get(key);
        if (seen !== undefined && seen !== graphId) merged += 1;
        listedKeys.set(key, graphId);
        store.set(key, { graphId, event });
      }
      const listedIds = new Set(listedKeys.values());
      let duplicates = 0;
      let missedUpdates = 0;
      for (const [key, entry] of store) {
        if (listedKeys.has(key)) continue;
        missedUpdates += 1;
        if (listedIds.has(entry.graphId)) duplicates += 1;
      }
      return { pages, listed: listed.length, stored: store.size, duplicates, missedUpdates, merged };
    },
    /** An empty local store: the next sync is a first sync again. */
    reset() {
      store = new Map();
    },
  };
}
