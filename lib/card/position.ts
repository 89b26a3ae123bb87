/**
 * Where the card goes: below the selection's last line if it fits, else above its first line.
 * When neither side holds the whole card, it takes the roomier side and scrolls inside a shorter
 * box (never under `MIN_HEIGHT`), so it does not cover the words the reader just selected; only
 * when even that is impossible does it overlap. A selection scrolled out of view gets the card at
 * the top right. Always inside the viewport (8 px margin). Pure, so
 * it is unit-tested without a browser. Coordinates are viewport (client) pixels.
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
  side: 'below' | 'above' | 'fixed' | 'over';
  /** Set when the card must be shorter than its content to stay clear of the selection. */
  maxHeight?: number;
}

export const GAP = 8;
export const MARGIN = 8;
/** Below this, a scrolling card is too cramped to read; overlapping the selection is better. */
export const MIN_HEIGHT = 200;

export function placeCard(
  anchor: { first: Rect; last: Rect } | null,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
): Placement {
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
  const room = Math.max(below, above);
  if (room >= MIN_HEIGHT) {
    return below >= above
      ? { top: last.bottom + GAP, left: clampLeft(last.left), side: 'below', maxHeight: Math.floor(below) }
      : { top: first.top - GAP - Math.floor(above), left: clampLeft(first.left), side: 'above', maxHeight: Math.floor(above) };
  }
  return { top: clampTop(below >= above ? last.bottom + GAP : first.top - GAP - card.height), left: clampLeft(last.left), side: 'over' };
}
