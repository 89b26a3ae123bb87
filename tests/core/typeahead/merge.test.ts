/** One result list from as-you-type suggestions and the engine's answer; highlight pieces; which path a query takes. */
import { describe, expect, it } from 'vitest';
import { isTypeaheadQuery, mergeResults, segments, type Suggestion } from '../../../core/typeahead/index';
import type { LookupHit } from '../../../core/search/types';

const hit = (id: string, confidence: LookupHit['confidence'], pinpoint?: string): LookupHit => ({
  id,
  title: id,
  kind: 'ordinance-section',
  score: 1,
  confidence,
  via: 'exact',
  matched: [],
  ...(pinpoint ? { pinpoint } : {}),
});
const sug = (id: string): Suggestion => ({ id, title: id, kind: 'term', score: 0, marks: { title: [[0, 2]] } });

describe('mergeResults', () => {
  it("puts the engine's sure answers first, then the typed letters' entries, then the engine's other candidates, each once", () => {
    const rows = mergeResults([sug('a'), sug('b'), sug('c')], [hit('c', 'high', '(a)(3)'), hit('d', 'medium')], [hit('b', 'low'), hit('e', 'low')]);
    expect(rows.map((r) => r.id)).toEqual(['c', 'a', 'b', 'd', 'e']);
  });

  it("keeps the engine's hit (label, pinpoint) and the highlights on an entry both paths found", () => {
    const [c] = mergeResults([sug('c')], [hit('c', 'high', '(a)(3)')], []);
    expect(c?.hit?.pinpoint).toBe('(a)(3)');
    expect(c?.marks?.title).toEqual([[0, 2]]);
  });

  it('stops at the limit', () => {
    expect(mergeResults([sug('a'), sug('b')], [hit('c', 'medium')], [], 2).map((r) => r.id)).toEqual(['a', 'b']);
  });
});

describe('segments', () => {
  it('splits a field into plain and matched pieces that join back to the field', () => {
    expect(segments('Separation ordinance', [[0, 4]])).toEqual([
      { text: 'Sepa', matched: true },
      { text: 'ration ordinance', matched: false },
    ]);
  });

  it('copes with overlapping, unordered and out-of-bounds ranges', () => {
    const pieces = segments('ICE hold', [[4, 20], [0, 3], [2, 5]]);
    expect(pieces.map((p) => p.text).join('')).toBe('ICE hold');
    expect(pieces.filter((p) => p.matched).map((p) => p.text)).toEqual(['ICE', ' h', 'old']);
  });

  it('is the whole text unmarked without ranges', () => {
    expect(segments('Detainer', undefined)).toEqual([{ text: 'Detainer', matched: false }]);
  });
});

describe('isTypeaheadQuery', () => {
  it('takes up to three words as a name being typed', () => {
    for (const q of ['sepa', 'ICE hold', '§ 19.30', 'separation ordinance Minneapolis']) expect(isTypeaheadQuery(q), q).toBe(true);
  });
  it('sends four words or a sentence to the engine only', () => {
    for (const q of ['police may not ask', 'ICE holds. Jails said no', 'What is a detainer?', '']) expect(isTypeaheadQuery(q), q).toBe(false);
  });
});
