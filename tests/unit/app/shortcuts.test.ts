import { describe, expect, it } from 'vitest';
import { agendaLocation, shortcutForKey, shortcutOutcome } from '../../../src/app/shortcuts';

const key = (
  k: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('shortcutForKey', () => {
  it('maps the documented keys', () => {
    expect(
      ['t', 'n', 'm', 'w', 'd', 'l', 'ArrowLeft', 'ArrowRight'].map((k) => shortcutForKey(key(k))),
    ).toEqual(['today', 'new-event', 'month', 'week', 'day', 'list', 'previous', 'next']);
    expect(shortcutForKey(key('?', { shiftKey: true }))).toBe('help');
    expect(shortcutForKey(key('?'))).toBe('help');
  });

  it('accepts Caps Lock letters but not Shift, Ctrl, Meta or Alt combinations', () => {
    expect(shortcutForKey(key('T'))).toBe('today');
    expect(shortcutForKey(key('T', { shiftKey: true }))).toBeNull();
    expect(shortcutForKey(key('t', { ctrlKey: true }))).toBeNull();
    expect(shortcutForKey(key('n', { metaKey: true }))).toBeNull();
    expect(shortcutForKey(key('ArrowLeft', { altKey: true }))).toBeNull();
  });

  it('ignores other keys', () => {
    expect(shortcutForKey(key('x'))).toBeNull();
    expect(shortcutForKey(key('Enter'))).toBeNull();
    expect(shortcutForKey(key('ArrowUp'))).toBeNull();
  });
});

describe('agendaLocation', () => {
  it('reads the view and date of an agenda path', () => {
    expect(agendaLocation('/agenda/month/2026-11-26')).toEqual({ view: 'month', date: '2026-11-26' });
    expect(agendaLocation('/agenda/day/2026-02-30')).toBeNull();
    expect(agendaLocation('/agenda/year/2026-11-26')).toBeNull();
    expect(agendaLocation('/settings')).toBeNull();
  });
});

describe('shortcutOutcome', () => {
  const today = '2026-11-24';

  it('acts on the current agenda view and date', () => {
    const at = '/agenda/week/2026-11-26';
    expect(shortcutOutcome('today', at, today)).toEqual({
      kind: 'navigate',
      path: '/agenda/week/2026-11-24',
    });
    expect(shortcutOutcome('month', at, today)).toEqual({
      kind: 'navigate',
      path: '/agenda/month/2026-11-26',
    });
    expect(shortcutOutcome('next', at, today)).toEqual({ kind: 'navigate', path: '/agenda/week/2026-12-03' });
    expect(shortcutOutcome('previous', '/agenda/month/2026-03-31', today)).toEqual({
      kind: 'navigate',
      path: '/agenda/month/2026-02-28',
    });
    expect(shortcutOutcome('next', '/agenda/day/2026-12-31', today)).toEqual({
      kind: 'navigate',
      path: '/agenda/day/2027-01-01',
    });
    expect(shortcutOutcome('new-event', '/agenda/day/2026-11-26', today)).toEqual({
      kind: 'navigate',
      path: '/agenda/day/2026-11-26?new=1',
    });
  });

  it('opens the agenda at today from the dashboard and settings', () => {
    expect(shortcutOutcome('today', '/', today)).toEqual({
      kind: 'navigate',
      path: '/agenda/week/2026-11-24',
    });
    expect(shortcutOutcome('list', '/', today)).toEqual({
      kind: 'navigate',
      path: '/agenda/list/2026-11-24',
    });
    expect(shortcutOutcome('day', '/settings', today)).toEqual({
      kind: 'navigate',
      path: '/agenda/day/2026-11-24',
    });
    expect(shortcutOutcome('new-event', '/', today)).toEqual({
      kind: 'navigate',
      path: '/agenda/week/2026-11-24?new=1',
    });
  });

  it('does nothing with the arrows outside the agenda, and opens help anywhere', () => {
    expect(shortcutOutcome('next', '/', today)).toEqual({ kind: 'none' });
    expect(shortcutOutcome('previous', '/settings', today)).toEqual({ kind: 'none' });
    expect(shortcutOutcome('help', '/', today)).toEqual({ kind: 'help' });
  });
});
