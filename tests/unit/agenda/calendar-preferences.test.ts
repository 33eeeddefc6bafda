import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';
import {
  agendaPreferences,
  preferenceOptions,
  secondZoneFormatter,
  slotLabelFormatter,
  zoneShift,
} from '../../../src/pages/agenda/calendar-preferences';

/** FullCalendar's wall clock in the calendar's zone, as its slot-label formatter receives it. */
const slot = (hour: number, minute: number) => ({ date: { hour, minute } }) as never;

const zurich = { timeZone: 'Europe/Zurich', from: Date.UTC(2026, 2, 8, 23), to: Date.UTC(2026, 2, 15, 23) };

describe('agendaPreferences', () => {
  it("takes the language's first day and clock when the settings say so", () => {
    expect(agendaPreferences(DEFAULT_SETTINGS, 'en-US', zurich)).toMatchObject({
      firstDay: 0,
      hour12: true,
      secondZoneShift: 0,
    });
    expect(agendaPreferences(DEFAULT_SETTINGS, 'fr-FR', zurich)).toMatchObject({
      firstDay: 1,
      hour12: false,
    });
  });

  it('applies the first day, clock, week numbers and second zone chosen', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      weekStart: 'saturday',
      clock: 'h24',
      weekNumbers: true,
      secondTimeZone: 'Asia/Tokyo',
    } as const;
    expect(agendaPreferences(settings, 'en-US', zurich)).toEqual({
      firstDay: 6,
      hour12: false,
      weekNumbers: true,
      secondTimeZone: 'Asia/Tokyo',
      secondZoneShift: 8 * 60,
      timeLocale: 'en-US',
    });
    expect(agendaPreferences({ ...settings, clock: 'h12' }, 'fr-FR', zurich).hour12).toBe(true);
  });
});

describe('the time labels', () => {
  it('writes hour labels on the chosen clock', () => {
    expect(slotLabelFormatter(false, 'en-US')(slot(8, 0))).toBe('08:00');
    expect(slotLabelFormatter(false, 'en-US')(slot(14, 30))).toBe('14:30');
    expect(slotLabelFormatter(true, 'en-GB')(slot(14, 30))).toMatch(/^2:30\s?pm$/i);
  });

  it("reads the second zone's difference on the first day shown, DST included", () => {
    // New York moves to summer time on 8 March 2026, Zurich on 29 March.
    expect(zoneShift('Europe/Zurich', 'America/New_York', Date.UTC(2026, 2, 1))).toBe(-6 * 60);
    expect(zoneShift('Europe/Zurich', 'America/New_York', Date.UTC(2026, 2, 9))).toBe(-5 * 60);
    expect(zoneShift('Europe/Zurich', 'Asia/Kolkata', Date.UTC(2026, 6, 1))).toBe(3 * 60 + 30);
  });

  it("writes the second zone's time of a slot, across midnight and on the chosen clock", () => {
    expect(secondZoneFormatter(-5 * 60, false, 'en-GB')(14 * 60)).toBe('09:00');
    expect(secondZoneFormatter(-5 * 60, false, 'en-GB')(2 * 60)).toBe('21:00');
    expect(secondZoneFormatter(8 * 60, true, 'en-US')(21 * 60 + 30)).toMatch(/^5:30\s?AM$/);
  });

  it('sets week numbers, the first day and a 12-hour event time for FullCalendar', () => {
    const options = preferenceOptions(
      {
        firstDay: 0,
        hour12: true,
        weekNumbers: true,
        secondTimeZone: null,
        secondZoneShift: 0,
        timeLocale: 'en-US',
      },
      'Europe/Paris',
    );
    expect(options).toMatchObject({
      firstDay: 0,
      weekNumbers: true,
      eventTimeFormat: { hour: 'numeric', minute: '2-digit', hour12: true },
    });
    const plain = preferenceOptions(
      {
        firstDay: 1,
        hour12: false,
        weekNumbers: false,
        secondTimeZone: null,
        secondZoneShift: 0,
        timeLocale: 'fr-FR',
      },
      'Europe/Paris',
    );
    expect(plain.eventTimeFormat).toEqual({ hour: '2-digit', minute: '2-digit', hour12: false });
  });
});
