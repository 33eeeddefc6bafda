/**
 * The installed app's icon badge: how many of today's events (visible calendars) have not ended yet,
 * where the browser supports it (`navigator.setAppBadge`: installed apps in Chromium, Safari on
 * macOS). Follows the data live and the clock every few minutes; cleared when none remain.
 */
import { liveQuery } from 'dexie';
import { visibleCalendarIds } from '../../core/calendars/calendar-repo';
import { utcToWallClock, wallClockToUtc } from '../../core/ical/intl-zone';
import { addDays, startOfDay } from '../../core/ical/wall-clock';
import type { OccurrenceRecord } from '../../core/model/occurrence';
import { occurrencesInRange } from '../../core/occurrences/queries';
import { db, viewerZone } from '../db';

const REFRESH_MS = 5 * 60_000;

/** The end of the viewer's day containing `now` (the next midnight in `zone`). */
export function endOfDay(now: number, zone: string): number {
  return wallClockToUtc(zone, addDays(startOfDay(utcToWallClock(zone, now)), 1));
}

/** Today's instances that have not ended: the badge count. */
export function remainingToday(occurrences: readonly Pick<OccurrenceRecord, 'end'>[], now: number): number {
  return occurrences.filter((occurrence) => occurrence.end > now).length;
}

interface BadgeNavigator {
  setAppBadge(count?: number): Promise<void>;
  clearAppBadge(): Promise<void>;
}

function badgeApi(): BadgeNavigator | null {
  return 'setAppBadge' in navigator && 'clearAppBadge' in navigator ? navigator : null;
}

async function countNow(): Promise<number> {
  const now = Date.now();
  const to = endOfDay(now, viewerZone());
  const occurrences = await occurrencesInRange(db, {
    from: now,
    to,
    calendarIds: await visibleCalendarIds(db),
  });
  return remainingToday(occurrences, now);
}

/** Starts keeping the badge; a no-op where the browser has no badge. Returns the stop function. */
export function startAppBadge(): () => void {
  const api = badgeApi();
  if (!api) return () => undefined;
  const show = (count: number): void => {
    void (count > 0 ? api.setAppBadge(count) : api.clearAppBadge()).catch(() => undefined);
  };
  let subscription = liveQuery(countNow).subscribe({ next: show, error: () => undefined });
  // Events end and days turn without any write: re-subscribe now and then for a fresh "now".
  const timer = setInterval(() => {
    subscription.unsubscribe();
    subscription = liveQuery(countNow).subscribe({ next: show, error: () => undefined });
  }, REFRESH_MS);
  return () => {
    clearInterval(timer);
    subscription.unsubscribe();
  };
}
