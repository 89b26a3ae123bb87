/**
 * Where the card goes: below the selection's last line if it fits, else above its first line,
 * else wherever there is most room; always inside the viewport (8 px margin). Pure, so it is
 * unit-tested without a browser. Coordinates are viewport (client) pixels.
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
  side: 'below' | 'above' | 'fixed';
}

export const GAP = 8;
export const MARGIN = 8;

export function placeCard(
  anchor: { first: Rect; last: Rect } | null,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
): Placement {
  const clampLeft = (x: number) => Math.max(MARGIN, Math.min(x, viewport.width - card.width - MARGIN));
  const clampTop = (y: number) => Math.max(MARGIN, Math.min(y, viewport.height - card.height - MARGIN));
  if (!anchor) return { top: MARGIN * 2, left: clampLeft(viewport.width - card.width - MARGIN * 2), side: 'fixed' };
  const { first, last } = anchor;
  const below = viewport.height - last.bottom - GAP - MARGIN;
  const above = first.top - GAP - MARGIN;
  if (below >= card.height || below >= above) {
    return { top: clampTop(last.bottom + GAP), left: clampLeft(last.left), side: 'below' };
  }
  return { top: clampTop(first.top - GAP - card.height), left: clampLeft(first.left), side: 'above' };
}
