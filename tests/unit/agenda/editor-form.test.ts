import { describe, expect, it } from 'vitest';
import type { EventDraft } from '../../../src/core/ical/event-draft';
import {
  draftToForm,
  formToDraft,
  toggleWeekday,
  withRepeat,
  withStart,
} from '../../../src/pages/agenda/editor-form';
import { parseOccurrenceId } from '../../../src/pages/agenda/occurrence-ref';
import { draftErrorMessage } from '../../../src/pages/agenda/editor-errors';

const weekly: EventDraft = {
  title: 'Choir',
  location: 'Hall',
  description: 'Bring scores',
  timing: { allDay: false, start: '2026-03-10T19:30', end: '2026-03-10T21:00', timeZone: 'America/New_York' },
  repeat: { frequency: 'weekly', interval: 2, byDay: ['TU', 'TH'], end: { kind: 'count', count: 8 } },
  reminder: 15,
};

describe('editor form ↔ draft', () => {
  it('round-trips a timed weekly draft', () => {
    const form = draftToForm(weekly, 'cal', 'Europe/Zurich');
    expect(form).toMatchObject({
      startDate: '2026-03-10',
      startTime: '19:30',
      endDate: '2026-03-10',
      endTime: '21:00',
      timeZone: 'America/New_York',
      repeat: 'weekly',
      interval: '2',
      ends: 'count',
      count: '8',
      calendarId: 'cal',
    });
    expect(formToDraft(form)).toEqual(weekly);
  });

  it('round-trips an all-day draft ending on a date', () => {
    const allDay: EventDraft = {
      title: 'Holiday',
      location: '',
      description: '',
      timing: { allDay: true, startDate: '2026-08-01', endDate: '2026-08-14' },
      repeat: { frequency: 'yearly', interval: 1, byDay: [], end: { kind: 'until', date: '2030-08-01' } },
      reminder: null,
    };
    const form = draftToForm(allDay, 'cal', 'Europe/Zurich');
    expect(form).toMatchObject({
      allDay: true,
      timeZone: 'Europe/Zurich',
      ends: 'until',
      untilDate: '2030-08-01',
    });
    expect(formToDraft(form)).toEqual(allDay);
  });

  it('keeps half-typed numbers as NaN for validation, trims the title and drops weekdays when not weekly', () => {
    const form = {
      ...draftToForm(weekly, 'cal', 'UTC'),
      title: '  Choir ',
      interval: '',
      repeat: 'daily' as const,
    };
    const draft = formToDraft(form);
    expect(draft.title).toBe('Choir');
    expect(draft.repeat?.interval).toBeNaN();
    expect(draft.repeat?.byDay).toEqual([]);
    expect(formToDraft({ ...form, repeat: 'none' }).repeat).toBeNull();
  });
});

describe('changing the start keeps the duration', () => {
  it('moves a timed end by the same wall-clock minutes, across midnight', () => {
    const form = draftToForm(weekly, 'cal', 'UTC');
    expect(withStart(form, { startTime: '23:00' })).toMatchObject({
      startDate: '2026-03-10',
      startTime: '23:00',
      endDate: '2026-03-11',
      endTime: '00:30',
    });
    expect(withStart(form, { startDate: '2026-04-01' })).toMatchObject({
      endDate: '2026-04-01',
      endTime: '21:00',
    });
  });

  it('moves an all-day end by the same number of days', () => {
    const form = {
      ...draftToForm(weekly, 'cal', 'UTC'),
      allDay: true,
      startDate: '2026-03-10',
      endDate: '2026-03-12',
    };
    expect(withStart(form, { startDate: '2026-03-30' })).toMatchObject({ endDate: '2026-04-01' });
  });

  it('only moves the start when the old span is unreadable', () => {
    const form = { ...draftToForm(weekly, 'cal', 'UTC'), endTime: '' };
    expect(withStart(form, { startTime: '08:00' })).toMatchObject({ startTime: '08:00', endTime: '' });
  });
});

describe('weekly days', () => {
  it("ticks the start's weekday when weekly is chosen and keeps Monday-first order", () => {
    const form = { ...draftToForm({ ...weekly, repeat: null }, 'cal', 'UTC') };
    const picked = withRepeat(form, 'weekly');
    expect(picked.byDay).toEqual(['TU']); // 10 March 2026 is a Tuesday
    expect(toggleWeekday(toggleWeekday(picked, 'MO', true), 'TU', false).byDay).toEqual(['MO']);
    expect(toggleWeekday(picked, 'SU', true).byDay).toEqual(['TU', 'SU']);
  });
});

describe('occurrence ids and messages', () => {
  it('parses ?event= values', () => {
    expect(parseOccurrenceId('abc|single')).toEqual({ eventId: 'abc', recurrenceId: null });
    expect(parseOccurrenceId('abc|20260310T090000Z')).toEqual({
      eventId: 'abc',
      recurrenceId: '20260310T090000Z',
    });
    expect(parseOccurrenceId('abc')).toBeNull();
    expect(parseOccurrenceId('|single')).toBeNull();
  });

  it('maps validation codes to messages', () => {
    expect(draftErrorMessage('end', 'end-before-start')).toBe('errorEndBeforeStart');
    expect(draftErrorMessage('title', 'invalid-date')).toBe('errorTitle');
  });
});
