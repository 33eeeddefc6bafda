import { afterEach, describe, expect, it } from 'vitest';
import { formatClock, uses12HourClock } from '../../../../src/lib/format-time';
import { intlLocale, setClockSetting, setLocale } from '../../../../src/lib/i18n/locale';

const halfPastThree = Date.UTC(2026, 0, 5, 15, 30);

describe('the 12 / 24-hour setting', () => {
  afterEach(() => {
    setClockSetting('auto');
    setLocale('en');
  });

  it("leaves the language's own clock when automatic", () => {
    setLocale('fr');
    expect(intlLocale()).toBe('fr');
    expect(formatClock(halfPastThree, intlLocale(), 'UTC')).toBe('15:30');
  });

  it('carries the chosen clock to every formatter made with intlLocale()', () => {
    setLocale('fr');
    setClockSetting('h12');
    expect(uses12HourClock(intlLocale())).toBe(true);
    expect(formatClock(halfPastThree, intlLocale(), 'UTC')).toMatch(/^3:30\s?PM$/i);
    setLocale('en');
    setClockSetting('h24');
    expect(uses12HourClock(intlLocale())).toBe(false);
    expect(formatClock(halfPastThree, intlLocale(), 'America/New_York')).toBe('10:30');
  });
});
