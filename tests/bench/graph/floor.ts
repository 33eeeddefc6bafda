/**
 * The floor: the requests Almanac's Graph sync needs and nothing more, sent by a plain script.
 * Per calendar, `calendarView/delta` over the window following every `@odata.nextLink` to the
 * `@odata.deltaLink` (kept for the next sync); then `GET /me/events/{id}` for every series master
 * the round touched, in `$batch` requests of 20, 4 batches in flight (the mailbox's concurrency).
 * As issue 11 defines it, the floor leaves out the GET of each exception a first sync also needs (a
 * delta row gives an exception's times only, not its own fields:
 * workers/sync/providers/graph/listing-series.ts), about 570 more `$batch` items for Almanac on the
 * 5,000-event mailbox.
 * Answers are parsed as JSON and dropped: no mapping, no storage. Its one memory is what the next
 * sync cannot do without: each calendar's deltaLink and which series each occurrence id belongs to
 * (an `@removed` row names only the occurrence).
 */
import { isRecord, rows, sendJson, stringField, type GraphTarget, type JsonRecord } from './graph-http';

export interface FloorSetup extends GraphTarget {
  readonly calendarIds: readonly string[];
  readonly window: { readonly from: number; readonly to: number };
  /** `Prefer: odata.maxpagesize` of every delta request. */
  readonly deltaPageSize: number;
}

export interface FloorRun {
  readonly deltaPages: number;
  readonly deltaRows: number;
  readonly mastersFetched: number;
  readonly batches: number;
}

export const BATCH_SIZE = 20;
export const BATCHES_IN_FLIGHT = 4;

const iso = (ms: number) => new Date(ms).toISOString();

/** At most `limit` of `tasks` running at once. */
async function inParallel(tasks: readonly (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) {
      const task = tasks[next];
      next += 1;
      if (task) await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane));
}

export function createFloor(setup: FloorSetup) {
  const deltaLinks = new Map<string, string>();
  const masterOf = new Map<string, string>();
  const prefer = `IdType="ImmutableId", odata.maxpagesize=${setup.deltaPageSize}`;

  const firstUrl = (calendarId: string) =>
    `${setup.baseUrl}/me/calendars/${encodeURIComponent(calendarId)}/calendarView/delta` +
    `?startDateTime=${iso(setup.window.from)}&endDateTime=${iso(setup.window.to)}`;

  /** One delta round of a calendar; adds the masters it touched to `touched`. */
  async function deltaRound(calendarId: string, touched: Set<string>, run: { pages: number; rows: number }) {
    let url: string | null = deltaLinks.get(calendarId) ?? firstUrl(calendarId);
    while (url) {
      const page: JsonRecord = await sendJson(setup, url, { prefer });
      run.pages += 1;
      for (const row of rows(page)) {
        run.rows += 1;
        const id = stringField(row, 'id');
        const master = stringField(row, 'seriesMasterId') ?? (id ? masterOf.get(id) : undefined);
        if (id && master) masterOf.set(id, master);
        if (master) touched.add(master);
      }
      const nextLink = stringField(page, '@odata.nextLink');
      const deltaLink = stringField(page, '@odata.deltaLink');
      if (deltaLink) deltaLinks.set(calendarId, deltaLink);
      url = nextLink;
    }
  }

  async function fetchMasters(masters: readonly string[]): Promise<number> {
    const batches: string[][] = [];
    for (let i = 0; i < masters.length; i += BATCH_SIZE) batches.push(masters.slice(i, i + BATCH_SIZE));
    await inParallel(
      batches.map((ids) => async () => {
        const answer = await sendJson(setup, `${setup.baseUrl}/$batch`, {
          method: 'POST',
          body: {
            requests: ids.map((id, n) => ({
              id: String(n + 1),
              method: 'GET',
              url: `/me/events/${encodeURIComponent(id)}`,
              headers: { Prefer: 'IdType="ImmutableId"' },
            })),
          },
        });
        const responses = answer['responses'];
        if (!Array.isArray(responses) || responses.filter(isRecord).length !== ids.length) {
          throw new Error(`A $batch of ${ids.length} answered ${JSON.stringify(answer).slice(0, 200)}`);
        }
      }),
      BATCHES_IN_FLIGHT,
    );
    return batches.length;
  }

  return {
    async sync(): Promise<FloorRun> {
      const touched = new Set<string>();
      const run = { pages: 0, rows: 0 };
      for (const calendarId of setup.calendarIds) await deltaRound(calendarId, touched, run);
      const batches = await fetchMasters([...touched]);
      return { deltaPages: run.pages, deltaRows: run.rows, mastersFetched: touched.size, batches };
    },
    /** Forgets the deltaLinks: the next sync is a first sync again. */
    reset() {
      deltaLinks.clear();
      masterOf.clear();
    },
  };
}
