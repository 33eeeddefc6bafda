import type { CoreContext } from '../context';
import type { AlmanacDb } from '../db/almanac-db';
import { isTimeRange, rangeCovers, unionRange, YEAR_MS, type TimeRange } from './time-range';

/**
 * Re-expansion brings ical.js (a large parse and evaluation): loaded only when the window must grow
 * or the zone changed, so the usual start-up check ("still covered, same zone") costs two meta reads.
 */
async function reexpandEvents(...args: Parameters<typeof import('./reexpand').reexpandEvents>) {
  return (await import('./reexpand')).reexpandEvents(...args);
}

/** Meta keys owned by the materialisation. */
export const WINDOW_KEY = 'occurrences.window';
/** A growth under way: set before re-expanding, folded into WINDOW_KEY when done (resumed if interrupted). */
export const WINDOW_TARGET_KEY = 'occurrences.windowTarget';
export const VIEWER_ZONE_KEY = 'occurrences.viewerZone';

/** The window grows by at least this much, so stepping month by month does not re-expand every time. */
export const MIN_WINDOW_GROWTH_MS = YEAR_MS;

async function readRange(db: AlmanacDb, key: string): Promise<TimeRange | null> {
  const row = await db.meta.get(key);
  return row && isTimeRange(row.value) ? row.value : null;
}

/**
 * The materialised window; on first use `now − 1 year … now + 2 years`, remembered together with the
 * viewer zone the occurrences are placed in.
 */
export function getWindow(db: AlmanacDb, ctx: CoreContext): Promise<TimeRange> {
  return db.transaction('rw', db.meta, async () => {
    const stored = await readRange(db, WINDOW_KEY);
    if (stored) return stored;
    const now = ctx.now();
    const window: TimeRange = { from: now - YEAR_MS, to: now + 2 * YEAR_MS };
    await db.meta.put({ key: WINDOW_KEY, value: window });
    if (!(await db.meta.get(VIEWER_ZONE_KEY))) {
      await db.meta.put({ key: VIEWER_ZONE_KEY, value: ctx.viewerZone });
    }
    return window;
  });
}

/** The range a newly written event is expanded over: the window, or a growth under way if larger. */
export async function materialisationWindow(db: AlmanacDb, ctx: CoreContext): Promise<TimeRange> {
  return db.transaction('rw', db.meta, async () => {
    const window = await getWindow(db, ctx);
    const target = await readRange(db, WINDOW_TARGET_KEY);
    return target ? unionRange(window, target) : window;
  });
}

function grownWindow(current: TimeRange, wanted: TimeRange): TimeRange {
  return {
    from:
      wanted.from < current.from ? Math.min(wanted.from, current.from - MIN_WINDOW_GROWTH_MS) : current.from,
    to: wanted.to > current.to ? Math.max(wanted.to, current.to + MIN_WINDOW_GROWTH_MS) : current.to,
  };
}

/**
 * Grows the window so it covers `range`, re-expanding the recurring events over the new window
 * (single events are stored whatever their date). Resumes a growth a closed tab left unfinished.
 */
export function ensureWindowCovers(db: AlmanacDb, range: TimeRange, ctx: CoreContext): Promise<void> {
  // Calls from one handle run one after the other: quick navigation then re-expands once, and the
  // later calls find the window already grown.
  const previous = growthInFlight.get(db) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => growWindow(db, range, ctx));
  growthInFlight.set(db, next);
  return next;
}

const growthInFlight = new WeakMap<AlmanacDb, Promise<void>>();

async function growWindow(db: AlmanacDb, range: TimeRange, ctx: CoreContext): Promise<void> {
  const { window, pending } = await db.transaction('rw', db.meta, async () => ({
    window: await getWindow(db, ctx),
    pending: await readRange(db, WINDOW_TARGET_KEY),
  }));
  if (rangeCovers(window, range) && !pending) return;
  const base = pending ? unionRange(window, pending) : window;
  const target = rangeCovers(base, range) ? base : grownWindow(base, range);
  await db.meta.put({ key: WINDOW_TARGET_KEY, value: target });
  await reexpandEvents(db, {
    window: target,
    viewerZone: ctx.viewerZone,
    filter: (event) => event.recurring,
  });
  await db.transaction('rw', db.meta, async () => {
    const latest = (await readRange(db, WINDOW_KEY)) ?? target;
    await db.meta.put({ key: WINDOW_KEY, value: unionRange(latest, target) });
    const stillPending = await readRange(db, WINDOW_TARGET_KEY);
    // Another tab may have started a larger growth meanwhile: leave its target for it to finish.
    if (stillPending && rangeCovers(target, stillPending)) await db.meta.delete(WINDOW_TARGET_KEY);
  });
}

/**
 * All-day and floating instances are placed in the viewer's zone. When the zone changed since they
 * were materialised, re-expands every event (cheap for single events, and the only way to know which
 * ones float) and remembers the new zone. Returns whether anything was re-expanded.
 */
export async function rematerializeIfZoneChanged(db: AlmanacDb, ctx: CoreContext): Promise<boolean> {
  const window = await materialisationWindow(db, ctx);
  const stored = await db.meta.get(VIEWER_ZONE_KEY);
  if (stored?.value === ctx.viewerZone) return false;
  await reexpandEvents(db, { window, viewerZone: ctx.viewerZone, filter: () => true });
  await db.meta.put({ key: VIEWER_ZONE_KEY, value: ctx.viewerZone });
  return true;
}
