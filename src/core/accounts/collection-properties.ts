/**
 * Reading a calendar collection's properties as tsdav parses them (xml-js compact, camelCased names,
 * numeric-looking text coerced to numbers): untrusted shapes, checked here at the edge.
 */

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text of a property that may come as a string, a number, `{ _text }` or `{ _cdata }`. */
export function propertyText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isRecord(value)) {
    if (typeof value._cdata === 'string') return value._cdata;
    if (typeof value._text === 'string' || typeof value._text === 'number') return String(value._text);
  }
  return null;
}

/** Privileges that let the user change the calendar's events (RFC 3744). */
const WRITE_PRIVILEGES = new Set(['all', 'write', 'writeContent', 'bind']);

/**
 * `DAV:current-user-privilege-set` → may the user write? A server that does not report privileges is
 * taken as writable: a refused write is then reported as read-only by the sync (docs/sync-rules.md rule 15).
 */
export function allowsWrite(privilegeSet: unknown): boolean {
  if (!isRecord(privilegeSet)) return true;
  const privileges = privilegeSet.privilege;
  const list = Array.isArray(privileges) ? privileges : privileges === undefined ? [] : [privileges];
  return list.some(
    (privilege) => isRecord(privilege) && Object.keys(privilege).some((name) => WRITE_PRIVILEGES.has(name)),
  );
}

/** A collection holds events when it declares VEVENT, or declares no component set at all. */
export function holdsEvents(components: readonly string[] | undefined): boolean {
  return components === undefined || components.length === 0 || components.includes('VEVENT');
}

/** `supported-report-set` names as tsdav returns them (camelCased). */
export function supportsSyncCollection(reports: unknown): boolean {
  if (!Array.isArray(reports)) return false;
  return reports.some((report: unknown) => report === 'syncCollection' || report === 'sync-collection');
}
