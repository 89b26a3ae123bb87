/**
 * The card's "What answers your selection", on the real § 19.30 and the term entries: a point
 * answers when it is the pinpoint or shares the selection's key terms, never for one everyday
 * word ("police", "city") it happens to share.
 */
import { describe, expect, it } from 'vitest';
import { answeringIndexes, keyTerms } from '../../../core/format/answering-points';
import { loadBundledPacks } from '../../../scripts/lib/bundled-packs';

const entries = new Map(loadBundledPacks().flatMap((p) => p.entries.map((e) => [e.id, e] as const)));
const s1930 = entries.get('mpls-19.30')!;
const sub = (i: number) => s1930.points[i]!.subsection;

describe('key terms of a selection', () => {
  it('leave out stop words and everyday English', () => {
    expect([...keyTerms('What may the police do about ICE detainers in the city?')]).toEqual(['ice', 'detainer']);
  });
  it('a selection of everyday words only has none', () => {
    expect(keyTerms('the police and the city').size).toBe(0);
  });
});

describe('points that answer the selection', () => {
  it('the pinpoint names its point, and the points under it', () => {
    expect(answeringIndexes(s1930.points, '19.30(a)(3)', '(a)(3)').map(sub)).toEqual(['(a)', '(a)(3)']);
  });

  it('a point sharing two key terms answers; one sharing a single everyday word does not', () => {
    const got = answeringIndexes(s1930.points, 'Can officers verify immigration status?').map(sub);
    expect(got).toContain('(a)(1)');
    // "police" and "city" appear in (a) but are everyday words: not an answer.
    expect(answeringIndexes(s1930.points, 'police in the city')).toEqual([]);
  });

  it('a selection that only names the entry: no point answers (the card shows the leading points)', () => {
    expect(answeringIndexes(s1930.points, 'Section 19.30')).toEqual([]);
    expect(answeringIndexes(s1930.points, 'public safety services')).toEqual([]);
  });

  it('one key term is enough when the selection has only one', () => {
    expect(answeringIndexes(s1930.points, 'undocumented').map(sub)).toEqual(['(a)(1)']);
  });
});
