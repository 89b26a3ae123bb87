/**
 * The semantic-signal measurement (scripts/measure-semantic.ts, decision 0009) may only reorder
 * what the engine answered: these rules are what make its figures comparable with `lens eval`.
 */
import { describe, expect, it } from 'vitest';
import { fused, gated, tallyOf, type Looked } from '../../scripts/lib/semantic/fusion';

const looked = (over: Partial<Looked> = {}): Looked => ({
  expect: ['b'],
  kind: 'sentence',
  passage: true,
  answers: [
    { id: 'a', score: 10, confidence: 'medium' },
    { id: 'b', score: 9, confidence: 'medium' },
  ],
  others: [{ id: 'c', score: 8, confidence: 'low' }],
  ...over,
});
const sim = (o: Record<string, number>) => new Map(Object.entries(o));

describe('semantic fusion (measurement only)', () => {
  it('a similar enough second answer moves first, and the answer count stays the engine’s', () => {
    const out = fused(looked(), sim({ a: 0, b: 1, c: 0 }), { w: 0.3, scope: 'answers', only: 'all' });
    expect(out.map((c) => c.id)).toEqual(['b', 'a']);
    expect(tallyOf([{ l: looked(), answers: out }]).all.hit1).toBe(1);
  });

  it('a selection the engine left unanswered stays unanswered, whatever the signal says', () => {
    const l = looked({ answers: [], expect: [] });
    expect(fused(l, sim({ c: 1 }), { w: 1, scope: 'top10', only: 'all' })).toEqual([]);
  });

  it('over the top 10, a weaker candidate can take an answer’s place but keeps its Possible label', () => {
    const out = fused(looked(), sim({ a: 0, b: 0, c: 1 }), { w: 1, scope: 'top10', only: 'all' });
    expect(out.map((c) => [c.id, c.confidence])).toEqual([
      ['c', 'low'],
      ['a', 'medium'],
    ]);
  });

  it('"passages only" leaves a short selection in the engine’s order; "unsure" leaves a Strong first answer', () => {
    const short = looked({ passage: false });
    expect(fused(short, sim({ b: 1 }), { w: 1, scope: 'answers', only: 'passages' })).toBe(short.answers);
    const strong = looked({ answers: [{ id: 'a', score: 10, confidence: 'high' }, { id: 'b', score: 9, confidence: 'medium' }] });
    expect(fused(strong, sim({ b: 1 }), { w: 1, scope: 'answers', only: 'unsure' })[0]!.id).toBe('a');
  });

  it('the gate drops every answer when the first is less similar than the threshold, and only then', () => {
    expect(gated(looked(), sim({ a: 0.2 }), 0.5, false)).toEqual([]);
    expect(gated(looked(), sim({ a: 0.7 }), 0.5, false).map((c) => c.id)).toEqual(['a', 'b']);
  });
});
