/** JSON values as Graph sends and receives them, and the small readers the input validators share. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | JsonObject;
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value of `key` in `object`, found case-insensitively (Graph reads property names that way). */
export function readKey(object: JsonObject, key: string): JsonValue | undefined {
  if (key in object) return object[key];
  const lower = key.toLowerCase();
  for (const [name, value] of Object.entries(object)) if (name.toLowerCase() === lower) return value;
  return undefined;
}
