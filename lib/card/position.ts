/**
 * Where the card goes: below the selection's last line if it fits, else above its first line,
 * else beside the selection (right, then left) where the window is wide enough. When none of
 * these holds the whole card, it takes the roomier of below and above and scrolls inside a
 * shorter box (never shorter than its top block: title, status, actions and summary, nor than
 * `MIN_HEIGHT`), so it does not cover the words the reader just selected; only when even that
 * is impossible does it overlap. A selection scrolled out of view gets the card at the top
 * right. Always inside the viewport (8 px margin). Pure, so it is unit-tested without a browser.
 * Coordinates are viewport (client) pixels.
 */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Placement {
  top: number;
  left: number;
  side: 'below' | 'above' | 'beside' | 'fixed' | 'over';
  /** Set when the card must be shorter than its content to stay clear of the selection. */
  maxHeight?: number;
}

export interface CardSize {
  width: number;
  height: number;
  /** Height of the card's top block (down to the summary): a scrolling card shows at least this. */
  headHeight?: number;
}

export const GAP = 8;
export const MARGIN = 8;
/** Below this, a scrolling card is too cramped to read; overlapping the selection is better. */
export const MIN_HEIGHT = 200;

type Anchor = { first: Rect; last: Rect };

/** Beside the selection's lines (right first: text runs left to right), if the window leaves room. */
function beside(anchor: Anchor, card: CardSize, viewport: { width: number; height: number }, least: number): Placement | null {
  const room = viewport.height - 2 * MARGIN;
  if (room < least) return null;
  const left = Math.min(anchor.first.left, anchor.last.left);
  const right = Math.max(anchor.first.right, anchor.last.right);
  const x = viewport.width - right - GAP - MARGIN >= card.width ? right + GAP : left - GAP - MARGIN >= card.width ? left - GAP - card.width : null;
  if (x === null) return null;
  const height = Math.min(card.height, room);
  const top = Math.max(MARGIN, Math.min(anchor.first.top, viewport.height - height - MARGIN));
  return { top, left: x, side: 'beside', ...(card.height > room ? { maxHeight: room } : {}) };
}

export function placeCard(anchor: Anchor | null, card: CardSize, viewport: { width: number; height: number }): Placement {
  const clampLeft = (x: number) => Math.max(MARGIN, Math.min(x, viewport.width - card.width - MARGIN));
  const clampTop = (y: number) => Math.max(MARGIN, Math.min(y, viewport.height - card.height - MARGIN));
  // No selection on screen (none, or scrolled out of view before the shortcut): top right.
  const offScreen = anchor && (anchor.last.bottom < 0 || anchor.first.top > viewport.height);
  if (!anchor || offScreen) return { top: MARGIN * 2, left: clampLeft(viewport.width - card.width - MARGIN * 2), side: 'fixed' };
  const { first, last } = anchor;
  const below = viewport.height - last.bottom - GAP - MARGIN;
  const above = first.top - GAP - MARGIN;
  if (below >= card.height) return { top: clampTop(last.bottom + GAP), left: clampLeft(last.left), side: 'below' };
  if (above >= card.height) return { top: clampTop(first.top - GAP - card.height), left: clampLeft(first.left), side: 'above' };
  const least = Math.max(MIN_HEIGHT, Math.min(card.headHeight ?? 0, card.height));
  const side = beside(anchor, card, viewport, least);
  if (side) return side;
  const room = Math.max(below, above);
  if (room >= least) {
    return below >= above
      ? { top: last.bottom + GAP, left: clampLeft(last.left), side: 'below', maxHeight: Math.floor(below) }
      : { top: first.top - GAP - Math.floor(above), left: clampLeft(first.left), side: 'above', maxHeight: Math.floor(above) };
  }
  return { top: clampTop(below >= above ? last.bottom + GAP : first.top - GAP - card.height), left: clampLeft(last.left), side: 'over' };
}
