/**
 * The dc-law-xml adapter on real section files of the D.C. Code, unpacked from ../shared/corpora
 * at test time: nested paragraphs and their pinpoints, cross-references, history annotations,
 * repealed and expired sections, the "(Perm)" versions, UCC-style numbers, chapter context.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dcLawXml, DC_SECTION_URL } from '../../../core/import/dc-law-xml';
import { adapterFor } from '../../../core/import/adapters';
import type { ImportResult } from '../../../core/import/types';
import type { EntryInput } from '../../../core/schema/pack';
import { validatePackValue } from '../../../core/schema/validate';
import { unpackDcCorpus, type Unpacked } from '../../../scripts/lib/dc-corpus';
import { diskFolder } from '../../../scripts/lib/source-folder';

const FILES = [
  'index.xml',
  'titles/24/index.xml',
  'titles/24/sections/24-211.07.xml',
  'titles/24/sections/24-211.02.xml',
  'titles/24/sections/24-1103.xml',
  'titles/11/sections/11-1101.xml',
  'titles/23/sections/23-1331.xml',
  'titles/22/sections/22-2101.xml',
  'titles/1/sections/1-1101.01.xml',
  'titles/1/sections/1-307.21.xml',
  'titles/1/sections/1-301.01.xml',
  'titles/28/sections/28~9-101.xml',
  'titles/99/24-211.02(Perm).xml',
];

let corpus: Unpacked;
let result: ImportResult;
const entry = (id: string): EntryInput => {
  const e = result.pack.entries.find((x) => x.id === id);
  if (!e) throw new Error(`no entry ${id}`);
  return e;
};

beforeAll(() => {
  corpus = unpackDcCorpus(FILES);
  result = dcLawXml.convert(diskFolder(corpus.dir), { id: 'dc-code', title: 'Code of the District of Columbia', jurisdiction: 'District of Columbia', asOf: '2026-06-30' });
});
afterAll(() => corpus?.remove());

describe('dc-law-xml: one entry per section file', () => {
  it('is the adapter registered for --format dc-law-xml', () => expect(adapterFor('dc-law-xml')).toBe(dcLawXml));

  it('makes a valid pack of the sample, as of the publication date', () => {
    expect(result.report.sections).toBe(10);
    expect(result.pack.entries).toHaveLength(10);
    expect(result.pack.asOf).toBe('2026-06-30');
    const v = validatePackValue(result.pack);
    expect(v.ok ? [] : v.problems).toEqual([]);
  });

  it.each([
    ['dc-24-211.07', 'D.C. Code § 24-211.07', 'District compliance with federal immigration detainers', 'in-force'],
    ['dc-1-1101.01', 'D.C. Code § 1-1101.01', 'Definitions [Repealed]', 'repealed'],
    ['dc-1-307.21', 'D.C. Code § 1-307.21', 'Definitions [Expired]', 'expired'],
    ['dc-28-9-101', 'D.C. Code § 28:9-101', 'Short title', 'in-force'],
  ])('%s: citation %s, title "%s", status %s', (id, citation, title, status) => {
    const e = entry(id);
    expect(e.kind).toBe('ordinance-section');
    expect(e.citation).toBe(citation);
    expect(e.title).toBe(title);
    expect(e.status).toBe(status);
    expect(e.sources![0]).toMatchObject({ type: 'primary', publisher: 'Council of the District of Columbia', asOf: '2026-06-30', url: DC_SECTION_URL + citation.replace('D.C. Code § ', '') });
  });

  it('turns nested paragraphs into points with their pinpoints, verbatim and primary', () => {
    const e = entry('dc-24-211.07');
    expect(e.points!.map((p) => p.subsection)).toEqual(['(a)', '(b)', '(b)(1)', '(b)(2)', '(b)(2)(A)', '(b)(2)(B)', '(b)(2)(B)(i)', '(b)(2)(B)(ii)', '(b)(2)(B)(iii)', '(c)', '(d)(1)', '(d)(2)']);
    expect(e.points![0]!.text).toMatch(/^The District of Columbia is authorized to comply with civil detainer requests/);
    expect(e.points![6]!.text).toContain('§ 23-1331(3)');
    expect(e.points!.every((p) => p.confidence === 'primary')).toBe(true);
  });

  it('keeps paragraph headings and odd numbers ("(a-1)") in the points', () => {
    expect(entry('dc-1-301.01').points![0]).toMatchObject({ subsection: '(a)', text: expect.stringMatching(/^Waiver of business license renewal fees for personnel of armed forces\. — The Council/) });
    expect(entry('dc-24-211.02').points!.some((p) => p.subsection === '(a-1)(2)(A)')).toBe(true);
  });

  it('links cross-references to sections of the same publication, in the text and in the Cross References notes', () => {
    expect(entry('dc-24-211.07').related).toEqual(['dc-23-1331', 'dc-22-2101']);
    expect(entry('dc-24-1103').related).toContain('dc-11-1101');
  });

  it('dates the section from its history notes; notes before "as added" belong to a former section', () => {
    const d = entry('dc-24-211.07').dates!;
    expect(d).toHaveLength(2);
    expect(d[0]).toMatchObject({ date: '1946-06-27', type: 'event', what: expect.stringContaining('former section') });
    expect(d[1]).toMatchObject({ date: '2012-12-11', type: 'adopted', what: 'History note: as added Dec. 11, 2012, D.C. Law 19-194, § 2, 59 DCR 10153', confidence: 'primary' });
    const repealed = entry('dc-1-1101.01').dates!;
    expect(repealed[0]).toMatchObject({ date: '1974-08-14', type: 'adopted' });
    expect(repealed.at(-1)).toMatchObject({ date: '2012-04-27', type: 'amended' });
  });

  it('makes the terms a definitions section defines its search keywords', () => {
    expect(entry('dc-23-1331').keywords).toEqual(expect.arrayContaining(['dangerous crime', 'crime of violence']));
    expect(entry('dc-24-211.07').keywords ?? []).toEqual([]);
  });

  it('puts the title, chapter and subchapter in the summary (ranking and display)', () => {
    expect(entry('dc-24-211.07').summary).toContain('Title 24 (Prisoners and Their Treatment), Chapter 2 (Prisons and Prisoners)');
    expect(entry('dc-1-1101.01').summary).toMatch(/^Repealed section of the Code of the District of Columbia/);
  });

  it('marks a section that has a "(Perm)" version with an open question, not a second entry', () => {
    expect(entry('dc-24-211.02').openQuestions![0]).toContain('§ 24-211.02(Perm)');
    expect(entry('dc-24-211.07').openQuestions ?? []).toEqual([]);
    expect(result.pack.entries.some((e) => e.id.includes('perm'))).toBe(false);
  });

  it('takes the as-of date from the data when none is given, and says so', () => {
    const r = dcLawXml.convert(diskFolder(corpus.dir), { id: 'dc-code', title: 'Code of the District of Columbia', jurisdiction: 'District of Columbia' });
    expect(r.report.asOf).toEqual({ date: '2014-06-26', from: 'data' });
    expect(r.pack.asOf).toBe('2014-06-26');
    expect(r.pack.description).toContain('the latest date in the history notes');
    expect(r.pack.description).toContain('D.C. Law 21-84');
  });

  it('refuses a folder that is not this format, in plain words', () => {
    expect(() => dcLawXml.convert({ list: () => ['a.txt'], read: () => '' }, { id: 'x', title: 'x', jurisdiction: 'x' })).toThrow(/no titles\/<n>\/sections/);
  });

  it('skips a broken section file with its reason and imports the rest', () => {
    const folder = diskFolder(corpus.dir);
    const broken = { list: () => [...folder.list(), 'titles/5/sections/5-101.xml'], read: (p: string) => (p.startsWith('titles/5/') ? '<section><num>5-101</num><para>' : folder.read(p)) };
    const r = dcLawXml.convert(broken, { id: 'dc-code', title: 'T', jurisdiction: 'District of Columbia', asOf: '2026-06-30' });
    expect(r.report.entries).toBe(10);
    expect(r.report.skipped).toEqual([{ path: 'titles/5/sections/5-101.xml', reason: '<para> is never closed' }]);
  });
});
