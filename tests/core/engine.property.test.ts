import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildIndex, lookup, type LookupResult } from '../../core/search/index';
import { bundledEntries } from '../support/bundled';

const index = buildIndex(bundledEntries());

function wellFormed(r: LookupResult): void {
  expect(typeof r.query).toBe('string');
  expect(['empty', 'citation', 'term', 'passage']).toContain(r.mode);
  expect(Array.isArray(r.results)).toBe(true);
  expect(Array.isArray(r.others)).toBe(true);
  for (const h of [...r.results, ...r.others]) {
    expect(typeof h.id).toBe('string');
    expect(Number.isFinite(h.score)).toBe(true);
    expect(['high', 'medium', 'low']).toContain(h.confidence);
  }
  for (const u of r.unknownCitations) expect(u.message).toContain(u.text);
  JSON.stringify(r);
}

const citationJunk = fc
  .array(fc.constantFrom('§', '§§', 'Sec.', 'Section', '19.', '30', '(a)', '(', ')', 'U.S.C.', 'C.F.R.', 'EO', 'I-', 'Form', 'Chapter', 'Ordinance', '-', ' ', '287', '\u0301', '\ud800', '’'), { maxLength: 40 })
  .map((a) => a.join(''));

describe('the engine never throws', () => {
  it('on random Unicode (binary units)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => wellFormed(lookup(index, s))), { numRuns: 300 });
  });
  it('on random graphemes', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => wellFormed(lookup(index, s))), { numRuns: 300 });
  });
  it('on citation-like junk', () => {
    fc.assert(fc.property(citationJunk, (s) => wellFormed(lookup(index, s))), { numRuns: 500 });
  });
  it('on a 1 MB selection, which it cuts and says so', () => {
    const big = 'the council voted on immigration enforcement § 19.30 '.repeat(20000);
    const r = lookup(index, big);
    wellFormed(r);
    expect(r.truncated).toBe(true);
  });
  it('on lone surrogates and control characters', () => {
    wellFormed(lookup(index, '\ud800\udc00\udfff\u0000\u202e§\ud83d'));
  });
});
