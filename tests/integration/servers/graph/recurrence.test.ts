// Graph's recurrence patterns on the Graph test server ("recurrencePattern resource type",
// "recurrenceRange resource type"): each pattern's RRULE and the occurrences ical.js expands from it,
// as "List instances" returns them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraphServer, type GraphServer, type JsonObject } from '../../../servers/graph/index';
import { patternToRrule } from '../../../servers/graph/recurrence/pattern-to-rrule';
import { readRecurrence } from '../../../servers/graph/recurrence/patterned-recurrence';
import { callJson, rows } from './graph-http';
import { at, instanceStarts, seriesBody } from './series-bodies';

let server: GraphServer;

beforeAll(async () => {
  server = await startGraphServer();
});

afterAll(async () => {
  await server.stop();
});

describe('Graph patterns → RRULE → occurrences (ical.js)', () => {
  const cases: { name: string; pattern: JsonObject; range: JsonObject; rrule: string; starts: string[] }[] = [
    {
      name: 'daily every 2 days, numbered',
      pattern: { type: 'daily', interval: 2 },
      range: { type: 'numbered', startDate: '2025-01-01', numberOfOccurrences: 3 },
      rrule: 'FREQ=DAILY;INTERVAL=2;COUNT=3',
      starts: ['2025-01-01T09:00', '2025-01-03T09:00', '2025-01-05T09:00'],
    },
    {
      name: 'weekly on Monday and Friday from a Wednesday: the first occurrence is Friday',
      pattern: { type: 'weekly', interval: 1, daysOfWeek: ['Monday', 'friday'], firstDayOfWeek: 'sunday' },
      range: { type: 'endDate', startDate: '2025-01-01', endDate: '2025-01-10' },
      rrule: 'FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,FR;WKST=SU;UNTIL=20250110T235959',
      starts: ['2025-01-03T09:00', '2025-01-06T09:00', '2025-01-10T09:00'],
    },
    {
      name: 'absolute monthly on the 15th',
      pattern: { type: 'absoluteMonthly', interval: 1, dayOfMonth: 15 },
      range: { type: 'numbered', startDate: '2025-01-01', numberOfOccurrences: 2 },
      rrule: 'FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=15;COUNT=2',
      starts: ['2025-01-15T09:00', '2025-02-15T09:00'],
    },
    {
      name: 'relative monthly, last Tuesday or Wednesday (the first day that satisfies the pattern)',
      pattern: { type: 'relativeMonthly', interval: 2, daysOfWeek: ['tuesday', 'wednesday'], index: 'last' },
      range: { type: 'numbered', startDate: '2025-01-01', numberOfOccurrences: 2 },
      rrule: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=TU,WE;BYSETPOS=-1;COUNT=2',
      starts: ['2025-01-29T09:00', '2025-03-26T09:00'],
    },
    {
      name: 'relative monthly, second Thursday',
      pattern: { type: 'relativeMonthly', interval: 1, daysOfWeek: ['thursday'], index: 'second' },
      range: { type: 'numbered', startDate: '2025-01-01', numberOfOccurrences: 2 },
      rrule: 'FREQ=MONTHLY;INTERVAL=1;BYDAY=2TH;COUNT=2',
      starts: ['2025-01-09T09:00', '2025-02-13T09:00'],
    },
    {
      name: 'relative monthly, first Monday, from after this month’s first Monday',
      pattern: { type: 'relativeMonthly', interval: 1, daysOfWeek: ['monday'], index: 'first' },
      range: { type: 'endDate', startDate: '2025-01-15', endDate: '2025-03-03' },
      rrule: 'FREQ=MONTHLY;INTERVAL=1;BYDAY=1MO;UNTIL=20250303T235959',
      starts: ['2025-02-03T09:00', '2025-03-03T09:00'],
    },
    {
      name: 'absolute yearly on 15 March',
      pattern: { type: 'absoluteYearly', interval: 1, dayOfMonth: 15, month: 3 },
      range: { type: 'numbered', startDate: '2025-01-01', numberOfOccurrences: 2 },
      rrule: 'FREQ=YEARLY;INTERVAL=1;BYMONTH=3;BYMONTHDAY=15;COUNT=2',
      starts: ['2025-03-15T09:00', '2026-03-15T09:00'],
    },
    {
      name: 'relative yearly, second Thursday of November',
      pattern: { type: 'relativeYearly', interval: 1, daysOfWeek: ['thursday'], index: 'second', month: 11 },
      range: { type: 'noEnd', startDate: '2025-01-01' },
      rrule: 'FREQ=YEARLY;INTERVAL=1;BYMONTH=11;BYDAY=2TH',
      starts: ['2025-11-13T09:00', '2026-11-12T09:00'],
    },
  ];

  it.each(cases)('$name', async ({ pattern, range, rrule, starts }) => {
    const read = readRecurrence({ pattern, range }, 'UTC');
    if (!read.ok) throw new Error(read.message);
    expect(patternToRrule(read.value, false)).toBe(rrule);
    const master = server.seed.event(seriesBody(pattern, range));
    expect(await instanceStarts(server, master.id)).toEqual(starts);
  });

  it('keeps the wall-clock time across DST in the series zone', async () => {
    const master = server.seed.event(
      seriesBody(
        { type: 'weekly', interval: 1, daysOfWeek: ['friday'] },
        { type: 'numbered', startDate: '2025-03-21', numberOfOccurrences: 2 },
        at('2025-03-21', '09:00:00', 'W. Europe Standard Time'),
        at('2025-03-21', '10:00:00', 'W. Europe Standard Time'),
      ),
    );
    expect(await instanceStarts(server, master.id)).toEqual(['2025-03-21T08:00', '2025-03-28T08:00']);
    const zurich = await callJson(
      server,
      `/me/events/${master.id}/instances?startDateTime=2025-03-01T00:00:00Z&endDateTime=2025-04-30T00:00:00Z`,
      {
        prefer: 'outlook.timezone="Europe/Zurich"',
      },
    );
    expect(rows(zurich.json).map((r) => (r['start'] as JsonObject)['dateTime'])).toEqual([
      '2025-03-21T09:00:00.0000000',
      '2025-03-28T09:00:00.0000000',
    ]);
  });
});
