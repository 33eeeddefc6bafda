import { describe, expect, it } from 'vitest';
import { firstDayFor } from '../../../../src/core/settings/week-start';

describe('firstDayFor', () => {
  it("follows the language's own first day, Monday when the browser does not know it", () => {
    expect(firstDayFor('locale', 0)).toBe(0);
    expect(firstDayFor('locale', 1)).toBe(1);
    expect(firstDayFor('locale', undefined)).toBe(1);
  });

  it('overrides the language with the day chosen', () => {
    expect(firstDayFor('monday', 0)).toBe(1);
    expect(firstDayFor('sunday', 1)).toBe(0);
    expect(firstDayFor('saturday', 1)).toBe(6);
  });
});
