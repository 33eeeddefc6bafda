/**
 * One event as a client sees it (single instance, series master, occurrence or exception), frozen
 * at the moment it was read: serialisers and delta rounds work on views, never on live records.
 */
import { expandSeries, type Occurrence, type SeriesTiming } from '../recurrence/expand-series';
import type { PatternedRecurrence } from '../recurrence/patterned-recurrence';
import { addDays, daysBetween, formatGraphDateTime } from '../time/wall-clock';
import { utcToWall } from '../time/zones';
import type { EventContent } from './event-content';
import type { EventTiming } from './event-timing';
import { occurrenceICalUId, occurrenceId } from './ids';
import type { EventRecord, ExceptionRecord } from './records';

export const EventType = {
  singleInstance: 'singleInstance',
  occurrence: 'occurrence',
  exception: 'exception',
  seriesMaster: 'seriesMaster',
} as const;
export type EventType = (typeof EventType)[keyof typeof EventType];

export interface EventView {
  readonly id: string;
  readonly type: EventType;
  readonly calendarId: string;
  readonly seriesMasterId: string | null;
  readonly iCalUId: string;
  readonly changeKey: string;
  readonly transactionId: string | null;
  readonly createdDateTime: number;
  readonly lastModifiedDateTime: number;
  readonly content: EventContent;
  readonly timing: EventTiming;
  readonly recurrence: PatternedRecurrence | null;
  readonly originalStartMs: number | null;
}

const DAY_MS = 86_400_000;

export function seriesTiming(master: EventRecord): SeriesTiming | null {
  if (!master.recurrence) return null;
  const { timing } = master;
  const durationMs = timing.isAllDay
    ? daysBetween(timing.startWall, timing.endWall) * DAY_MS
    : timing.endMs - timing.startMs;
  return {
    recurrence: master.recurrence,
    startWall: timing.startWall,
    isAllDay: timing.isAllDay,
    iana: timing.iana,
    durationMs,
  };
}

export function recordView(record: EventRecord): EventView {
  return {
    id: record.id,
    type: record.recurrence ? EventType.seriesMaster : EventType.singleInstance,
    calendarId: record.calendarId,
    seriesMasterId: null,
    iCalUId: record.iCalUId,
    changeKey: record.changeKey,
    transactionId: record.transactionId,
    createdDateTime: record.createdDateTime,
    lastModifiedDateTime: record.lastModifiedDateTime,
    content: record.content,
    timing: record.timing,
    recurrence: record.recurrence,
    originalStartMs: null,
  };
}

/** The content and times an occurrence has before anyone edits it: the master's, moved to its date. */
export function occurrenceBase(
  master: EventRecord,
  occurrence: Occurrence,
): { content: EventContent; timing: EventTiming } {
  const { timing } = master;
  const endWall = timing.isAllDay
    ? addDays(occurrence.startWall, daysBetween(timing.startWall, timing.endWall))
    : utcToWall(occurrence.endMs, timing.iana);
  const content: EventContent = {
    ...master.content,
    start: { dateTime: formatGraphDateTime(occurrence.startWall), timeZone: master.content.start.timeZone },
    end: { dateTime: formatGraphDateTime(endWall), timeZone: master.content.end.timeZone },
  };
  return {
    content,
    timing: {
      ...timing,
      startWall: occurrence.startWall,
      endWall,
      startMs: occurrence.startMs,
      endMs: occurrence.endMs,
    },
  };
}

function instanceView(
  master: EventRecord,
  originalStartMs: number,
  parts: Pick<
    EventView,
    'type' | 'content' | 'timing' | 'changeKey' | 'createdDateTime' | 'lastModifiedDateTime'
  >,
): EventView {
  const originalWall = utcToWall(originalStartMs, master.timing.iana);
  return {
    ...parts,
    id: occurrenceId(master.id, originalStartMs),
    calendarId: master.calendarId,
    seriesMasterId: master.id,
    iCalUId: occurrenceICalUId(master.iCalUId, originalWall),
    transactionId: null,
    recurrence: null,
    originalStartMs,
  };
}

export function occurrenceView(master: EventRecord, occurrence: Occurrence): EventView {
  return instanceView(master, occurrence.originalStartMs, {
    ...occurrenceBase(master, occurrence),
    type: EventType.occurrence,
    changeKey: master.changeKey,
    createdDateTime: master.createdDateTime,
    lastModifiedDateTime: master.lastModifiedDateTime,
  });
}

export function exceptionView(master: EventRecord, exception: ExceptionRecord): EventView {
  return instanceView(master, exception.originalStartMs, {
    type: EventType.exception,
    content: exception.content,
    timing: exception.timing,
    changeKey: exception.changeKey,
    createdDateTime: exception.createdDateTime,
    lastModifiedDateTime: exception.lastModifiedDateTime,
  });
}

/** The occurrence of `master` that starts (originally) at `originalStartMs`, if the rule has one. */
export function findOccurrence(master: EventRecord, originalStartMs: number): Occurrence | null {
  const timing = seriesTiming(master);
  if (!timing) return null;
  return (
    expandSeries(timing, originalStartMs, originalStartMs + 1).find(
      (o) => o.originalStartMs === originalStartMs,
    ) ?? null
  );
}
