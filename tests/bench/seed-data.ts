/**
 * The benchmark's data set: deterministic (seeded PRNG) iCalendar text for 20,000 events, relative to
 * "today" so the widget always has something coming up. 500 are series (weekly on 1–3 weekdays, daily,
 * monthly; some endless, some with COUNT or UNTIL; some with an override or an EXDATE), the rest
 * single events spread over ±2 years. Times are wall clocks in Europe/Zurich (TZID, no VTIMEZONE:
 * the core resolves IANA names through Intl).
 */
export const BENCH_ZONE = 'Europe/Zurich';
export const TOTAL_EVENTS = 20_000;
export const RECURRING_EVENTS = 500;

/** Mulberry32: small, fast, good enough to spread test data. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Wall {
  readonly y: number;
  readonly m: number;
  readonly d: number;
  readonly h: number;
  readonly min: number;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** A calendar day `offset` days from `base` (UTC date arithmetic on wall-clock values). */
function dayFrom(base: Wall, offset: number, h: number, min: number): Wall {
  const date = new Date(Date.UTC(base.y, base.m - 1, base.d + offset));
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate(), h, min };
}

function addMinutes(w: Wall, minutes: number): Wall {
  const date = new Date(Date.UTC(w.y, w.m - 1, w.d, w.h, w.min + minutes));
  return {
    y: date.getUTCFullYear(),
    m: date.getUTCMonth() + 1,
    d: date.getUTCDate(),
    h: date.getUTCHours(),
    min: date.getUTCMinutes(),
  };
}

const dateText = (w: Wall): string => `${pad(w.y, 4)}${pad(w.m)}${pad(w.d)}`;
const dateTimeText = (w: Wall): string => `${dateText(w)}T${pad(w.h)}${pad(w.min)}00`;
const weekdayOf = (w: Wall): number => (new Date(Date.UTC(w.y, w.m - 1, w.d)).getUTCDay() + 6) % 7;
const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

const TITLES = ['Standup', 'Review', 'Lunch', 'Call', 'Workshop', 'Dentist', 'Gym', 'Planning', 'Retro'];
const PLACES = ['', '', 'Room 4', 'Zurich HB', 'Online', 'Café'];

function vcalendar(lines: readonly string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Almanac//bench//EN', ...lines, 'END:VCALENDAR'].join(
    '\r\n',
  );
}

function vevent(
  uid: string,
  start: Wall,
  minutes: number,
  summary: string,
  extra: readonly string[],
): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20260101T000000Z',
    `DTSTART;TZID=${BENCH_ZONE}:${dateTimeText(start)}`,
    `DTEND;TZID=${BENCH_ZONE}:${dateTimeText(addMinutes(start, minutes))}`,
    `SUMMARY:${summary}`,
    ...extra,
    'END:VEVENT',
  ];
}

export interface SeedEvent {
  /** Index into the calendars the page created. */
  readonly calendar: number;
  readonly ics: string;
}

function singleEvent(i: number, today: Wall, rand: () => number, calendars: number): SeedEvent {
  const offset = Math.floor(rand() * 1461) - 730;
  const title = `${TITLES[i % TITLES.length] ?? 'Event'} ${i}`;
  const location = PLACES[i % PLACES.length] ?? '';
  const extra = location === '' ? [] : [`LOCATION:${location}`];
  const calendar = i % calendars;
  if (rand() < 0.05) {
    const day = dayFrom(today, offset, 0, 0);
    const next = dayFrom(today, offset + 1, 0, 0);
    const lines = [
      'BEGIN:VEVENT',
      `UID:single-${i}@bench`,
      'DTSTAMP:20260101T000000Z',
      `DTSTART;VALUE=DATE:${dateText(day)}`,
      `DTEND;VALUE=DATE:${dateText(next)}`,
      `SUMMARY:${title}`,
      ...extra,
      'END:VEVENT',
    ];
    return { calendar, ics: vcalendar(lines) };
  }
  const start = dayFrom(today, offset, 7 + Math.floor(rand() * 12), 15 * Math.floor(rand() * 4));
  const minutes = [30, 45, 60, 90, 120][Math.floor(rand() * 5)] ?? 60;
  return { calendar, ics: vcalendar(vevent(`single-${i}@bench`, start, minutes, title, extra)) };
}

