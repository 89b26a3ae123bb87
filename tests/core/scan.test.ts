/** The page scanner (core/scan) on a small pack made for each case, then the HTML and DOM-text helpers. */
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../core/schema/pack';
import { buildScanIndex, scanText, type PageContext } from '../../core/scan/index';
import { joinPieces, locate } from '../../core/scan/visible-text';
import { htmlText } from '../../core/scan/html-text';

function entry(id: string, title: string, aliases: string[] = [], extra: Partial<Entry> = {}): Entry {
  return {
    id, kind: 'term', jurisdiction: 'United States', title, aliases, summary: 's', points: [], exceptions: [], dates: [],
    status: 'term', sources: [{ id: 's1', url: 'https://example.org', publisher: 'x', type: 'primary' }], related: [], openQuestions: [], keywords: [],
    ...extra,
  };
}

const PACK: Entry[] = [
  entry('ice', 'ICE', ['Immigration and Customs Enforcement', 'U.S. Immigration and Customs Enforcement', 'ICE agents']),
  entry('detainer', 'Detainer', ['ICE hold', 'immigration detainer']),
  entry('mpls-sep', 'Employee Authority in Immigration Matters', ['separation ordinance', 'Minneapolis separation ordinance', 'Chapter 19'], { jurisdiction: 'Minneapolis', kind: 'ordinance', citation: 'Minneapolis Code § 19.00' }),
  entry('stp-sep', 'Saint Paul Employee Authority', ['separation ordinance', 'St. Paul separation ordinance', 'Saint Paul Chapter 44'], { jurisdiction: 'Saint Paul', kind: 'ordinance' }),
  entry('sec-1930', 'Public safety services', ['Section 19.30'], { jurisdiction: 'Minneapolis', kind: 'ordinance-section', citation: 'Minneapolis Code § 19.30' }),
  entry('eo', "Mayor's executive order on staging", ["Mayor Frey's executive order", 'EO 2025-02']),
  entry('city-property', 'City property', ['city-owned property', 'city-owned parking lots']),
  entry('common', 'Order', ['court', 'general order']),
  entry('matricula', 'Matrícula consular', []),
  entry('usc-1373', '8 U.S.C. § 1373', ['section 1373', '1373'], { citation: '8 U.S.C. § 1373' }),
];
const index = buildScanIndex(PACK);
const scan = (text: string, ctx?: PageContext) => scanText(index, text, ctx).map((m) => [m.text, m.id]);

describe('scanner: which words become marks', () => {
  it.each([
    ['overlapping names: the longest wins', 'Agents of U.S. Immigration and Customs Enforcement came.', [['U.S. Immigration and Customs Enforcement', 'ice']]],
    ['a longer name that starts with a shorter one', 'He was held on an ICE hold overnight.', [['ICE hold', 'detainer']]],
    ['names side by side both marked', 'ICE agents filed an immigration detainer', [['ICE agents', 'ice'], ['immigration detainer', 'detainer']]],
    ['a name never crosses a sentence end', 'They called ICE. Agents arrived later.', [['ICE', 'ice']]],
    ['nor a line break', 'Call ICE\nagents', [['ICE', 'ice']]],
    ['nor a comma it does not contain', 'the city-owned, property of all', []],
    ['punctuation around a name', '(“ICE”), and [ICE]; ICE!', [['ICE', 'ice'], ['ICE', 'ice'], ['ICE', 'ice']]],
    ['hyphen or space alike', 'on city owned property and city-owned parking lots', [['city owned property', 'city-property'], ['city-owned parking lots', 'city-property']]],
    ['a word broken at a line end', 'the city-\nowned property and the separa-\ntion ordinance', [['city-\nowned property', 'city-property'], ['separa-\ntion ordinance', 'mpls-sep']]],
    ['a soft hyphen is ignored', 'the separ\u00adation ordinance', [['separ\u00adation ordinance', 'mpls-sep']]],
    ['possessives, straight or curly', "Mayor Frey's executive order and Mayor Frey’s executive order", [["Mayor Frey's executive order", 'eo'], ['Mayor Frey’s executive order', 'eo']]],
    ['a possessive city name before a name', 'Minneapolis’s separation ordinance', [['Minneapolis’s separation ordinance', 'mpls-sep']]],
    ['plurals', 'ICE agent and two immigration detainers', [['ICE agent', 'ice'], ['immigration detainers', 'detainer']]],
    ['whole words only', 'Iceland, icebergs, disseparation ordinanced', []],
    ['an acronym must be in capitals', 'ice on the roads; Ice cream; ICE at the door', [['ICE', 'ice']]],
    ['diacritics and case folded', 'MATRICULA CONSULAR or matrícula consular', [['MATRICULA CONSULAR', 'matricula'], ['matrícula consular', 'matricula']]],
    ['one everyday word is no name; two are', 'The court order. A general order.', [['general order', 'common']]],
    ['a bare number is no name', 'There were 1373 people.', []],
    ['citations resolve to entries', 'under 8 U.S.C. § 1373 and § 19.30(a)(3) and EO 2025-02', [['8 U.S.C. § 1373', 'usc-1373'], ['§ 19.30(a)(3)', 'sec-1930'], ['EO 2025-02', 'eo']]],
    ['a citation no entry carries is not marked', 'under § 19.99 and 8 U.S.C. § 1324', []],
  ])('%s', (_why, text, expected) => {
    expect(scan(text)).toEqual(expected);
  });

  it('gives offsets into the text it was given', () => {
    const text = 'Før ICE: “separation ordinance” 🙂 ICE';
    for (const m of scanText(index, text)) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(scanText(index, text).map((m) => m.text)).toEqual(['ICE', 'separation ordinance', 'ICE']);
  });
});

