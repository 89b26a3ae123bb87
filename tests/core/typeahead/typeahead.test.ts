/** As-you-type over the bundled pack: titles, aliases and citations, with the ranges the popup highlights. */
import { describe, expect, it } from 'vitest';
import { buildTypeahead, type Range, type Suggestion } from '../../../core/typeahead/index';
import { bundledEntries } from '../../../scripts/commands/lookup';

const entries = bundledEntries();
const typeahead = buildTypeahead(entries);
const ids = (q: string) => typeahead.search(q).map((s) => s.id);
const find = (q: string, id: string): Suggestion => {
  const s = typeahead.search(q).find((x) => x.id === id);
  if (!s) throw new Error(`"${q}" did not suggest ${id} (got ${ids(q).join(', ') || 'nothing'})`);
  return s;
};
/** The highlighted characters of `text`, joined. */
const marked = (text: string, ranges: readonly Range[] | undefined) => (ranges ?? []).map(([s, e]) => text.slice(s, e)).join('|');

describe('as-you-type suggestions', () => {
  it('names entries these tests rely on (a renamed id fails here)', () => {
    for (const id of ['term-separation-ordinance', 'term-detainer', 'mpls-19.30', 'mpls-19.10']) expect(entries.some((e) => e.id === id), id).toBe(true);
  });

  it('jumps to an entry from the first letters of its title, marking those letters', () => {
    const s = find('sepa', 'term-separation-ordinance');
    expect(s.title).toBe('Separation ordinance');
    expect(marked(s.title, s.marks.title)).toBe('Sepa');
  });

  it('jumps to an entry from the first letters of an alias, and shows that alias marked', () => {
    expect(ids('ICE h')[0]).toBe('term-detainer');
    const s = find('ICE h', 'term-detainer');
    expect(s.marks.title).toBeUndefined();
    expect(s.marks.alias?.text).toBe('ICE hold');
    expect(marked(s.marks.alias!.text, s.marks.alias!.ranges)).toBe('ICE h');
  });

  it('jumps to a section from the start of its number, marking it in the citation', () => {
    expect(ids('19.3')[0]).toBe('mpls-19.30');
    const s = find('19.3', 'mpls-19.30');
    expect(marked(s.citation!, s.marks.citation)).toBe('19.3');
    // Its alias "Section 19.30" would only repeat the citation's mark.
    expect(s.marks.alias).toBeUndefined();
    // One digit off in four characters is another section, not a typo of this one.
    expect(ids('19.3')).not.toContain('mpls-19.10');
  });

  it('forgives one misspelled letter in a longer word', () => {
    const s = find('seperation', 'term-separation-ordinance');
    expect(marked(s.title, s.marks.title)).toBe('Separation');
  });

  it('suggests nothing for one letter or for letters no title, alias or citation has', () => {
    expect(ids('s')).toEqual([]);
    expect(ids('zzqx')).toEqual([]);
    expect(ids('   ')).toEqual([]);
  });

  it('gives ranges inside the field they mark, never a single stray character', () => {
    for (const q of ['sepa', 'ICE h', '19.3', 'detain', '287', 'staging']) {
      for (const s of typeahead.search(q)) {
        const fields: [string, readonly Range[] | undefined][] = [
          [s.title, s.marks.title],
          [s.citation ?? '', s.marks.citation],
          [s.marks.alias?.text ?? '', s.marks.alias?.ranges],
        ];
        for (const [text, ranges] of fields) {
          for (const [start, end] of ranges ?? []) {
            expect(start, `${q} → ${s.id}`).toBeGreaterThanOrEqual(0);
            expect(end, `${q} → ${s.id}`).toBeLessThanOrEqual(text.length);
            expect(end - start, `${q} → ${s.id}`).toBeGreaterThanOrEqual(2);
          }
        }
      }
    }
  });
});
