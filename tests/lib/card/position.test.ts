import { describe, expect, it } from 'vitest';
import { MIN_HEIGHT, placeCard, type Rect } from '../../../lib/card/position';

const VIEW = { width: 1200, height: 800 };
const CARD = { width: 400, height: 560 };
const line = (top: number, left = 300): Rect => ({ top, bottom: top + 20, left, right: left + 200 });
/** A line of a text column that leaves no room for the card on either side (300 to 900 of 1200). */
const wide = (top: number): Rect => ({ top, bottom: top + 20, left: 300, right: 900 });

describe('card placement', () => {
  it('goes below a selection near the top of the page', () => {
    const p = placeCard({ first: line(40), last: line(40) }, CARD, VIEW);
    expect(p).toMatchObject({ side: 'below', top: 68 });
    expect(p.maxHeight).toBeUndefined();
  });

  it('goes above a selection near the bottom', () => {
    const p = placeCard({ first: line(700), last: line(700) }, CARD, VIEW);
    expect(p.side).toBe('above');
    expect(p.top + CARD.height).toBeLessThanOrEqual(700);
  });

  it('stays clear of a mid-page paragraph by scrolling inside a shorter card', () => {
    // A paragraph from y=360 to y=420: 372 px below, 344 above; the 560 px card fits neither.
    const p = placeCard({ first: wide(360), last: wide(400) }, CARD, VIEW);
    expect(p.side).toBe('below');
    expect(p.top).toBeGreaterThanOrEqual(420);
    expect(p.top + p.maxHeight!).toBeLessThanOrEqual(VIEW.height);
    expect(p.maxHeight!).toBeGreaterThanOrEqual(MIN_HEIGHT);
  });

  it('overlaps only when neither side leaves a readable card', () => {
    const p = placeCard({ first: wide(150), last: wide(600) }, CARD, VIEW);
    expect(p.side).toBe('over');
    expect(p.top).toBeGreaterThanOrEqual(8);
    expect(p.top + CARD.height).toBeLessThanOrEqual(VIEW.height - 8);
  });

  it('goes beside a mid-page selection, whole, when the window is wide enough', () => {
    const p = placeCard({ first: line(360), last: line(360) }, CARD, VIEW);
    expect(p).toMatchObject({ side: 'beside', left: 508 });
    expect(p.maxHeight).toBeUndefined();
    expect(p.top + CARD.height).toBeLessThanOrEqual(VIEW.height - 8);
  });

  it('goes left of a selection near the right edge', () => {
    const p = placeCard({ first: line(360, 900), last: line(360, 900) }, CARD, VIEW);
    expect(p.side).toBe('beside');
    expect(p.left + CARD.width).toBeLessThanOrEqual(900 - 8);
  });

  it('a short window: a scrolling card never hides its top block (title, status, actions, summary)', () => {
    const small = { width: 700, height: 500 };
    const big = { width: 400, height: 900, headHeight: 320 };
    // 222 px below and above: room for MIN_HEIGHT, not for the top block, no room beside.
    const p = placeCard({ first: { top: 240, bottom: 260, left: 100, right: 600 }, last: { top: 240, bottom: 260, left: 100, right: 600 } }, big, small);
    expect(p.side).toBe('over');
    expect(p.top).toBe(8);
    // Room beside: the card goes there, as tall as the window.
    const q = placeCard({ first: line(240, 60), last: line(240, 60) }, big, small);
    expect(q).toMatchObject({ side: 'beside', top: 8, maxHeight: 484 });
  });

  it('stays inside a narrow viewport', () => {
    const p = placeCard({ first: line(40, 350), last: line(40, 350) }, CARD, { width: 420, height: 800 });
    expect(p.left).toBeGreaterThanOrEqual(8);
    expect(p.left + CARD.width).toBeLessThanOrEqual(420);
  });
});

describe('card placement when the selection is out of view', () => {
  const inside = (p: { top: number; left: number; maxHeight?: number }) => {
    expect(p.top).toBeGreaterThanOrEqual(8);
    expect(p.top + (p.maxHeight ?? CARD.height)).toBeLessThanOrEqual(VIEW.height - 8);
    expect(p.left).toBeGreaterThanOrEqual(8);
  };
  it('selection scrolled above the viewport: the whole card, close button included, is on screen', () => {
    const p = placeCard({ first: line(-300), last: line(-300) }, CARD, VIEW);
    inside(p);
    expect(p.side).toBe('fixed');
  });
  it('selection scrolled below the viewport: the whole card is on screen', () => {
    inside(placeCard({ first: line(900), last: line(900) }, CARD, VIEW));
  });
  it('selection half out of view at the top: the card below it stays inside', () => {
    inside(placeCard({ first: line(-40), last: line(-10) }, CARD, VIEW));
  });
});
