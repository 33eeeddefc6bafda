/**
 * The details card's words (src/pages/agenda/event-card/event-card-model.ts), in English and French:
 * when (on the locale's clock, or the 12 / 24-hour one chosen in Settings), the event's own zone only where its clock differs,
 * repeat rules, reminders and guests with their answers.
 */
import { describe, expect, it } from 'vitest';
import { eventDetailsFromIcs, type EventDetails } from '../../../../src/core/events/event-details';
import type { Params } from '../../../../src/lib/i18n/locale';
import {
  eventCardMessages,
  type EventCardMessageKey,
} from '../../../../src/pages/agenda/event-card/event-card-messages';
import {
  eventZoneText,
  guestCountText,
  guestLines,
  reminderText,
  repeatText,
  whenText,
  type CardFormat,
} from '../../../../src/pages/agenda/event-card/event-card-model';
import { at, fixture } from '../../ical/fixture';

function translate(language: 'en' | 'fr') {
  return (key: EventCardMessageKey, params?: Params): string =>
    eventCardMessages[language][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      String(params?.[name] ?? whole),
    );
}

/** English; `clock` as Settings' 12 / 24 h choice reaches formatters, an hour cycle in the locale. */
const en = (viewerZone: string, clock = ''): CardFormat => ({
  t: translate('en'),
  locale: `en-GB${clock}`,
  viewerZone,
});
const fr = (viewerZone: string): CardFormat => ({ t: translate('fr'), locale: 'fr-FR', viewerZone });

const SERIES = fixture('details-new-york-series-guests-reminders-links.ics');
const inZurich = eventDetailsFromIcs(SERIES, '20261203T140000Z', 'Europe/Zurich');
const inNewYork = eventDetailsFromIcs(SERIES, '20261203T140000Z', 'America/New_York');
const allDay = eventDetailsFromIcs(fixture('all-day-multi-day.ics'), null, 'Europe/Zurich');

/** Intl separates ranges with thin and narrow no-break spaces; compare with plain ones. */
const plain = (text: string | null): string | null => text?.replace(/[\u2009\u202f\u00a0]/g, ' ') ?? null;

describe('whenText', () => {
  it('writes the range in the viewer’s zone, on the locale’s clock or the one chosen', () => {
    // Intl's punctuation varies between ICU versions (Node's, Chromium's): the parts are what count.
    expect(plain(whenText(inZurich, en('Europe/Zurich')))).toMatch(
      /^Thursday,? 3 December 2026,? 15:00\s?–\s?16:30$/,
    );
    expect(plain(whenText(inZurich, en('Europe/Zurich', '-u-hc-h12')))).toMatch(
      /^Thursday,? 3 December 2026,? 3:00\s?–\s?4:30\s?pm$/i,
    );
    expect(plain(whenText(inZurich, fr('Europe/Zurich')))).toMatch(
      /^jeudi 3 décembre 2026,? 15:00\s?–\s?16:30$/,
    );
  });

  it('gives an all-day event its dates and says so', () => {
    expect(allDay.draft.timing.allDay).toBe(true);
    const text = plain(whenText(allDay, en('Europe/Zurich'))) ?? '';
    expect(text.endsWith(' · All day')).toBe(true);
    expect(plain(whenText(allDay, fr('Europe/Zurich')))?.endsWith(' · Toute la journée')).toBe(true);
  });
});

describe('eventZoneText', () => {
  it('shows the event’s own zone when its clock differs from the viewer’s', () => {
    expect(plain(eventZoneText(inZurich, en('Europe/Zurich')))).toMatch(
      /^Thu,? 3 Dec,? 09:00\s?–\s?10:30 (New York|Eastern) Time$/,
    );
    expect(plain(eventZoneText(inZurich, fr('Europe/Zurich')))).toContain('09:00 – 10:30');
  });

  it('says nothing when the viewer is in that zone, or one with the same clock then', () => {
    expect(eventZoneText(inNewYork, en('America/New_York'))).toBeNull();
    const toronto = eventDetailsFromIcs(SERIES, '20261203T140000Z', 'America/Toronto');
    expect(eventZoneText(toronto, en('America/Toronto'))).toBeNull();
    expect(eventZoneText(allDay, en('America/New_York'))).toBeNull();
  });
});

