/**
 * A calendar fed by an iCalendar URL (webcal: or https:), refreshed on a schedule. Stored on the
 * calendar row itself (not indexed, so no schema change): the calendar is read-only and belongs to the
 * local account; its events are replaced by UID at each refresh (src/core/subscriptions/).
 */
export interface CalendarSubscription {
  /** The feed, always https: or http: (a webcal: link is stored as https:). */
  readonly url: string;
  /** Validators of the last full answer, sent back as If-None-Match / If-Modified-Since. */
  etag: string | null;
  lastModified: string | null;
  /** Minutes between refreshes (default 60). */
  refreshMinutes: number;
  /** When the feed was last asked (epoch ms), whatever the answer; 0 before the first time. */
  lastCheckedAt: number;
  /** The last refresh's failure in plain words, null after a success (200 or 304). */
  lastError: string | null;
}

export const DEFAULT_REFRESH_MINUTES = 60;