/** The rule, plus the offset in days of an instance that certainly exists (for overrides/EXDATEs). */
function ruleFor(kind: number, start: Wall, rand: () => number): { rrule: string; nthDays: number } {
  const ending = rand();
  if (kind === 0) {
    // Weekly on 1–3 weekdays, DTSTART on the first of them; instance 2 weeks later always exists.
    const first = weekdayOf(start);
    const days = new Set([first, (first + 2) % 7, (first + 4) % 7].slice(0, 1 + Math.floor(rand() * 3)));
    const byDay = [...days].map((d) => BYDAY[d]).join(',');
    const end = ending < 0.2 ? '' : ending < 0.8 ? `;COUNT=${10 + Math.floor(rand() * 90)}` : ';COUNT=6';
    return { rrule: `FREQ=WEEKLY;BYDAY=${byDay}${end}`, nthDays: 14 };
  }
  if (kind === 1) {
    // Daily: mostly bounded, a few endless (an endless daily series is 1,100 rows over the window).
    const end = ending < 0.1 ? '' : `;COUNT=${5 + Math.floor(rand() * 40)}`;
    return { rrule: `FREQ=DAILY${end}`, nthDays: 2 };
  }
  const end = ending < 0.6 ? '' : `;UNTIL=${dateText(dayFrom(start, 400, 0, 0))}T235959Z`;
  return { rrule: `FREQ=MONTHLY;BYMONTHDAY=${start.d}${end}`, nthDays: -1 };
}

function recurringEvent(i: number, today: Wall, rand: () => number, calendars: number): SeedEvent {
  const kind = i % 3;
  // Day of month ≤ 28 so monthly series fall in every month.
  let start = dayFrom(today, Math.floor(rand() * 1095) - 730, 8 + Math.floor(rand() * 10), 0);
  if (start.d > 28) start = dayFrom(start, -3, start.h, 0);
  const { rrule, nthDays } = ruleFor(kind, start, rand);
  const title = `Series ${i}`;
  const uid = `series-${i}@bench`;
  const extra = [`RRULE:${rrule}`];
  // The n-th instance: for monthly, the same day next month.
  const nextMonth = start.m === 12 ? { y: start.y + 1, m: 1 } : { y: start.y, m: start.m + 1 };
  const nth = nthDays >= 0 ? dayFrom(start, nthDays, start.h, start.min) : { ...start, ...nextMonth };
  const twist = i % 10;
  if (twist === 1) extra.push(`EXDATE;TZID=${BENCH_ZONE}:${dateTimeText(nth)}`);
  const lines = vevent(uid, start, 60, title, extra);
  if (twist === 2) {
    const moved = addMinutes(nth, 60);
    lines.push(
      ...vevent(uid, moved, 30, `${title} (moved)`, [
        `RECURRENCE-ID;TZID=${BENCH_ZONE}:${dateTimeText(nth)}`,
      ]),
    );
  }
  return { calendar: i % calendars, ics: vcalendar(lines) };
}

/** All events of the data set, series first. `today` is the viewer's date `YYYY-MM-DD`. */
export function benchEvents(todayIso: string, calendars: number): SeedEvent[] {
  const [y = 2026, m = 1, d = 1] = todayIso.split('-').map(Number);
  const today: Wall = { y, m, d, h: 0, min: 0 };
  const rand = prng(20_260_101);
  const events: SeedEvent[] = [];
  for (let i = 0; i < RECURRING_EVENTS; i++) events.push(recurringEvent(i, today, rand, calendars));
  for (let i = 0; i < TOTAL_EVENTS - RECURRING_EVENTS; i++)
    events.push(singleEvent(i, today, rand, calendars));
  return events;
}