describe('scanner: plurals', () => {
  it('reads a plural of one law’s name as the kind of law: only a glossary term takes it', () => {
    const idx = buildScanIndex([
      entry('sep-term', 'Separation ordinance', []),
      entry('sep-2025', 'The 2025 update', ['updated separation ordinance'], { kind: 'amendment', jurisdiction: 'Minneapolis' }),
      entry('287g', '287(g) agreements', [], { kind: 'statute' }),
    ]);
    const got = scanText(idx, 'Other cities updated separation ordinances. The updated separation ordinance passed. Two 287(g) agreements.').map((m) => [m.text, m.id]);
    expect(got).toEqual([['separation ordinances', 'sep-term'], ['updated separation ordinance', 'sep-2025'], ['287(g) agreements', '287g']]);
  });
});

describe('scanner: the same words in two cities', () => {
  const text = 'The separation ordinance bars it.';
  it('follows the city the page names most', () => {
    expect(scan(`In Saint Paul, the council met. ${'x '.repeat(300)}${text}`)).toEqual([['separation ordinance', 'stp-sep']]);
    expect(scan(`Minneapolis and Minneapolis. St. Paul. ${'x '.repeat(300)}${text}`)).toEqual([['separation ordinance', 'mpls-sep']]);
  });
  it('follows a city named just before the mention over the page as a whole', () => {
    const page = `Minneapolis, Minneapolis, Minneapolis. ${'x '.repeat(300)} In St. Paul, ${text}`;
    expect(scan(page)).toEqual([['separation ordinance', 'stp-sep']]);
  });
  it('follows the title and host when the text names no city', () => {
    expect(scan(text, { title: 'News from Saint Paul' })).toEqual([['separation ordinance', 'stp-sep']]);
    expect(scan(text, { host: 'www.stpaul.gov' })).toEqual([['separation ordinance', 'stp-sep']]);
    expect(scan(text, { host: 'www.minneapolismn.gov' })).toEqual([['separation ordinance', 'mpls-sep']]);
  });
  it('names the other city’s entry as an alternative', () => {
    const [m] = scanText(index, text, { host: 'stpaul.gov' });
    expect(m?.alternatives).toEqual(['mpls-sep']);
  });
  it('keeps a name that only one city uses', () => {
    expect(scan('St. Paul separation ordinance', { host: 'minneapolismn.gov' })).toEqual([['St. Paul separation ordinance', 'stp-sep']]);
  });
});

describe('visible text of pieces (text nodes)', () => {
  it('finds a citation split across inline elements and maps it back to both pieces', () => {
    const vt = joinPieces([{ text: 'Under ', block: true }, { text: '§ 19.30' }, { text: '(a)(3)' }, { text: ' police may not ask.' }, { text: 'Next paragraph', block: true }]);
    expect(vt.text).toBe('Under § 19.30(a)(3) police may not ask.\nNext paragraph');
    const [m] = scanText(index, vt.text);
    expect(m).toMatchObject({ text: '§ 19.30(a)(3)', id: 'sec-1930' });
    expect(locate(vt, m!.start)).toEqual({ piece: 1, offset: 0 });
    expect(locate(vt, m!.end, true)).toEqual({ piece: 2, offset: 6 });
  });
  it('keeps names apart across blocks, and whitespace one to one', () => {
    const vt = joinPieces([{ text: 'ICE', block: true }, { text: 'agents\tsaid', block: true }]);
    expect(vt.text).toBe('ICE\nagents said');
    expect(scan(vt.text)).toEqual([['ICE', 'ice']]);
  });
});

describe('visible text of an HTML file', () => {
  it('skips scripts, styles and hidden elements, decodes entities, and keeps blocks apart', () => {
    const h = htmlText(
      '<!doctype html><html><head><title>About &amp; ICE</title><style>p{}</style></head><body><script>var ICE=1</script>' +
        '<h1>Separation</h1><p>The <b>separation</b> ordinance &sect;&nbsp;19.30<em>(a)(3)</em></p><div hidden>ICE hold</div><!-- ICE --><p>end</p></body></html>',
    );
    expect(h.title).toBe('About & ICE');
    const vt = joinPieces(h.pieces);
    expect(vt.text).toBe('Separation\nThe separation ordinance §\u00a019.30(a)(3)\nend');
    expect(scan(vt.text)).toEqual([['separation ordinance', 'mpls-sep'], ['§\u00a019.30(a)(3)', 'sec-1930']]);
  });
});
