import { describe, expect, it } from 'vitest';
import {
  defaultNewDraft,
  draftFromNewParam,
  draftFromSelection,
  nextFullHour,
} from '../../../src/pages/agenda/selection-draft';

const zone = 'Europe/Zurich';
const tenTwenty = Date.UTC(2026, 2, 10, 9, 20); // 10:20 in Zurich

describe('new event defaults', () => {
  it('starts at the next full hour and lasts one hour', () => {
    expect(nextFullHour(tenTwenty, zone)).toBe('2026-03-10T11:00');
    expect(nextFullHour(Date.UTC(2026, 2, 10, 9, 0), zone)).toBe('2026-03-10T11:00');
    expect(defaultNewDraft(Date.UTC(2026, 2, 10, 22, 30), zone).timing).toEqual({
      allDay: false,
      start: '2026-03-11T00:00',
      end: '2026-03-11T01:00',
      timeZone: zone,
    });
  });

  it('uses the shown day when it is not today', () => {
    expect(defaultNewDraft(tenTwenty, zone, '2026-04-02').timing).toMatchObject({
      start: '2026-04-02T11:00',
      end: '2026-04-02T12:00',
    });
    expect(defaultNewDraft(tenTwenty, zone, '2026-03-10').timing).toMatchObject({
      start: '2026-03-10T11:00',
    });
  });
});

describe('draftFromSelection', () => {
  it('turns a timed range into wall-clock times in the viewer zone', () => {
    const draft = draftFromSelection(
      { startStr: '2026-03-10T14:30:00+01:00', endStr: '2026-03-10T16:00:00+01:00', allDay: false },
      zone,
    );
    expect(draft).toEqual({
      title: '',
      location: '',
      description: '',
      timing: { allDay: false, start: '2026-03-10T14:30', end: '2026-03-10T16:00', timeZone: zone },
      repeat: null,
    });
  });

  it('turns an all-day range (end exclusive) into inclusive dates', () => {
    expect(
      draftFromSelection({ startStr: '2026-03-10', endStr: '2026-03-13', allDay: true }, zone).timing,
    ).toEqual({
      allDay: true,
      startDate: '2026-03-10',
      endDate: '2026-03-12',
    });
    expect(
      draftFromSelection({ startStr: '2026-03-10', endStr: '2026-03-11', allDay: true }, zone).timing,
    ).toEqual({
      allDay: true,
      startDate: '2026-03-10',
      endDate: '2026-03-10',
    });
  });
});

describe('draftFromNewParam', () => {
  it('reads ?new=1, a date-time, a date, and falls back on nonsense', () => {
    expect(draftFromNewParam('1', tenTwenty, zone).timing).toMatchObject({ start: '2026-03-10T11:00' });
    expect(draftFromNewParam('2026-05-01T08:15', tenTwenty, zone).timing).toEqual({
      allDay: false,
      start: '2026-05-01T08:15',
      end: '2026-05-01T09:15',
      timeZone: zone,
    });
    expect(draftFromNewParam('2026-05-01', tenTwenty, zone).timing).toEqual({
      allDay: true,
      startDate: '2026-05-01',
      endDate: '2026-05-01',
    });
    expect(draftFromNewParam('2026-02-30T10:00', tenTwenty, zone).timing).toMatchObject({
      start: '2026-03-10T11:00',
    });
  });
});

describe('the default duration from Settings', () => {
  it('gives a new event that length', () => {
    expect(defaultNewDraft(tenTwenty, zone, undefined, 45).timing).toMatchObject({
      start: '2026-03-10T11:00',
      end: '2026-03-10T11:45',
    });
    expect(draftFromNewParam('2026-05-01T08:15', tenTwenty, zone, 120).timing).toMatchObject({
      start: '2026-05-01T08:15',
      end: '2026-05-01T10:15',
    });
    expect(draftFromNewParam('1', tenTwenty, zone, 15).timing).toMatchObject({
      start: '2026-03-10T11:00',
      end: '2026-03-10T11:15',
    });
  });

  it('applies to a click on one slot, not to a longer range the user dragged', () => {
    const click = {
      startStr: '2026-03-10T14:30:00+01:00',
      endStr: '2026-03-10T15:00:00+01:00',
      allDay: false,
    };
    expect(draftFromSelection(click, zone, 90).timing).toMatchObject({
      start: '2026-03-10T14:30',
      end: '2026-03-10T16:00',
    });
    const dragged = { ...click, endStr: '2026-03-10T15:30:00+01:00' };
    expect(draftFromSelection(dragged, zone, 90).timing).toMatchObject({ end: '2026-03-10T15:30' });
  });
});
