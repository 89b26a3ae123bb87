/**
 * A whole imported code is scanned by its sections' citations only ("Explain this page"): the
 * sections a page cites are marked, in the forms pages write them; its headings are not names.
 */
import { describe, expect, it } from 'vitest';
import { buildScanIndex, scanText } from '../../core/scan/index';
import { citedOnly, toColumns } from '../../core/pack/columns';
import type { Entry } from '../../core/schema/pack';
import { bundledPacks } from '../support/bundled';

const template = bundledPacks()[0]!.entries[0]!;
const section = (id: string, title: string, citation: string): Entry => ({ ...template, id, title, citation, aliases: ['a heading alias'], keywords: [], related: [], jurisdiction: 'District of Columbia', kind: 'ordinance-section' });
const code = [section('dc-24-211.07', 'District compliance with federal immigration detainers', 'D.C. Code § 24-211.07'), section('dc-2-1401.02', 'Definitions', 'D.C. Code § 2-1401.02'), section('dc-1-101', 'Penalties', 'D.C. Code § 1-101')];

describe('scanning a whole code by citation', () => {
  it('marks cited sections, not headings or aliases', () => {
    const index = buildScanIndex(citedOnly(toColumns(code)));
    const text = 'Under D.C. Code § 24-211.07 the jail does not hold people for ICE; see § 24-211.07 again. Definitions and Penalties differ; a heading alias too.';
    const marks = scanText(index, text, { title: 'D.C. jail', host: 'example.org' }).map((m) => [m.id, text.slice(m.start, m.end)]);
    expect(marks).toEqual([
      ['dc-24-211.07', 'D.C. Code § 24-211.07'],
      ['dc-24-211.07', '§ 24-211.07'],
    ]);
  });

  it('a section number written without its code marks a section only on a page that names or cites its place', () => {
    const index = buildScanIndex(citedOnly(toColumns(code)));
    const ids = (text: string, title = '') => scanText(index, text, { title, host: 'example.org' }).map((m) => m.id);
    // Another state's code numbers its sections the same way.
    expect(ids('Md. Code, Crim. Law § 1-101 and Ohio Rev. Code § 24-211.07 apply.', 'Maryland news')).toEqual([]);
    // The page cites the code in full once, or names the place.
    expect(ids('See D.C. Code § 2-1401.02; § 1-101 also applies.')).toEqual(['dc-2-1401.02', 'dc-1-101']);
    expect(ids('In the District of Columbia, § 1-101 applies.')).toEqual(['dc-1-101']);
  });

  it('read in full, the same sections are found by their headings too (the bundled packs’ way)', () => {
    const index = buildScanIndex(code);
    const ids = scanText(index, 'The Penalties section.', {}).map((m) => m.id);
    expect(ids).toContain('dc-1-101');
  });
});