describe('repeatText', () => {
  const withRepeat = (repeat: EventDetails['draft']['repeat']): EventDetails => ({
    ...inZurich,
    draft: { ...inZurich.draft, repeat },
  });

  it('says the rule, its days and its end', () => {
    expect(repeatText(inZurich, true, en('Europe/Zurich'))).toBe('Every 2 weeks (Thursday), 6 times');
    expect(repeatText(inZurich, true, fr('Europe/Zurich'))).toBe('Toutes les 2 semaines (jeudi), 6 fois');
    const weekly = withRepeat({
      frequency: 'weekly',
      interval: 1,
      byDay: ['MO', 'WE'],
      end: { kind: 'until', date: '2026-12-31' },
    });
    expect(repeatText(weekly, true, en('Europe/Zurich'))).toBe(
      'Every week (Monday and Wednesday), until 31 December 2026',
    );
    expect(repeatText(weekly, true, fr('Europe/Zurich'))).toBe(
      'Toutes les semaines (lundi et mercredi), jusqu’au 31 décembre 2026',
    );
    const once = withRepeat({ frequency: 'daily', interval: 1, byDay: [], end: { kind: 'count', count: 1 } });
    expect(repeatText(once, true, en('Europe/Zurich'))).toBe('Every day, once');
    expect(repeatText(once, true, fr('Europe/Zurich'))).toBe('Tous les jours, une fois');
  });

  it('is null for a single event and names a rule it cannot show', () => {
    expect(repeatText(withRepeat(null), false, en('Europe/Zurich'))).toBeNull();
    expect(repeatText(withRepeat(null), true, en('Europe/Zurich'))).toBe('Custom repeat');
  });
});

describe('reminderText', () => {
  it('says each reminder in the largest whole unit, relative to start or end, or at its time', () => {
    const words = inZurich.reminders.map((trigger) => reminderText(trigger, en('Europe/Zurich')));
    expect(words.map(plain)).toEqual([
      '15 minutes before',
      '1 day before',
      '10 minutes before the end',
      expect.stringMatching(/^On Wed,? 2 Dec,? 17:00$/),
    ]);
    const french = inZurich.reminders.map((trigger) => reminderText(trigger, fr('Europe/Zurich')));
    expect(french.slice(0, 3).map(plain)).toEqual([
      '15 minutes avant',
      '1 jour avant',
      '10 minutes avant la fin',
    ]);
    expect(reminderText({ kind: 'relative', related: 'start', offsetMs: 0 }, en('UTC'))).toBe('At the start');
    expect(reminderText({ kind: 'relative', related: 'end', offsetMs: 0 }, fr('UTC'))).toBe('À la fin');
    expect(reminderText({ kind: 'relative', related: 'start', offsetMs: 2 * 3_600_000 }, en('UTC'))).toBe(
      '2 hours after the start',
    );
    expect(reminderText({ kind: 'relative', related: 'start', offsetMs: -90 * 60_000 }, en('UTC'))).toBe(
      '90 minutes before',
    );
    expect(at('2026-12-02T16:00:00Z')).toBe(
      inZurich.reminders[3]?.kind === 'absolute' ? inZurich.reminders[3].at : 0,
    );
  });
});

describe('guestLines', () => {
  it('gives each guest a name, the address when it adds something, their answer and the organizer mark', () => {
    const lines = guestLines(inZurich.guests, translate('en'));
    expect(lines.map((line) => [line.name, line.email, line.answerText, line.notes])).toEqual([
      ['Ana Silva', 'ana@example.com', 'Yes', ['Organizer']],
      ['Ben Okafor', 'ben@example.com', 'No', []],
      ['Chloé Martin', 'chloe@example.com', 'Maybe', ['optional']],
      ['dan@example.com', null, 'Awaiting reply', []],
      ['Eve', 'eve@example.com', 'Awaiting reply', []],
    ]);
    expect(guestLines(inZurich.guests, translate('fr')).map((line) => line.answerText)).toEqual([
      'Oui',
      'Non',
      'Peut-être',
      'En attente de réponse',
      'En attente de réponse',
    ]);
  });

  it('counts guests by the language’s plural rule (French 0 and 1 are singular)', () => {
    expect(guestCountText(1, en('UTC'))).toBe('1 guest');
    expect(guestCountText(5, en('UTC'))).toBe('5 guests');
    expect(guestCountText(1, fr('UTC'))).toBe('1 invité');
    expect(guestCountText(2, fr('UTC'))).toBe('2 invités');
  });
});
