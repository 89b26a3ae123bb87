/**
 * Each pack knows its own words (core/search/pack-groups.ts): a pack loaded beside the bundled
 * one must not turn page furniture into an answer from the bundled pack merely because the other
 * pack knows its words; with one pack nothing changes.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex, lookup, setPackSizes } from '../../core/search/index';
import type { Entry } from '../../core/schema/pack';
import { bundledPacks } from '../support/bundled';

const bundled = bundledPacks().flatMap((p) => p.entries);
/** Everyday words a press page is made of, spread over a pack of another place's rules. */
const WORDS = ['distributed', 'public', 'release', 'news', 'posted', 'questions', 'information', 'involved', 'share', 'seal', 'living', 'more', 'than'];
const template = bundled[0]!;
const otherPack: Entry[] = Array.from({ length: 300 }, (_, i) => ({
  ...template,
  id: `other-${i}`,
  title: `Other section ${i}`,
  citation: `Other Code § ${i}`,
  aliases: [],
  keywords: [],
  related: [],
  jurisdiction: 'Elsewhere',
  summary: `Rules on ${WORDS[i % WORDS.length]} records and ${WORDS[(i * 7) % WORDS.length]} notices of the board.`,
  points: [{ ...template.points[0]!, text: `The board keeps ${WORDS[(i * 3) % WORDS.length]} files.` }],
  exceptions: [],
}));
const FURNITURE = 'Seal of the City of Minneapolis, MN';

describe('words known per pack', () => {
  it('page furniture gets no answer from the bundled pack when another pack knows its words', () => {
    const index = buildIndex([...bundled, ...otherPack]);
    // The fixture exercises the rule: counted as one collection, the bundled pack answers.
    expect(lookup(index, FURNITURE).results.map((h) => h.id)).toContain('mn-v-dhs-2026');
    setPackSizes(index, [bundled.length, otherPack.length]);
    const grouped = lookup(index, FURNITURE);
    expect(grouped.results).toEqual([]);
    // As with the bundled pack alone.
    expect(lookup(buildIndex(bundled), FURNITURE).results).toEqual([]);
  });

  it('answers what each pack does cover, from that pack', () => {
    const index = buildIndex([...bundled, ...otherPack]);
    setPackSizes(index, [bundled.length, otherPack.length]);
    expect(lookup(index, 'separation ordinance').results[0]?.id).toBe('mpls-ch19');
    expect(lookup(index, 'Other section 12').results[0]?.id).toBe('other-12');
  });

  it('searches only the packs asked for (the popup\'s "Search in")', () => {
    const index = buildIndex([...bundled, ...otherPack]);
    setPackSizes(index, [bundled.length, otherPack.length]);
    const ids = (q: string, packs: number[]) => {
      const r = lookup(index, q, { packs, limit: 10 });
      return [...r.results, ...r.others].map((h) => h.id);
    };
    expect(ids('Other section 12', [1])[0]).toBe('other-12');
    expect(ids('Other section 12', [0]).some((id) => id.startsWith('other-'))).toBe(false);
    expect(ids('separation ordinance', [0])[0]).toBe('mpls-ch19');
    const onlyOther = lookup(index, 'separation ordinance', { packs: [1] });
    expect(onlyOther.results.filter((h) => !h.id.startsWith('other-'))).toEqual([]);
    expect(onlyOther.headline).toBe('nothing');
    expect(ids('§ 19.30', [1])).toEqual([]);
    expect(ids('§ 19.30', [0, 1])[0]).toBe('mpls-19.30');
  });

  it('one pack, or sizes that do not add up, change nothing', () => {
    const queries = [FURNITURE, 'separation ordinance', 'Minneapolis police do not participate in immigration enforcement due to the separation ordinance'];
    const plain = buildIndex(bundled);
    const before = queries.map((q) => lookup(plain, q, { explain: true }));
    setPackSizes(plain, [bundled.length]);
    expect(queries.map((q) => lookup(plain, q, { explain: true }))).toEqual(before);
    const both = buildIndex([...bundled, ...otherPack]);
    const whole = queries.map((q) => lookup(both, q, { explain: true }));
    setPackSizes(both, [bundled.length, otherPack.length - 1]);
    expect(queries.map((q) => lookup(both, q, { explain: true }))).toEqual(whole);
  });
});
