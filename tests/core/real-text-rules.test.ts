/**
 * Rules a reader relies on when selecting real prose, on the real bundled pack: a sentence that
 * names an entry never gets "nothing"; page context decides whose law "the ordinance" is;
 * datelines and footnote markers name no law; labels never say "Strong" for a near-tie.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex, lookup } from '../../core/search/index';
import { bundledEntries } from '../support/bundled';
import { pageMonth } from '../../core/search/stages/page-date';

const index = buildIndex(bundledEntries());
const ids = (r: ReturnType<typeof lookup>) => [...r.results, ...r.others].map((h) => h.id);

describe('a sentence that names an entry', () => {
  it('is never answered "nothing", even when most of its words are not in the pack', () => {
    const r = lookup(index, 'Many towns across the region pass resolutions to call themselves a "welcoming city", mostly symbolic gestures with no budget attached.');
    expect(r.headline).not.toBe('nothing');
    expect(ids(r).slice(0, 3)).toContain('term-welcoming-city');
  });
});

describe('page context', () => {
  const saintPaul = { text: 'Saint Paul council members voted on the ordinance Wednesday; the St. Paul measure bars masked officers.', title: 'St. Paul passes mask rule', url: 'https://example.org/st-paul/masks' };
  const minneapolis = { text: 'Minneapolis council members voted on the ordinance Thursday; the Minneapolis measure updates how city staff work with ICE.', title: 'Minneapolis updates separation rules', url: 'https://example.org/minneapolis/ice' };

  it('reads "the ordinance" on a Saint Paul story as a Saint Paul entry', () => {
    const first = lookup(index, 'the ordinance', { context: saintPaul }).results[0];
    expect(first, 'an answer').toBeDefined();
    expect(index.entries.find((e) => e.id === first!.id)!.jurisdiction).toBe('Saint Paul');
  });

  it('reads "the ordinance" on a Minneapolis story as a Minneapolis entry', () => {
    const first = lookup(index, 'the ordinance', { context: minneapolis }).results[0];
    expect(first, 'an answer').toBeDefined();
    expect(index.entries.find((e) => e.id === first!.id)!.jurisdiction).toBe('Minneapolis');
  });

  it("offers another city's local law on a Minneapolis page only as a possible match, unless the selection names that city", () => {
    const jurisdictionOf = (id: string) => index.entries.find((e) => e.id === id)!.jurisdiction;
    const answers = lookup(index, 'masked officers', { context: minneapolis });
    expect(answers.results.map((h) => jurisdictionOf(h.id))).not.toContain('Saint Paul');
    expect(answers.others.map((h) => h.id)).toContain('stpaul-ord-26-6-26-7');
    expect(lookup(index, 'St. Paul ban on masked officers', { context: minneapolis }).results.map((h) => h.id)).toContain('stpaul-ord-26-6-26-7');
  });

  it("holds back only another city's ordinances: its orders, policies and events still answer", () => {
    const frey = lookup(index, "Frey's executive order bars federal agents from using city parking lots and ramps as staging areas.", { context: saintPaul });
    expect(frey.results[0]?.id).toBe('mpls-eo-2025-02');
  });

  it('offers a city\'s ordinances as answers only on a page that names that city', () => {
    const unnamed = { text: 'Officers at the rally said masked agents should show their badges, and the crowd agreed.', title: 'Rally draws hundreds', url: 'https://example.org/news/rally' };
    expect(lookup(index, 'masked officers', { context: unnamed }).results.map((h) => h.id)).not.toContain('stpaul-ord-26-6-26-7');
    const named = { ...unnamed, text: `${unnamed.text} The rally was in St. Paul.` };
    expect(lookup(index, 'masked officers', { context: named }).results.map((h) => h.id)).toContain('stpaul-ord-26-6-26-7');
  });

  it('never changes the answer to a citation because of the page', () => {
    expect(lookup(index, '§ 19.30(a)', { context: saintPaul }).results[0]?.id).toBe('mpls-19.30');
  });

  it('changes nothing without context (popup and side panel work as before)', () => {
    const a = lookup(index, 'separation ordinance');
    const b = lookup(index, 'separation ordinance', {});
    expect(ids(a)).toEqual(ids(b));
  });
});

describe('text that names no law', () => {
  for (const q of ['Checked on January 18, 2026', 'May 26, 2003 // UPDATED 10:50 am - April 30, 2007', '[1] [2] [3]']) {
    it(`"${q}" → nothing in this pack`, () => {
      const r = lookup(index, q);
      expect(r.results).toEqual([]);
      expect(r.headline).toBe('nothing');
    });
  }
});

describe('honest labels', () => {
  it('does not call a near-tie between word matches "Strong"', () => {
    // (An entry's own title or citation, selected as such, is Strong: the entries related to it
    // then rise beside it on purpose, as "governing law" or "related".)
    for (const q of ['the separation ordinance was updated', 'executive order', 'police may not ask about immigration status', 'ICE agents staging in city parking lots', 'city employees and federal immigration enforcement']) {
      const r = lookup(index, q, { explain: true });
      for (const h of r.results) {
        if (h.confidence !== 'high' || h.signals!.whole || h.signals!.cited) continue;
        expect(h.signals!.margin, `${q}: ${h.id}`).toBeGreaterThanOrEqual(1.15);
      }
    }
  });

  it('calls an entry selected by its own title or citation "Strong"', () => {
    expect(lookup(index, 'detainer').results[0]).toMatchObject({ id: 'term-detainer', confidence: 'high' });
    expect(lookup(index, '8 U.S.C. 1373').results[0]).toMatchObject({ id: 'usc-8-1373', confidence: 'high' });
  });
});

describe('when the page was written', () => {
  const sentence = "The reports are required by the president's executive order on sanctuary jurisdictions.";
  const on = (url: string) => lookup(index, sentence, { context: { url, text: '', title: '' } }).results[0]?.id;

  it('a story dated March 2017 by its address reads "the executive order" as the 2017 order, a 2025 story as the 2025 one', () => {
    expect(on('https://example.org/news/2017/03/sheriff-reports')).toBe('eo-13768');
    expect(on('https://example.org/news/2025/06/sheriff-reports')).toBe('eo-14287');
  });

  it('reads a date only from year-and-month folders or a whole date, never a numbered order or a lone year', () => {
    expect(pageMonth({ url: 'https://example.org/story/2025/01/17/chief' })).toBe(2025 * 12);
    expect(pageMonth({ url: 'https://city.example/news/2025/december/updates' })).toBe(2025 * 12 + 11);
    expect(pageMonth({ url: 'https://www.govinfo.gov/content/pkg/FR-2025-05-02/html/x.htm' })).toBe(2025 * 12 + 4);
    expect(pageMonth({ url: 'https://city.example/mayor/executive-orders/executive-order-2025-01' })).toBeUndefined();
    expect(pageMonth({ url: 'https://example.org/fact-checks/policy-changes-since-2024-1d05df' })).toBeUndefined();
    expect(pageMonth(undefined)).toBeUndefined();
    // A query or fragment is the reader's filter, not the page's date.
    expect(pageMonth({ url: 'https://example.org/timeline?from=2017-01-01&to=2026-02-01#2017-02-10' })).toBeUndefined();
    expect(pageMonth({ url: 'https://example.org/news/story?utm_campaign=newsletter-2017-03-01' })).toBeUndefined();
    expect(pageMonth({ url: 12345 as unknown as string })).toBeUndefined();
  });
});

describe('a citation inside a sentence', () => {
  it('is a Strong answer only when the sentence is about the cited law, not when it defines something else', () => {
    const about = lookup(index, '8 U.S.C. 1357(g) lets ICE sign written agreements with state and local agencies whose officers then perform immigration officer functions under federal supervision.');
    expect(about.results[0]).toMatchObject({ id: 'usc-8-1357g', confidence: 'high' });
    const mentions = lookup(index, 'Under the jail enforcement model of a 287(g) agreement, trained local deputies screen people booked into the county jail against federal databases and flag them for removal.');
    expect(mentions.results.find((h) => h.id === 'usc-8-1357g')?.confidence).toBe('medium');
  });
});
