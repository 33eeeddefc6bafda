/** A half-open span of time `[from, to)` in epoch milliseconds. */
export interface TimeRange {
  readonly from: number;
  readonly to: number;
}

export const DAY_MS = 86_400_000;
export const YEAR_MS = 365 * DAY_MS;

export function isTimeRange(value: unknown): value is TimeRange {
  if (typeof value !== 'object' || value === null) return false;
  const { from, to } = value as Record<string, unknown>;
  return typeof from === 'number' && typeof to === 'number' && Number.isFinite(from) && from < to;
}

export function unionRange(a: TimeRange, b: TimeRange): TimeRange {
  return { from: Math.min(a.from, b.from), to: Math.max(a.to, b.to) };
}

export function rangeCovers(outer: TimeRange, inner: TimeRange): boolean {
  return outer.from <= inner.from && outer.to >= inner.to;
}
