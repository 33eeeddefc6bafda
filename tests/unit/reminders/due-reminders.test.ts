import { describe, expect, it } from 'vitest';
import { NO_ALARMS, type AlarmSpec, type EventAlarms } from '../../../src/core/reminders/alarm-spec';
import { remindersBetween, type ReminderInstance } from '../../../src/core/reminders/due-reminders';
import type { EventId } from '../../../src/core/model/ids';
import { occurrenceId } from '../../../src/core/model/occurrence';

const at = (iso: string): number => Date.parse(iso);
const MIN = 60_000;
const E1 = 'e1' as EventId;

function instance(start: string, end: string, recurrenceId: string | null = null): ReminderInstance {
  return {
    id: occurrenceId(E1, recurrenceId),
    eventId: E1,
    start: at(start),
    end: at(end),
    allDay: false,
    recurrenceId,
    summary: 'Standup',
    location: '',
  };
}

const before = (minutes: number, index = 0): AlarmSpec => ({
  index,
  trigger: { kind: 'relative', related: 'start', offsetMs: -minutes * MIN },
});
const alarmsOf =
  (alarms: EventAlarms) =>
  (id: EventId): EventAlarms =>
    id === E1 ? alarms : NO_ALARMS;

describe('which alarms fire between A and B', () => {
  const single = [instance('2026-03-10T09:00:00Z', '2026-03-10T09:30:00Z')];

  it('fires a relative alarm before the start, in (from, to]', () => {
    const alarms = alarmsOf({ master: [before(10)], overrides: new Map() });
    const due = remindersBetween(single, alarms, at('2026-03-10T08:00:00Z'), at('2026-03-10T08:50:00Z'));
    expect(due.map((r) => r.fireAt)).toEqual([at('2026-03-10T08:50:00Z')]);
    expect(due[0]?.occurrenceId).toBe('e1|single');
    // The same moment is not in the next interval: back-to-back checks never both fire it.
    expect(remindersBetween(single, alarms, at('2026-03-10T08:50:00Z'), at('2026-03-10T09:00:00Z'))).toEqual(
      [],
    );
  });

  it('fires relative to the end and at an absolute time', () => {
    const alarms = alarmsOf({
      master: [
        { index: 0, trigger: { kind: 'relative', related: 'end', offsetMs: -5 * MIN } },
        { index: 1, trigger: { kind: 'absolute', at: at('2026-03-09T18:00:00Z') } },
      ],
      overrides: new Map(),
    });
    const due = remindersBetween(single, alarms, at('2026-03-09T00:00:00Z'), at('2026-03-11T00:00:00Z'));
    expect(due.map((r) => r.fireAt)).toEqual([at('2026-03-09T18:00:00Z'), at('2026-03-10T09:25:00Z')]);
  });

  it('fires for each instance of a series, an override using its own alarms, an absolute alarm once', () => {
    const series = [
      instance('2026-03-10T09:00:00Z', '2026-03-10T09:30:00Z', '20260310T090000Z'),
      instance('2026-03-17T10:00:00Z', '2026-03-17T10:30:00Z', '20260317T090000Z'),
      instance('2026-03-24T09:00:00Z', '2026-03-24T09:30:00Z', '20260324T090000Z'),
    ];
    const absolute: AlarmSpec = { index: 1, trigger: { kind: 'absolute', at: at('2026-03-01T08:00:00Z') } };
    const alarms = alarmsOf({
      master: [before(10), absolute],
      overrides: new Map([['20260317T090000Z', [before(60)]]]),
    });
    const due = remindersBetween(series, alarms, at('2026-02-28T00:00:00Z'), at('2026-03-31T00:00:00Z'));
    expect(due.map((r) => new Date(r.fireAt).toISOString())).toEqual([
      '2026-03-01T08:00:00.000Z',
      '2026-03-10T08:50:00.000Z',
      '2026-03-17T09:00:00.000Z',
      '2026-03-24T08:50:00.000Z',
    ]);
    expect(new Set(due.map((r) => r.key)).size).toBe(4);
  });

  it('gives a moved instance a new key, so it fires again', () => {
    const alarms = alarmsOf({ master: [before(10)], overrides: new Map() });
    const [first] = remindersBetween(single, alarms, 0, at('2026-12-31T00:00:00Z'));
    const moved = [instance('2026-03-10T10:00:00Z', '2026-03-10T10:30:00Z')];
    const [second] = remindersBetween(moved, alarms, 0, at('2026-12-31T00:00:00Z'));
    expect(first?.key).not.toBe(second?.key);
  });
});
