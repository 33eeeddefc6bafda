import { UPCOMING_COUNT_MAX, UPCOMING_COUNT_MIN } from '../../core/settings/settings';

/** The typed number of upcoming events, or null unless it is a whole number within 1–50. */
export function parseUpcomingCount(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= UPCOMING_COUNT_MIN && value <= UPCOMING_COUNT_MAX ? value : null;
}
