/**
 * Citations as articles and court pages write them, resolved on the real bundled pack; and
 * bare numbers and footnote markers, which name no law, answering nothing.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex, lookup } from '../../core/search/index';
import { bundledEntries } from '../support/bundled';

const index = buildIndex(bundledEntries());
const first = (q: string) => lookup(index, q).results[0]?.id;

describe('citations written the way real pages write them', () => {
  const table: [string, string][] = [
    ['Executive Order 2025-2', 'mpls-eo-2025-02'],
    ['EO 2025-02', 'mpls-eo-2025-02'],
    ['Exec. Order No. 14287', 'eo-14287'],
    ['Executive Order 14159', 'eo-14159'],
    ['Section 19.30, subd. (a)', 'mpls-19.30'],
    ['Sec. 19.30(a)(3)', 'mpls-19.30'],
    ['Minnesota Statutes, section 609.735', 'mn-stat-609.735'],
    ['Minn. Stat. § 609.735', 'mn-stat-609.735'],
    ['ORD 26-7', 'stpaul-ord-26-6-26-7'],
    ['Ord 18-21', 'stpaul-ord-18-21'],
    ['ORDINANCE NO. 1056', 'mounds-view-1056'],
    ['No. A18-2011 (Minn. Ct. App. Sep. 23, 2019)', 'esparza-v-nobles'],
    ['No. 25-cv-4669', 'menendez-order-2026'],
    ['HF16', 'mn-hf16-2025'],
    ['8 CFR §214.14(a)(5)', 'cfr-8-214.14'],
    ['8 U.S.C. 1373', 'usc-8-1373'],
    ['19.30(a)(3) and (a)(4)', 'mpls-19.30'],
    ['SF2724, HF2680', 'mn-north-star-act'],
    ['Minnesota v. Noem', 'mn-v-dhs-2026'],
    ['municipal IDs', 'mpls-municipal-id-2018'],
  ];
  for (const [q, id] of table) {
    it(`"${q}" → ${id}`, () => expect(first(q)).toBe(id));
  }

  it('keeps the pinpoint of a subdivision written out', () => {
    expect(lookup(index, 'Section 19.30, subd. (a)').results[0]?.pinpoint).toBe('(a)');
  });

  it('does not send a citation of INA 287(d) to the 287(g) entries', () => {
    const ids = lookup(index, 'section 287(d)(3)').results.map((h) => h.id);
    expect(ids).not.toContain('term-287g');
    expect(ids).not.toContain('usc-8-1357g');
  });
});

describe('numbers alone name no law', () => {
  for (const q of ['[1] [2] [3]', '[1]', '15', '2025', '1, 2, 3', '(4)', '19 20 30', '$19.30', '$19.30 (2)', '1-866-DHS-2-ICE', '1-800-375-5283', '(612) 673-3000']) {
    it(`"${q}" answers nothing`, () => {
      const r = lookup(index, q);
      expect(r.results).toEqual([]);
      expect(r.others).toEqual([]);
    });
  }
});

describe('telephone numbers are not words of the query, and nothing else is taken for one', () => {
  it('keeps hyphenated agency names after a count ("1,500 ICE-HSI agents")', () => {
    const r = lookup(index, '2,000 ICE-ERO officers');
    expect([...r.results, ...r.others].map((h) => h.id)).toContain('term-ice');
  });
});
