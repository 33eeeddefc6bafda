import type { ClockSetting } from '../../core/settings/settings';

/** A fixed afternoon time (15:30 UTC, shown as UTC) to show what each clock setting looks like. */
const EXAMPLE_TIME = Date.UTC(2026, 0, 5, 15, 30);

/** "15:30" or "3:30 PM": the example time on the clock `setting` gives in `locale`. */
export function clockExample(locale: string, setting: ClockSetting): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    hour: 'numeric',
    minute: '2-digit',
    ...(setting === 'auto' ? {} : { hourCycle: setting === 'h12' ? 'h12' : 'h23' }),
  }).format(EXAMPLE_TIME);
}

/** A weekday's name (0 = Sunday) in `locale`: "Monday", "lundi". */
export function weekdayName(day: number, locale: string): string {
  // 4 January 2026 was a Sunday.
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long' }).format(
    Date.UTC(2026, 0, 4 + day, 12),
  );
}
