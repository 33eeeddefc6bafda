import { describe, expect, it } from 'vitest';
import { formatWhen, type WhenFormat } from '../../../src/pages/dashboard/upcoming-when';
import { occurrence } from './occurrence-fixture';

const labels = { allDay: 'All day', allDaySpan: (span: string) => `All day, ${span}` };
const inZurich = (listedOn: string, locale = 'en-GB'): WhenFormat => ({
  timeZone: 'Europe/Zurich',
  locale,
  listedOn,
  labels,
});
// Intl separates ranges with thin or normal spaces depending on the ICU version.
const normalise = (text: string) => text.replace(/[\u2009\u202f\u00a0]/g, ' ');

describe('formatWhen', () => {
  it('shows a time range in the viewer zone', () => {
    const o = occurrence('meeting', '2026-11-26T13:00:00Z', '2026-11-26T14:00:00Z');
    expect(formatWhen(o, inZurich('2026-11-26'))).toBe('14:00 – 15:00');
  });

  it('follows the locale clock', () => {
    const o = occurrence('meeting', '2026-11-26T13:00:00Z', '2026-11-26T14:30:00Z');
    expect(normalise(formatWhen(o, inZurich('2026-11-26', 'en-US')))).toBe('2:00 PM – 3:30 PM');
    expect(formatWhen(o, inZurich('2026-11-26', 'fr-FR'))).toBe('14:00 – 15:30');
  });

  it('treats an end at midnight as the same day', () => {
    const o = occurrence('late', '2026-11-26T22:00:00+01:00', '2026-11-27T00:00:00+01:00');
    expect(formatWhen(o, inZurich('2026-11-26'))).toBe('22:00 – 00:00');
  });

  it('gives the end date when it ends on another day', () => {
    const o = occurrence('night', '2026-11-26T22:00:00+01:00', '2026-11-27T06:00:00+01:00');
    expect(formatWhen(o, inZurich('2026-11-26'))).toBe('22:00 – 27 Nov, 06:00');
  });

  it('gives the start date when listed under a later day (in progress since yesterday)', () => {
    const o = occurrence('night', '2026-11-26T22:00:00+01:00', '2026-11-27T06:00:00+01:00');
    expect(formatWhen(o, inZurich('2026-11-27'))).toBe('26 Nov, 22:00 – 27 Nov, 06:00');
  });

  it('shows "All day" for a one-day all-day event', () => {
    const o = occurrence('birthday', '2026-11-26T00:00:00+01:00', '2026-11-27T00:00:00+01:00', {
      allDay: true,
    });
    expect(formatWhen(o, inZurich('2026-11-26'))).toBe('All day');
  });

  it('shows the span of a multi-day all-day event (end exclusive)', () => {
    const o = occurrence('trip', '2026-11-26T00:00:00+01:00', '2026-11-29T00:00:00+01:00', { allDay: true });
    expect(normalise(formatWhen(o, inZurich('2026-11-26')))).toMatch(/^All day, 26 ?– ?28 Nov$/);
  });

  it('spans months and a DST change for all-day events', () => {
    const o = occurrence('holiday', '2026-10-24T00:00:00+02:00', '2026-11-02T00:00:00+01:00', {
      allDay: true,
    });
    expect(normalise(formatWhen(o, inZurich('2026-10-24')))).toMatch(/^All day, 24 Oct ?– ?1 Nov$/);
  });

  it('shows a single time for an instant', () => {
    const o = occurrence('reminder', '2026-11-26T08:15:00Z', '2026-11-26T08:15:00Z');
    expect(formatWhen(o, inZurich('2026-11-26'))).toBe('09:15');
  });
});
