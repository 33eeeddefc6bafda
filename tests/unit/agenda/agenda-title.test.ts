import { describe, expect, it } from 'vitest';
import { agendaTitle } from '../../../src/pages/agenda/agenda-title';

describe('the agenda title, from the URL', () => {
  it('names the month, the day, and the week from the locale’s first day', () => {
    expect(agendaTitle('month', '2026-03-15', 'en-GB', 1)).toBe('March 2026');
    expect(agendaTitle('day', '2026-11-24', 'en-GB', 1)).toBe('24 November 2026');
    // Wednesday 8 July 2026: Monday 6 to Sunday 12, or Sunday 5 to Saturday 11.
    expect(agendaTitle('week', '2026-07-08', 'en-GB', 1)).toMatch(/^6\s?–\s?12 Jul 2026$/);
    expect(agendaTitle('list', '2026-07-08', 'en-US', 0)).toMatch(/^Jul 5\s?–\s?11, 2026$/);
  });

  it('spans months and speaks French', () => {
    expect(agendaTitle('week', '2026-03-01', 'en-GB', 1)).toMatch(/^23 Feb\s?–\s?1 Mar 2026$/);
    expect(agendaTitle('month', '2026-03-15', 'fr-FR', 1)).toBe('mars 2026');
  });
});
