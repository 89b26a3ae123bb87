/**
 * Puts the card's host where `placeCard` says, in document coordinates (the card scrolls with the
 * text it explains), through custom properties on the host (see host.css). Also cancels a page's
 * own zoom or transform of <html>, so the card keeps its size on screen.
 */
import { placeCard, type Rect } from './position';

export function hostVars(top: number, left: number, maxHeight?: number, zoom = 1): string {
  const cap = maxHeight === undefined ? '' : ` --ol-max-h: ${maxHeight}px !important;`;
  const z = zoom === 1 ? '' : ` --ol-zoom: ${zoom} !important;`;
  return `--ol-y: ${top}px !important; --ol-x: ${left}px !important;${cap}${z}`;
}

/**
 * How much the page scales what we add to <html>: its `zoom` (which every descendant inherits,
 * multiplied) and any `transform`. Measured, not parsed: the card's drawn width over its own
 * CSS width (offsetWidth ignores both). 1 on an ordinary page.
 */
function pageScale(card: HTMLElement): number {
  const drawn = card.getBoundingClientRect().width;
  const own = card.offsetWidth;
  if (!drawn || !own) return 1;
  const s = drawn / own;
  return Math.abs(s - 1) < 0.01 ? 1 : s;
}

/** The card's top block, down to the end of the summary (its own pixels), so a short card still shows it. */
function headHeight(card: HTMLElement, scale: number): number {
  const end = card.querySelector('[data-ol="head-end"]');
  if (!end) return 0;
  return Math.ceil((end.getBoundingClientRect().bottom - card.getBoundingClientRect().top) / scale + card.scrollTop) + 16;
}

export function placeHost(host: HTMLElement, card: HTMLElement | null, anchor: { first: Rect; last: Rect } | null, doc: Document): void {
  const win = doc.defaultView!;
  // Measure the card at its natural height, unzoomed.
  host.style.removeProperty('--ol-max-h');
  host.style.removeProperty('--ol-zoom');
  const scale = card ? pageScale(card) : 1;
  const zoom = scale === 1 ? 1 : 1 / scale;
  const size = { width: card?.offsetWidth || 400, height: card?.offsetHeight || 300, headHeight: card ? headHeight(card, scale) : 0 };
  // The viewport as drawn; the root's clientWidth is in its own zoomed pixels.
  const vw = scale === 1 ? doc.documentElement.clientWidth || win.innerWidth : (win.visualViewport?.width ?? win.innerWidth);
  const vh = scale === 1 ? doc.documentElement.clientHeight || win.innerHeight : (win.visualViewport?.height ?? win.innerHeight);
  const p = placeCard(anchor, size, { width: vw, height: vh });
  let top = Math.round(p.top + win.scrollY);
  let left = Math.round(p.left + win.scrollX);
  host.style.cssText = hostVars(top, left, p.maxHeight, zoom);
  if (scale === 1 || !card) return;
  // A transformed or zoomed root also moves the card (its transform origin, its own pixels):
  // with the zoom cancelled one pixel of ours is one on screen, so one correction lands it.
  const drawn = card.getBoundingClientRect();
  const dx = p.left - drawn.left;
  const dy = p.top - drawn.top;
  if (Math.abs(dx) > 1 || Math.abs(dy) > 1) {
    top = Math.round(top + dy);
    left = Math.round(left + dx);
    host.style.cssText = hostVars(top, left, p.maxHeight, zoom);
  }
}
