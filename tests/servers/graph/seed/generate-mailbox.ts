/**
 * A mailbox of N events for benchmarks and manual tries, the same for the same seed: single events
 * spread over a window (some all-day, zones mixed), and series (daily, weekly, monthly) each with
 * two exceptions and one cancelled occurrence.
 */
import { seededRandom } from '../../seeded-random';
import type { JsonObject } from '../json';
import { formatGraphDateTime, numberToWall, wallToNumber } from '../time/wall-clock';
import { resolveZone, utcToWall, wallToUtc } from '../time/zones';
import type { SeedApi } from './seed-api';

export interface GenerateOptions {
  /** Events in all, series masters included. */
  readonly events: number;
  /** How many of them are series; 6 % by default. */
  readonly series?: number;
  readonly seed?: number;
  readonly fromMs: number;
  readonly toMs: number;
  /** Calendars to spread events over (the default calendar is the first); 1 by default. */
  readonly calendarIds: readonly string[];
}

const ZONES = ['UTC', 'W. Europe Standard Time', 'Pacific Standard Time', 'Europe/Zurich'] as const;
const SLOT_MS = 15 * 60_000;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** A wall time a spring gap skips in `zone` (Exchange moves it forward, past the event's end). */
function inGap(wallMs: number, zone: string): boolean {
  const iana = resolveZone(zone)?.iana ?? 'UTC';
  return wallToNumber(utcToWall(wallToUtc(numberToWall(wallMs), iana), iana)) !== wallMs;
}
const PATTERNS: readonly JsonObject[] = [
  { type: 'weekly', interval: 1, daysOfWeek: ['monday', 'wednesday'], firstDayOfWeek: 'sunday' },
  { type: 'daily', interval: 2 },
  { type: 'absoluteMonthly', interval: 1, dayOfMonth: 12 },
  { type: 'relativeMonthly', interval: 1, daysOfWeek: ['thursday'], index: 'second' },
];

export function generateMailbox(
  seed: SeedApi,
  options: GenerateOptions,
): { singles: number; series: number } {
  const random = seededRandom(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const seriesCount = Math.min(options.events, options.series ?? Math.round(options.events * 0.06));
  const slots = Math.floor((options.toMs - options.fromMs) / SLOT_MS);
  for (let n = 0; n < options.events; n += 1) {
    let startMs = options.fromMs + Math.floor(random() * slots) * SLOT_MS;
    const timeZone = pick(ZONES);
    // The window's start is any instant, so a slot may fall in a spring gap: an hour later it does not.
    if (inGap(startMs - (startMs % 1000), timeZone)) startMs += HOUR_MS;
    const allDay = n >= seriesCount && random() < 0.05;
    const durationMs = allDay ? DAY_MS : (1 + Math.floor(random() * 4)) * 30 * 60_000;
    const startWall = numberToWall(allDay ? startMs - (startMs % DAY_MS) : startMs);
    const body: JsonObject = {
      subject: `${n < seriesCount ? 'Series' : 'Event'} ${n}`,
      body: { contentType: 'text', content: `Generated event ${n}.` },
      start: { dateTime: formatGraphDateTime(startWall), timeZone },
      end: {
        dateTime: formatGraphDateTime(
          numberToWall(
            Date.UTC(startWall.year, startWall.month - 1, startWall.day, startWall.hour, startWall.minute) +
              durationMs,
          ),
        ),
        timeZone,
      },
      isAllDay: allDay,
      location: { displayName: random() < 0.5 ? `Room ${n % 40}` : '' },
      categories: random() < 0.2 ? ['Blue category'] : [],
    };
    const calendarId = pick(options.calendarIds);
    if (n >= seriesCount) {
      seed.event(body, calendarId);
      continue;
    }
    const startDate = formatGraphDateTime(startWall).slice(0, 10);
    const range =
      n % 3 === 0
        ? { type: 'noEnd', startDate }
        : n % 3 === 1
          ? { type: 'numbered', startDate, numberOfOccurrences: 20 + (n % 30) }
          : {
              type: 'endDate',
              startDate,
              endDate: formatGraphDateTime(numberToWall(startMs + 200 * DAY_MS)).slice(0, 10),
            };
    seed.series(
      { ...body, recurrence: { pattern: PATTERNS[n % PATTERNS.length] ?? {}, range } },
      {
        exceptions: [
          { at: 1, patch: { subject: `Series ${n} (moved)` } },
          { at: 3, patch: { subject: `Series ${n} (edited)` } },
        ],
        cancelled: [2],
      },
      calendarId,
    );
  }
  return { singles: options.events - seriesCount, series: seriesCount };
}
