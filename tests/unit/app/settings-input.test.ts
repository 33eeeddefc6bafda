import { describe, expect, it } from 'vitest';
import { titleKeyFor } from '../../../src/app/page-title-key';
import { parseUpcomingCount } from '../../../src/pages/settings/upcoming-count';

describe('parseUpcomingCount', () => {
  it('accepts whole numbers from 1 to 50', () => {
    expect(parseUpcomingCount('1')).toBe(1);
    expect(parseUpcomingCount(' 50 ')).toBe(50);
    expect(parseUpcomingCount('07')).toBe(7);
  });

  it('rejects anything else', () => {
    for (const text of ['0', '51', '', '3.5', '-2', 'ten', '1e1'])
      expect(parseUpcomingCount(text), text).toBeNull();
  });
});

describe('titleKeyFor', () => {
  it('names the section of a path', () => {
    expect(titleKeyFor('/')).toBe('dashboard');
    expect(titleKeyFor('/agenda/week/2026-11-26')).toBe('agenda');
    expect(titleKeyFor('/settings')).toBe('settings');
    expect(titleKeyFor('/nowhere')).toBe('notFoundTitle');
  });
});
