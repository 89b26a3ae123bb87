import { describe, expect, it } from 'vitest';
import { CITATION_PATTERNS } from '../../core/citations/patterns';
import { extractCitations } from '../../core/citations/extract';
import { norm } from '../../core/text/normalize';

describe('citation pattern table', () => {
  it('gives every pattern positive and negative examples', () => {
    for (const p of CITATION_PATTERNS) {
      expect(p.examples.positive.length, p.name).toBeGreaterThan(0);
      expect(p.examples.negative.length, p.name).toBeGreaterThan(0);
      expect(p.description, p.name).not.toBe('');
    }
  });
  for (const p of CITATION_PATTERNS) {
    for (const ex of p.examples.positive) {
      it(`${p.name} recognizes "${ex.text}" as ${ex.key}`, () => {
        const found = extractCitations(norm(ex.text));
        expect(found.some((f) => f.pattern.name === p.name && f.keys.includes(ex.key))).toBe(true);
      });
    }
    for (const text of p.examples.negative) {
      it(`${p.name} does not read "${text}" as a citation of its kind`, () => {
        expect(extractCitations(norm(text)).some((f) => f.pattern.name === p.name)).toBe(false);
      });
    }
  }
  it('lets the U.S. Code pattern take "8 U.S.C. § 1373" before the bare section pattern', () => {
    const found = extractCitations(norm('8 U.S.C. § 1373'));
    expect(found).toHaveLength(1);
    expect(found[0]!.pattern.name).toBe('us-code');
  });
  it('keeps the subsection chain for pinpoints', () => {
    const [c] = extractCitations(norm('Sec. 19.30(a)(3)'));
    expect(c!.subsection).toBe('(a)(3)');
    expect(c!.keys).toEqual(['sec:19.30(a)(3)', 'sec:19.30(a)', 'sec:19.30']);
  });
});
