import { describe, expect, it } from 'vitest';
import { MIN_HEIGHT, placeCard, type Rect } from '../../../lib/card/position';

const VIEW = { width: 1200, height: 800 };
const CARD = { width: 400, height: 560 };
const line = (top: number, left = 300): Rect => ({ top, bottom: top + 20, left, right: left + 200 });

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
    const p = placeCard({ first: line(360), last: line(400) }, CARD, VIEW);
    expect(p.side).toBe('below');
    expect(p.top).toBeGreaterThanOrEqual(420);
    expect(p.top + p.maxHeight!).toBeLessThanOrEqual(VIEW.height);
    expect(p.maxHeight!).toBeGreaterThanOrEqual(MIN_HEIGHT);
  });

  it('overlaps only when neither side leaves a readable card', () => {
    const p = placeCard({ first: line(150), last: line(600) }, CARD, VIEW);
    expect(p.side).toBe('over');
    expect(p.top).toBeGreaterThanOrEqual(8);
    expect(p.top + CARD.height).toBeLessThanOrEqual(VIEW.height - 8);
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
