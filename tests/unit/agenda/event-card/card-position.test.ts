import { describe, expect, it } from 'vitest';
import { cardPosition } from '../../../../src/pages/agenda/event-card/card-position';

const viewport = { width: 1280, height: 800 };
const card = { width: 384, height: 420 };

describe('cardPosition', () => {
  it('puts the card after the event, level with it, when it fits', () => {
    expect(cardPosition({ left: 300, top: 200, width: 150, height: 60 }, card, viewport)).toEqual({
      left: 458,
      top: 200,
    });
  });

  it('puts it before an event near the far edge, and keeps it inside the window', () => {
    expect(cardPosition({ left: 1100, top: 600, width: 150, height: 60 }, card, viewport)).toEqual({
      left: 708,
      top: 372,
    });
  });

  it('centres it over an event too wide for either side (a month view’s long bar)', () => {
    expect(cardPosition({ left: 20, top: 100, width: 1240, height: 24 }, card, viewport)).toEqual({
      left: 448,
      top: 100,
    });
  });

  it('mirrors in a right-to-left page', () => {
    expect(cardPosition({ left: 600, top: 100, width: 150, height: 60 }, card, viewport, true)).toEqual({
      left: 208,
      top: 100,
    });
  });
});
