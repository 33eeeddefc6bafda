export interface Rect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** Space kept between the card and the event, and between the card and the window's edges. */
const GAP = 8;

/**
 * Where the desktop popover goes: beside the event (after it in reading order when it fits, else
 * before it, else over its middle), its top level with the event's, kept inside the viewport.
 */
export function cardPosition(
  anchor: Rect,
  card: { readonly width: number; readonly height: number },
  viewport: { readonly width: number; readonly height: number },
  rtl = false,
): { left: number; top: number } {
  const after = rtl ? anchor.left - GAP - card.width : anchor.left + anchor.width + GAP;
  const before = rtl ? anchor.left + anchor.width + GAP : anchor.left - GAP - card.width;
  const fits = (left: number): boolean => left >= GAP && left + card.width <= viewport.width - GAP;
  const centred = anchor.left + anchor.width / 2 - card.width / 2;
  const left = fits(after) ? after : fits(before) ? before : centred;
  const clamp = (value: number, size: number, room: number): number =>
    Math.max(GAP, Math.min(value, room - size - GAP));
  return {
    left: Math.round(clamp(left, card.width, viewport.width)),
    top: Math.round(clamp(anchor.top, card.height, viewport.height)),
  };
}
