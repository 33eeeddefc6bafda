/**
 * A measurement for the lead, not a product path: the same fetched objects stored the way the engine
 * stored them before its bulk path (per object a parse, `putEvent` with its own nested transaction,
 * window read and occurrence delete, a set-aside delete and a re-read) against the bulk path the
 * importer uses (`putEvents`: one parse, one window read, bulk writes per batch; the engine now
 * writes its batches the same way, apply-remote.ts). Each in a fresh database of its own, so the
 * app's database is untouched.
 */
import type { CoreContext } from '../../../../src/core/context';
import { createAlmanacDb } from '../../../../src/core/db/almanac-db';
import { putEvent, putEvents } from '../../../../src/core/events/event-store';
import { parseCalendarObject } from '../../../../src/core/ical/parse';
import type { CalendarId } from '../../../../src/core/model/ids';

export interface ExperimentObject {
  readonly href: string;
  readonly etag: string | null;
  readonly ics: string;
}

export interface StoreExperiment {
  readonly objects: number;
  readonly batch: number;
  /** Parsing every object once with ical.js, nothing stored. */
  readonly parseOnlyMs: number;
  readonly perObjectMs: number;
  readonly bulkMs: number;
}

// A calendar id only has to be a string here: nothing checks it against the calendars table.
const CALENDAR = 'experiment-calendar' as CalendarId;

async function fresh(name: string) {
  await createAlmanacDb(name).delete();
  return createAlmanacDb(name);
}

export async function runStoreExperiment(
  objects: readonly ExperimentObject[],
  ctx: CoreContext,
  batch: number,
): Promise<StoreExperiment> {
  let started = performance.now();
  for (const object of objects) parseCalendarObject(object.ics);
  const parseOnlyMs = performance.now() - started;

  const one = await fresh('almanac-experiment-per-object');
  started = performance.now();
  for (let at = 0; at < objects.length; at += batch) {
    const slice = objects.slice(at, at + batch);
    await one.transaction('rw', [one.events, one.occurrences, one.meta, one.setAside], async () => {
      for (const object of slice) {
        parseCalendarObject(object.ics);
        const id = await putEvent(
          one,
          {
            calendarId: CALENDAR,
            ics: object.ics,
            href: object.href,
            etag: object.etag,
            syncedIcs: object.ics,
          },
          ctx,
        );
        await one.setAside.delete(`${CALENDAR}|${object.href}`);
        await one.events.get(id);
      }
    });
  }
  const perObjectMs = performance.now() - started;
  one.close();

  const bulk = await fresh('almanac-experiment-bulk');
  started = performance.now();
  for (let at = 0; at < objects.length; at += batch) {
    const slice = objects.slice(at, at + batch);
    await bulk.transaction('rw', [bulk.events, bulk.occurrences, bulk.meta, bulk.setAside], async () => {
      await putEvents(
        bulk,
        slice.map((object) => ({
          calendarId: CALENDAR,
          ics: object.ics,
          href: object.href,
          etag: object.etag,
          syncedIcs: object.ics,
        })),
        ctx,
      );
      await bulk.setAside.bulkDelete(slice.map((object) => `${CALENDAR}|${object.href}`));
    });
  }
  const bulkMs = performance.now() - started;
  bulk.close();
  return { objects: objects.length, batch, parseOnlyMs, perObjectMs, bulkMs };
}
