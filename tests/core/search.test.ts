import { describe, expect, it } from 'vitest';
import { buildIndex, lookup } from '../../core/search/index';
import { bundledEntries } from '../support/bundled';

const entries = bundledEntries();
const index = buildIndex(entries);
const has = (id: string) => entries.some((e) => e.id === id);
const top = (q: string) => lookup(index, q).results.map((h) => h.id);

describe('lookup over the bundled pack', () => {
  it('has the entries these tests name (a renamed id must fail here, not skip)', () => {
    for (const id of ['term-staging-area', 'mprb-staging-2026', 'term-detainer', 'mpls-one-minneapolis-2016', 'mpls-sanctuary-task-force-2017', 'term-287g', 'usc-8-1357g', 'mpls-19.30', 'mpls-ch19']) {
      expect(has(id), id).toBe(true);
    }
  });
  it('says nothing for unrelated text and for a stop word', () => {
    for (const q of ['the', 'snow emergency parking', 'lorem ipsum dolor sit amet', 'The Vikings beat Green Bay on Sunday night.']) {
      expect(top(q), q).toEqual([]);
    }
  });
  it('says nothing for a news passage about something else, even when a few of its words are in the pack', () => {
    for (const q of [
      'Snowplow crews will tow parked cars during the snow emergency.',
      'Minneapolis police arrested a man suspected of stealing catalytic converters from parked cars.',
      'The city council approved the annual budget, raising property taxes by five percent.',
    ]) {
      expect(top(q), q).toEqual([]);
    }
  });
  it('puts the entry a word names (title, alias) before entries that only list it as a keyword', () => {
    expect(top('staging')[0]).toBe('term-staging-area');
    expect(top('staged')[0]).toBe('term-staging-area');
  });
  it('meets other forms of a word: inflections, derivations, endings the stemmer leaves apart', () => {
    expect(top('immigration detainers')).toContain('term-detainer');
    // "detained" and "immigrants" meet the ordinance's "detain" and "immigrant", both of them.
    const r = lookup(index, 'detained immigrants');
    expect(r.results[0]?.id).toBe('mpls-19.30');
    expect(r.results[0]?.matched.some((m) => m.terms.includes('detained') && m.terms.includes('immigrants'))).toBe(true);
  });
  it('prefers a name matched word for word, small words included', () => {
    expect(top('One Minneapolis')[0]).toBe('mpls-one-minneapolis-2016');
    expect(top('We Are Minneapolis')[0]).toBe('mpls-sanctuary-task-force-2017');
  });
  it('passes on a share of the text score, not of the citation rank, to related entries', () => {
    // § 19.30 is cited; its chapter (related to it) is found by its title words only.
    const r = lookup(index, '§ 19.30 employee authority');
    expect(r.results[0]?.id).toBe('mpls-19.30');
    const chapter = [...r.results, ...r.others].find((h) => h.id === 'mpls-ch19');
    expect(chapter, 'the chapter is among the results').toBeDefined();
    expect(chapter!.score).toBeGreaterThan(0);
    expect(chapter!.score).toBeLessThan(100); // the citation rank starts at +100
  });
  it('reports an unknown city code section in plain words', () => {
    const r = lookup(index, '§ 19.99');
    expect(r.results).toEqual([]);
    expect(r.unknownCitations[0]?.message).toBe('§ 19.99: no such section in this pack');
  });
  it('resolves a pinpoint citation to its section and keeps the subsection', () => {
    const r = lookup(index, 'Sec. 19.30(a)(3)');
    expect(r.mode).toBe('citation');
    expect(r.results[0]?.id).toBe('mpls-19.30');
    expect(r.results[0]?.pinpoint).toBe('(a)(3)');
  });
  it('finds the entry a misspelled word (one letter dropped) names, among the first two', () => {
    expect(top('detainr').slice(0, 2)).toContain('term-detainer');
  });
  it('finds a misspelled name', () => {
    const r = lookup(index, 'seperation ordinance');
    expect(r.results.map((h) => h.id)).toContain('term-separation-ordinance');
    expect(r.results[0]?.matched.some((m) => m.terms.includes('seperation'))).toBe(true);
  });
  it('says which words of the selection matched which field', () => {
    const r = lookup(index, 'immigration status questions');
    expect(r.results.map((h) => h.id).slice(0, 2)).toEqual(['term-immigration-status-inquiry', 'mpls-19.30']);
    for (const h of r.results) expect(h.matched.length).toBeGreaterThan(0);
    expect(r.results[0]!.matched.some((m) => m.terms.join(' ') === 'immigration status questions')).toBe(true);
  });
  it('cuts what it reads and says so', () => {
    expect(lookup(index, 'x '.repeat(20000)).truncated).toBe(true);
  });
});

describe('a selection worded exactly as a title, with a citation in it', () => {
  it('"287(g) agreement" opens the glossary entry of that name before the statute its citation names', () => {
    for (const q of ['287(g) agreement', '287(g) agreements']) expect(top(q).slice(0, 2), q).toEqual(['term-287g', 'usc-8-1357g']);
  });
});
