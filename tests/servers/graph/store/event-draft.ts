/**
 * An event's content, times and recurrence checked together before a write. A series master is
 * anchored on its first occurrence, as Graph answers a create (the master's start is the first
 * occurrence, on `range.startDate` or the first day after it that the pattern allows). Setting
 * `isOnlineMeeting` gives the event a join URL, and it stays online ("event resource type").
 */
import { GraphErrors, fail, ok, type Result } from '../graph-error';
import type { JsonValue } from '../json';
import { firstOccurrences } from '../recurrence/expand-series';
import { readRecurrence, type PatternedRecurrence } from '../recurrence/patterned-recurrence';
import { addDays, daysBetween, formatGraphDateTime } from '../time/wall-clock';
import { resolveZone, utcToWall } from '../time/zones';
import type { EventContent } from './event-content';
import { computeTiming, type EventTiming } from './event-timing';

export interface EventDraft {
  readonly content: EventContent;
  readonly timing: EventTiming;
  readonly recurrence: PatternedRecurrence | null;
}

const DAY_MS = 86_400_000;

function anchor(
  content: EventContent,
  timing: EventTiming,
  recurrence: PatternedRecurrence,
): Result<EventContent> {
  const days = daysBetween(timing.startWall, timing.endWall);
  const durationMs = timing.isAllDay ? days * DAY_MS : timing.endMs - timing.startMs;
  const [first] = firstOccurrences(
    { recurrence, startWall: timing.startWall, isAllDay: timing.isAllDay, iana: timing.iana, durationMs },
    1,
  );
  if (!first)
    return fail(GraphErrors.invalidRequest('The recurrence pattern has no occurrence in its range.'));
  const endIana = resolveZone(content.end.timeZone)?.iana ?? timing.iana;
  const endWall = timing.isAllDay ? addDays(first.startWall, days) : utcToWall(first.endMs, endIana);
  return ok({
    ...content,
    start: { ...content.start, dateTime: formatGraphDateTime(first.startWall) },
    end: { ...content.end, dateTime: formatGraphDateTime(endWall) },
  });
}

function online(content: EventContent, wasOnline: boolean, joinSeed: string): EventContent {
  if (!content.isOnlineMeeting && !wasOnline) return { ...content, onlineMeeting: null };
  return {
    ...content,
    isOnlineMeeting: true,
    onlineMeetingProvider:
      content.onlineMeetingProvider === 'unknown' ? 'teamsForBusiness' : content.onlineMeetingProvider,
    onlineMeeting: content.onlineMeeting ?? {
      joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${joinSeed}%40thread.v2/0`,
    },
  };
}

/**
 * `rawRecurrence`: undefined keeps `existing`, null removes it, anything else is read as a
 * patternedRecurrence. `wasOnline`: the event already had a join URL.
 */
export function buildDraft(
  content: EventContent,
  rawRecurrence: JsonValue | undefined,
  existing: PatternedRecurrence | null,
  wasOnline: boolean,
  joinSeed: string,
): Result<EventDraft> {
  let recurrence = existing;
  if (rawRecurrence === null) recurrence = null;
  else if (rawRecurrence !== undefined) {
    const read = readRecurrence(rawRecurrence, content.start.timeZone);
    if (!read.ok) return fail(GraphErrors.invalidRequest(read.message));
    recurrence = read.value;
  }
  const withMeeting = online(content, wasOnline, joinSeed);
  const timing = computeTiming(withMeeting);
  if (!timing.ok) return timing;
  if (!recurrence) return ok({ content: withMeeting, timing: timing.value, recurrence });
  const anchored = anchor(withMeeting, timing.value, recurrence);
  if (!anchored.ok) return anchored;
  const anchoredTiming = computeTiming(anchored.value);
  if (!anchoredTiming.ok) return anchoredTiming;
  return ok({ content: anchored.value, timing: anchoredTiming.value, recurrence });
}
