/**
 * The small readers graph-types.ts validates Graph's JSON with, and the error they throw: which
 * property is wrong (a path such as `recurrence.pattern.type`), what is wrong with it, and the event's
 * id when known, so the caller reports that one event and skips it (docs/sync-rules.md rule 42).
 */

/** A JSON object as parsed (`JSON.parse`), not yet validated. */
export type JsonRecord = Readonly<Record<string, unknown>>;

export class GraphShapeError extends Error {
  readonly kind = 'graph-shape' as const;
  /** Where in the JSON: `start.timeZone`, `recurrence.pattern.type`, `attendees[2].emailAddress`. */
  readonly property: string;
  /** What is wrong with it, in English. */
  readonly problem: string;
  /** The event's Graph id, when the JSON had one. */
  readonly eventId: string | null;

  constructor(property: string, problem: string, eventId: string | null = null) {
    super(`Graph event${eventId !== null ? ` ${eventId}` : ''}: ${property} ${problem}`);
    this.name = 'GraphShapeError';
    this.property = property;
    this.problem = problem;
    this.eventId = eventId;
  }

  forEvent(eventId: string): GraphShapeError {
    return new GraphShapeError(this.property, this.problem, eventId);
  }
}

export function isGraphShapeError(value: unknown): value is GraphShapeError {
  return value instanceof GraphShapeError;
}

interface Presence {
  readonly optional?: boolean;
  readonly nullable?: boolean;
}

const at = (path: string, key: string) => (path === 'event' ? key : `${path}.${key}`);

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  return JSON.stringify(value);
}

export function readString(json: JsonRecord, key: string, path: string): string;
export function readString(
  json: JsonRecord,
  key: string,
  path: string,
  presence: { readonly optional: true; readonly nullable: true },
): string | null | undefined;
export function readString(
  json: JsonRecord,
  key: string,
  path: string,
  presence: { readonly optional: true; readonly nullable?: false },
): string | undefined;
export function readString(
  json: JsonRecord,
  key: string,
  path: string,
  presence: Presence = {},
): string | null | undefined {
  const value = json[key];
  if (value === undefined && presence.optional) return undefined;
  if (value === null && presence.nullable) return null;
  if (typeof value !== 'string') {
    throw new GraphShapeError(
      at(path, key),
      value === undefined ? 'is missing' : `is not text: ${describe(value)}`,
    );
  }
  return value;
}

export function readBoolean(
  json: JsonRecord,
  key: string,
  path: string,
  _presence: { readonly optional: true },
): boolean | undefined {
  const value = json[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean')
    throw new GraphShapeError(at(path, key), `is not true or false: ${describe(value)}`);
  return value;
}

export function readNumber(
  json: JsonRecord,
  key: string,
  path: string,
  _presence: { readonly optional: true },
): number | undefined {
  const value = json[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new GraphShapeError(at(path, key), `is not a number: ${describe(value)}`);
  }
  return value;
}

/** An integer within bounds; `fallback` when missing or null (else missing is an error). */
export function readInteger(
  json: JsonRecord,
  key: string,
  path: string,
  bounds: { readonly min?: number; readonly max?: number; readonly fallback?: number },
): number {
  const value = json[key];
  if ((value === undefined || value === null) && bounds.fallback !== undefined) return bounds.fallback;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new GraphShapeError(
      at(path, key),
      value === undefined ? 'is missing' : `is not a whole number: ${describe(value)}`,
    );
  }
  if ((bounds.min !== undefined && value < bounds.min) || (bounds.max !== undefined && value > bounds.max)) {
    const range = `${bounds.min ?? '…'}–${bounds.max ?? '…'}`;
    throw new GraphShapeError(at(path, key), `is ${value}, outside ${range}`);
  }
  return value;
}

/**
 * One of an `as const` object's values, matched without regard to case (Graph documents lower camel
 * case; older answers capitalise); `fallback` when missing or null (else missing is an error).
 */
export function readEnum<T extends string>(
  json: JsonRecord,
  key: string,
  values: Readonly<Record<string, T>>,
  path: string,
  fallback?: T,
): T {
  const value = json[key];
  if ((value === undefined || value === null) && fallback !== undefined) return fallback;
  const allowed = Object.values(values);
  const found =
    typeof value === 'string'
      ? allowed.find((name) => name.toLowerCase() === value.toLowerCase())
      : undefined;
  if (found === undefined) {
    throw new GraphShapeError(
      at(path, key),
      value === undefined ? 'is missing' : `is ${describe(value)}, not one of ${allowed.join(', ')}`,
    );
  }
  return found;
}

export function readObject(json: JsonRecord, key: string, path: string): JsonRecord;
export function readObject(
  json: JsonRecord,
  key: string,
  path: string,
  presence: { readonly optional: true; readonly nullable: true },
): JsonRecord | null | undefined;
export function readObject(
  json: JsonRecord,
  key: string,
  path: string,
  presence: { readonly optional: true; readonly nullable?: false },
): JsonRecord | undefined;
export function readObject(
  json: JsonRecord,
  key: string,
  path: string,
  presence: Presence = {},
): JsonRecord | null | undefined {
  const value = json[key];
  if (value === undefined && presence.optional) return undefined;
  if (value === null && presence.nullable) return null;
  // An optional object Graph sends as null where it has nothing (location on some answers) reads as absent.
  if (value === null && presence.optional) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new GraphShapeError(
      at(path, key),
      value === undefined ? 'is missing' : `is not an object: ${describe(value)}`,
    );
  }
  return value as JsonRecord;
}

export function readArray(json: JsonRecord, key: string, path: string): readonly unknown[];
export function readArray(
  json: JsonRecord,
  key: string,
  path: string,
  presence: { readonly optional: true },
): readonly unknown[] | undefined;
export function readArray(
  json: JsonRecord,
  key: string,
  path: string,
  presence: Presence = {},
): readonly unknown[] | undefined {
  const value = json[key];
  if ((value === undefined || value === null) && presence.optional) return undefined;
  if (!Array.isArray(value)) {
    throw new GraphShapeError(
      at(path, key),
      value === undefined ? 'is missing' : `is not a list: ${describe(value)}`,
    );
  }
  return value as readonly unknown[];
}
