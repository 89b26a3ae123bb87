/** The text-version note beside the status and in the memo citation; the copy label of a source. */
import { describe, expect, it } from 'vitest';
import { citeUrl, formatCitation } from '../../../core/format/citation';
import { textVersionNote } from '../../../core/format/text-version';
import { entryToText } from '../../../core/format/entry-text';
import type { Entry } from '../../../core/schema/pack';

const tv = { describes: '2003 text', amended: '2025-12-11', amendedTextAvailable: false };
const entry = {
  id: 'mpls-19.30', kind: 'ordinance-section', jurisdiction: 'Minneapolis', title: 'Public safety services',
  citation: 'Minneapolis, Minn., Code of Ordinances § 19.30', summary: 'Police may not ask about status.', aliases: [], points: [], exceptions: [], dates: [],
  status: 'in-force', related: [], openQuestions: [], keywords: [],
  sources: [{ id: 's1', url: 'https://www.aclu.org/documents/minneapolis-mn-ordinance', publisher: 'City of Minneapolis, Code of Ordinances (2003 text)', via: 'aclu.org', type: 'primary' }],
  textVersion: tv,
} as Entry;

describe('textVersionNote', () => {
  it('says which text, when it was amended and that the amended text is missing', () => {
    expect(textVersionNote(tv)).toBe('2003 text; amended Dec. 11, 2025; amended text not available');
    expect(textVersionNote({ ...tv, what: 'Chapter 19' })).toBe('2003 text; Chapter 19 amended Dec. 11, 2025; amended text not available');
    expect(textVersionNote({ ...tv, amended: '2025-12', amendedTextAvailable: true })).toBe('2003 text; amended Dec. 2025');
    expect(textVersionNote(undefined)).toBeUndefined();
  });
});

describe('citations of an entry describing an older text', () => {
  const input = { entry, asOf: '2026-12-01', pinpoint: '(a)(1)' };

  it('memo and plain styles carry the note before the as-of date; the short cite stays short', () => {
    expect(formatCitation('memo', input)).toBe(
      'Minneapolis, Minn., Code of Ordinances § 19.30(a)(1) (Public safety services) (2003 text; amended Dec. 11, 2025; amended text not available) (current as of Dec. 1, 2026), https://www.aclu.org/documents/minneapolis-mn-ordinance',
    );
    expect(formatCitation('plain', input)).toBe(
      'Police may not ask about status. (Minneapolis, Minn., Code of Ordinances § 19.30(a)(1), 2003 text; amended Dec. 11, 2025; amended text not available, current as of Dec. 1, 2026)',
    );
    expect(formatCitation('short', input)).toBe('Minneapolis, Minn., Code of Ordinances § 19.30(a)(1)');
  });

  it('has no note for an entry without textVersion', () => {
    const { textVersion: _, ...current } = entry;
    expect(formatCitation('memo', { ...input, entry: current })).not.toMatch(/text not available/);
  });

  it('links a copy whose original address is known to the original', () => {
    const withOriginal = { ...entry, sources: [{ ...entry.sources[0]!, originalUrl: 'https://www.minneapolismn.gov/code/19.30' }] };
    expect(citeUrl(withOriginal)).toBe('https://www.minneapolismn.gov/code/19.30');
    expect(citeUrl(entry)).toBe('https://www.aclu.org/documents/minneapolis-mn-ordinance');
  });

  it('lens show prints the note beside the status and the copy beside its publisher', () => {
    const text = entryToText(entry, { asOf: '2026-12-01', title: 'x' });
    expect(text).toContain('status: in-force (2003 text; amended Dec. 11, 2025; amended text not available)');
    expect(text).toContain('City of Minneapolis, Code of Ordinances (2003 text) (copy at aclu.org)');
  });
});
