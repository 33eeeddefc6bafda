/**
 * Where an event is in time: its start and end as instants, from the wall times and zones it was
 * given. All-day events must start and end at midnight in one zone ("event resource type",
 * `isAllDay`); they are placed in that zone.
 */
import { GraphErrors, fail, ok, type Result } from '../graph-error';
import { isMidnight, parseWall, wallToNumber, type Wall } from '../time/wall-clock';
import { resolveZone, wallToUtc } from '../time/zones';
import type { EventContent } from './event-content';

export interface EventTiming {
  readonly iana: string;
  /** The Windows name reported as originalStartTimeZone / originalEndTimeZone. */
  readonly startZoneWindows: string;
  readonly endZoneWindows: string;
  readonly startWall: Wall;
  readonly endWall: Wall;
  readonly startMs: number;
  readonly endMs: number;
  readonly isAllDay: boolean;
}

export function computeTiming(content: EventContent): Result<EventTiming> {
  const startZone = resolveZone(content.start.timeZone);
  const endZone = resolveZone(content.end.timeZone);
  if (!startZone) return fail(GraphErrors.timeZoneNotSupported(content.start.timeZone));
  if (!endZone) return fail(GraphErrors.timeZoneNotSupported(content.end.timeZone));
  const startWall = parseWall(content.start.dateTime);
  const endWall = parseWall(content.end.dateTime);
  if (!startWall || !endWall) return fail(GraphErrors.bodyRead('start and end need a dateTime.'));
  if (content.isAllDay) {
    const sameZone = startZone.iana === endZone.iana;
    if (!isMidnight(startWall) || !isMidnight(endWall) || !sameZone) {
      return fail(
        GraphErrors.invalidRequest('An all-day event must start and end at midnight, in the same time zone.'),
      );
    }
    if (wallToNumber(endWall) <= wallToNumber(startWall)) {
      return fail(GraphErrors.invalidRequest('An all-day event lasts at least one day.'));
    }
  }
  const startMs = wallToUtc(startWall, startZone.iana);
  const endMs = wallToUtc(endWall, endZone.iana);
  if (endMs < startMs)
    return fail(GraphErrors.invalidRequest('The end of an event cannot be before its start.'));
  return ok({
    iana: startZone.iana,
    startZoneWindows: startZone.windows,
    endZoneWindows: endZone.windows,
    startWall,
    endWall,
    startMs,
    endMs,
    isAllDay: content.isAllDay,
  });
}
