/**
 * The benchmark's page: real IndexedDB, the real core, the agenda's own FullCalendar options and event
 * mapping. It exposes `window.almanacBench` for tests/bench/run-bench.mjs to call; it prints nothing.
 */
import type { EventInput } from 'fullcalendar';
import { listCalendars, visibleCalendarIds } from '../../src/core/calendars/calendar-repo';
import type { CoreContext } from '../../src/core/context';
import { createAlmanacDb } from '../../src/core/db/almanac-db';
import type { OccurrenceRecord } from '../../src/core/model/occurrence';
import { occurrencesInRange, upcomingOccurrences } from '../../src/core/occurrences/queries';
import type { TimeRange } from '../../src/core/occurrences/time-range';
import { DEFAULT_SETTINGS } from '../../src/core/settings/settings';
import { todayIso } from '../../src/pages/agenda/agenda-route';
import { mapOccurrences, timeMonthRender, type RenderTiming } from './month-render';
import { naiveRangeFromEvents, naiveUpcomingFromEvents, scanUpcoming } from './naive';
import { seedDatabase, type SeedReport } from './seed';

/** The same database (name and schema) the app opens on this origin. */
const db = createAlmanacDb();
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const ctx: CoreContext = { now: () => Date.now(), viewerZone: zone };
const LIMIT = DEFAULT_SETTINGS.upcomingCount;

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

const ids = (rows: readonly OccurrenceRecord[]): string => rows.map((o) => o.id).join(',');

/** The widget's read, exactly as the dashboard does it: visible calendars, then the indexed query. */
async function widgetQuery(now: number): Promise<OccurrenceRecord[]> {
  return upcomingOccurrences(db, { now, limit: LIMIT, calendarIds: await visibleCalendarIds(db) });
}

export interface WidgetFigures {
  readonly ours: number[];
  readonly scan: number[];
  readonly naive: number[];
  readonly limit: number;
  /** Whether the three paths returned the same occurrences. */
  readonly agree: boolean;
}

export interface MonthFigures {
  readonly date: string;
  readonly ours: RenderTiming[];
  readonly naive: RenderTiming[];
}

export interface BenchApi {
  seed: () => Promise<SeedReport>;
  widget: (runs: number, naiveRuns: number) => Promise<WidgetFigures>;
  month: (runs: number, naiveRuns: number) => Promise<MonthFigures>;
  /** The naive widget read once, for the cold dashboard page. */
  naiveOnce: () => Promise<{ ms: number; count: number }>;
}

async function widget(runs: number, naiveRuns: number): Promise<WidgetFigures> {
  const now = Date.now();
  const ours: number[] = [];
  const scan: number[] = [];
  const naive: number[] = [];
  let agree = true;
  const reference = ids(await widgetQuery(now));
  for (let i = 0; i < runs; i++) {
    const run = await timed(() => widgetQuery(now));
    ours.push(run.ms);
    agree &&= ids(run.value) === reference;
  }
  for (let i = 0; i < Math.min(runs, 10); i++) {
    const run = await timed(() => scanUpcoming(db, now, LIMIT));
    scan.push(run.ms);
    agree &&= ids(run.value) === reference;
  }
  for (let i = 0; i < naiveRuns; i++) {
    const run = await timed(() => naiveUpcomingFromEvents(db, now, LIMIT, zone));
    naive.push(run.ms);
    agree &&= ids(run.value) === reference;
  }
  return { ours, scan, naive, limit: LIMIT, agree };
}

async function month(runs: number, naiveRuns: number): Promise<MonthFigures> {
  const date = todayIso(Date.now(), zone);
  const ours = async (range: TimeRange): Promise<EventInput[]> => {
    const calendars = await listCalendars(db);
    const visible = calendars.filter((c) => c.visible === 1).map((c) => c.id);
    const rows = await occurrencesInRange(db, { from: range.from, to: range.to, calendarIds: visible });
    return mapOccurrences(rows, calendars, zone);
  };
  const naive = async (range: TimeRange): Promise<EventInput[]> => {
    const [calendars, rows] = await Promise.all([listCalendars(db), naiveRangeFromEvents(db, range, zone)]);
    return mapOccurrences(rows, calendars, zone);
  };
  // One warm-up each (FullCalendar's first render builds its caches).
  await timeMonthRender(ours, date, zone);
  const figures: MonthFigures = { date, ours: [], naive: [] };
  for (let i = 0; i < runs; i++) figures.ours.push(await timeMonthRender(ours, date, zone));
  for (let i = 0; i < naiveRuns; i++) figures.naive.push(await timeMonthRender(naive, date, zone));
  return figures;
}

async function naiveOnce(): Promise<{ ms: number; count: number }> {
  await db.open();
  const run = await timed(() => naiveUpcomingFromEvents(db, Date.now(), LIMIT, zone));
  return { ms: run.ms, count: run.value.length };
}

declare global {
  interface Window {
    almanacBench?: BenchApi;
  }
}

window.almanacBench = {
  seed: () => seedDatabase(db, ctx, todayIso(Date.now(), zone)),
  widget,
  month,
  naiveOnce,
};
