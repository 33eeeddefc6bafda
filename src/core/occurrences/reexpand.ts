import type { AlmanacDb } from '../db/almanac-db';
import { materializeEvent } from '../events/materialize';
import type { EventRecord } from '../model/event';
import type { EventId } from '../model/ids';
import type { OccurrenceRecord } from '../model/occurrence';
import type { TimeRange } from './time-range';

/** Events re-expanded per transaction: keeps each transaction short so the UI never waits long. */
export const REEXPAND_BATCH_SIZE = 200;

export interface ReexpandOptions {
  readonly window: TimeRange;
  readonly viewerZone: string;
  /** Which events to re-expand; the others keep their occurrences. */
  readonly filter: (event: EventRecord) => boolean;
}

export interface ReexpandResult {
  readonly reexpanded: number;
  /** Stored events that no longer expand (kept with their previous occurrences). */
  readonly skipped: readonly EventId[];
}

/**
 * Re-expands stored events in primary-key order, one bounded batch per transaction. Each batch reads
 * and writes in the same transaction, so a concurrent putEvent is never overwritten with stale text.
 */
export async function reexpandEvents(db: AlmanacDb, options: ReexpandOptions): Promise<ReexpandResult> {
  let after: EventId | null = null;
  let reexpanded = 0;
  const skipped: EventId[] = [];
  for (;;) {
    const cursor: EventId | null = after;
    const last = await db.transaction('rw', db.events, db.occurrences, async (): Promise<EventId | null> => {
      const batch: EventRecord[] =
        cursor === null
          ? await db.events.orderBy(':id').limit(REEXPAND_BATCH_SIZE).toArray()
          : await db.events.where(':id').above(cursor).limit(REEXPAND_BATCH_SIZE).toArray();
      const ids: EventId[] = [];
      const rows: OccurrenceRecord[] = [];
      for (const event of batch) {
        if (!options.filter(event)) continue;
        try {
          rows.push(...materializeEvent(event, options.window, options.viewerZone));
          ids.push(event.id);
        } catch {
          skipped.push(event.id);
        }
      }
      if (ids.length > 0) {
        await db.occurrences.where('eventId').anyOf(ids).delete();
        await db.occurrences.bulkPut(rows);
      }
      reexpanded += ids.length;
      return batch.length < REEXPAND_BATCH_SIZE ? null : (batch[batch.length - 1]?.id ?? null);
    });
    if (last === null) return { reexpanded, skipped };
    after = last;
  }
}
