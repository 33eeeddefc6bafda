import type { EventInput } from 'fullcalendar';

/** Equal primitives, or objects whose own fields are equal primitives (an event's `extendedProps`). */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return sameFields(a as Record<string, unknown>, b as Record<string, unknown>, Object.is);
}

function sameFields(
  a: Readonly<Record<string, unknown>>,
  b: Readonly<Record<string, unknown>>,
  same: (x: unknown, y: unknown) => boolean,
): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => same(a[key], b[key]));
}

/**
 * Whether two event lists would draw the same: the same events in the same order, field by field (one
 * level into `extendedProps`). The agenda maps occurrences afresh on every live-query run, so equal
 * lists are new objects, and redrawing FullCalendar for them is a long task for nothing.
 */
export function sameEvents(a: readonly EventInput[], b: readonly EventInput[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((event, index) => {
    const other = b[index];
    return other !== undefined && sameFields(event, other, sameValue);
  });
}
