/**
 * Whether Graph's copy of an event is made only of what this app sent (CalendarProvider.holdsSent,
 * used by a delete after a 412 and by a write whose answer was lost: docs/sync-rules.md rule 4). Graph
 * keeps fields, not the text, so texts are compared as the writes they map to (ical-to-graph.ts); and
 * a series is written in several requests (the master, then each occurrence) that may stop part way,
 * so each part may come from another of the texts sent. Text that cannot be mapped counts as someone
 * else's (an edit wins, rule 4).
 */
import { sameContent } from '../../engine/normalise';
import type { GraphEventWrite, Location } from './graph-shapes';
import type { SeriesWrite } from './graph-writes';
import { changedFields, icalToGraph } from './ical-to-graph';

export function madeOfSent(sent: readonly string[], server: string): boolean {
  if (sent.some((text) => sameContent(text, server))) return true;
  const writes: SeriesWrite[] = [];
  for (const text of sent) {
    try {
      writes.push(comparedWriteOf(text));
    } catch {
      // not a text this provider could have sent: no part of the server's can come from it
    }
  }
  let held: SeriesWrite;
  try {
    held = comparedWriteOf(server);
  } catch {
    return false;
  }
  if (!writes.some((write) => sameFields(write.event, held.event))) return false;
  const starts = new Set([held, ...writes].flatMap((write) => write.exceptions.map((e) => e.originalStart)));
  for (const start of starts) {
    const here = exceptionAt(held, start);
    if (!writes.some((write) => exceptionAt(write, start) === here)) return false;
  }
  for (const start of new Set([held, ...writes].flatMap((write) => write.cancelled))) {
    const cancelled = held.cancelled.includes(start);
    if (!writes.some((write) => write.cancelled.includes(start) === cancelled)) return false;
  }
  return true;
}

/** The text as Graph writes it: an exception sends only what it sets over its master, never a rule. */
export function seriesWriteOf(ics: string): SeriesWrite {
  return writeOf(icalToGraph(ics), (event) => event);
}

/** As seriesWriteOf, for comparing: what Graph derives itself (withoutDerivedIds) left out. */
function comparedWriteOf(ics: string): SeriesWrite {
  return writeOf(icalToGraph(ics), withoutDerivedIds);
}

function writeOf(
  graph: ReturnType<typeof icalToGraph>,
  compared: (event: GraphEventWrite) => GraphEventWrite,
): SeriesWrite {
  const event = compared(graph.event);
  return {
    event,
    exceptions: graph.overrides.map((override) => {
      const { recurrence: _recurrence, ...fields } = changedFields(event, compared(override.event));
      return { originalStart: override.originalStart, event: fields };
    }),
    cancelled: graph.cancelled,
  };
}

/**
 * Graph gives a location written by its name alone an id of its own: `uniqueId` equal to the name,
 * `uniqueIdType` "private" (the test server does the same). It says nothing the name does not, and the
 * app never sends it, so a copy read back with it is still what the app sent.
 */
function withoutDerivedIds(event: GraphEventWrite): GraphEventWrite {
  return {
    ...event,
    location: withoutDerivedId(event.location),
    locations: event.locations.map(withoutDerivedId),
  };
}

function withoutDerivedId(location: Location): Location {
  if (location.uniqueIdType !== 'private' || location.uniqueId !== location.displayName) return location;
  const { uniqueId: _uniqueId, uniqueIdType: _uniqueIdType, ...rest } = location;
  return rest;
}

function sameFields(a: GraphEventWrite, b: GraphEventWrite): boolean {
  return Object.keys(changedFields(a, b)).length === 0 && Object.keys(changedFields(b, a)).length === 0;
}

function exceptionAt(write: SeriesWrite, originalStart: number): string | undefined {
  const found = write.exceptions.find((exception) => exception.originalStart === originalStart);
  return found === undefined ? undefined : JSON.stringify(found.event);
}
