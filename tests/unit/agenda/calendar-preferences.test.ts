import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/settings';
import {
  agendaPreferences,
  preferenceOptions,
  secondZoneFormatter,
  slotLabelFormatter,
} from '../../../src/pages/agenda/calendar-preferences';

/** FullCalendar's wall clock in the calendar's zone, as its slot-label formatter receives it. */
const slot = (hour: number, minute: number) => ({ date: { hour, minute } }) as never;

describe('agendaPreferences', () => {
  it("takes the language's first day and clock when the settings say so", () => {
    expect(agendaPreferences(DEFAULT_SETTINGS, 'en-US')).toMatchObject({ firstDay: 0, hour12: true });
    expect(agendaPreferences(DEFAULT_SETTINGS, 'fr-FR')).toMatchObject({ firstDay: 1, hour12: false });
  });

  it('applies the first day, clock, week numbers and second zone chosen', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      weekStart: 'saturday',
      clock: 'h24',
      weekNumbers: true,
      secondTimeZone: 'Asia/Tokyo',
    } as const;
    expect(agendaPreferences(settings, 'en-US')).toEqual({
      firstDay: 6,
      hour12: false,
      weekNumbers: true,
      secondTimeZone: 'Asia/Tokyo',
      timeLocale: 'en-US',
    });
    expect(agendaPreferences({ ...settings, clock: 'h12' }, 'fr-FR').hour12).toBe(true);
  });
});

describe('the time labels', () => {
  it('writes hour labels on the chosen clock', () => {
    expect(slotLabelFormatter(false, 'en-US')(slot(8, 0))).toBe('08:00');
    expect(slotLabelFormatter(false, 'en-US')(slot(14, 30))).toBe('14:30');
    expect(slotLabelFormatter(true, 'en-GB')(slot(14, 30))).toMatch(/^2:30\s?pm$/i);
  });

  it("gives the second zone's time of an instant", () => {
    const nineInParis = new Date(Date.UTC(2026, 0, 5, 8, 0));
    expect(secondZoneFormatter('America/New_York', false, 'en-GB')(nineInParis)).toBe('03:00');
    expect(secondZoneFormatter('Asia/Tokyo', true, 'en-US')(nineInParis)).toMatch(/^5:00\s?PM$/);
  });

  it('sets week numbers, the first day and a 12-hour event time for FullCalendar', () => {
    const options = preferenceOptions(
      { firstDay: 0, hour12: true, weekNumbers: true, secondTimeZone: null, timeLocale: 'en-US' },
      'Europe/Paris',
    );
    expect(options).toMatchObject({
      firstDay: 0,
      weekNumbers: true,
      eventTimeFormat: { hour: 'numeric', minute: '2-digit', hour12: true },
    });
    const plain = preferenceOptions(
      { firstDay: 1, hour12: false, weekNumbers: false, secondTimeZone: null, timeLocale: 'fr-FR' },
      'Europe/Paris',
    );
    expect(plain.eventTimeFormat).toEqual({ hour: '2-digit', minute: '2-digit', hour12: false });
  });
});
