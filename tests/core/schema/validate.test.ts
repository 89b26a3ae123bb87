import { describe, expect, it } from 'vitest';
import { validatePackText, validatePackValue, MAX_PACK_BYTES } from '../../../core/schema/validate';
import { isRealDate } from '../../../core/schema/integrity';

/** A small valid pack; each case below breaks one thing. */
function goodPack() {
  return {
    id: 'sample',
    title: 'Sample',
    jurisdiction: 'Sample City',
    version: '1.0.0',
    asOf: '2026-02-13',
    schemaVersion: 1,
    changelog: [{ version: '1.0.0', date: '2026-02-13', changes: ['first'] }],
    entries: [
      {
        id: 'law',
        kind: 'ordinance-section',
        jurisdiction: 'Sample City',
        title: 'A law',
        summary: 'It says something.',
        status: 'in-force',
        points: [{ text: 'Rule.', confidence: 'primary', sources: ['s1'] }],
        sources: [{ id: 's1', url: 'https://example.org/law', publisher: 'City', type: 'primary' }],
      },
      {
        id: 'term-law',
        kind: 'term',
        jurisdiction: 'Sample City',
        title: 'law word',
        summary: 'A word.',
        status: 'term',
        related: ['law'],
        sources: [{ id: 's1', url: 'https://example.org/law', publisher: 'City', type: 'primary' }],
      },
    ],
  };
}
// Cases break the pack on purpose, so the mutator sees it loosely typed.
const withPack = (mutate: (p: any) => void) => {
  const p = goodPack() as any;
  mutate(p);
  return JSON.stringify(p);
};

describe('pack validator', () => {
  it('accepts a valid pack and applies defaults', () => {
    const r = validatePackText(JSON.stringify(goodPack()));
    expect(r.problems).toEqual([]);
    expect(r.ok && r.pack.entries[0]!.exceptions).toEqual([]);
  });

  const cases: [string, string, string][] = [
    ['empty file', '', 'file is empty'],
    ['whitespace file', '  \n ', 'file is empty'],
    ['malformed JSON', '{"id": "x",', 'not valid JSON'],
    ['a JSON array', '[]', 'a pack must be a JSON object'],
    ['wrong schemaVersion', withPack((p) => (p.schemaVersion = 99)), 'schemaVersion: unsupported schemaVersion 99'],
    ['missing schemaVersion', withPack((p) => delete p.schemaVersion), 'schemaVersion: missing schemaVersion'],
    ['unknown source id', withPack((p) => (p.entries[0]!.points[0]!.sources = ['s9'])), 'entries[0].points[0].sources[0]: unknown source id "s9"'],
    ['duplicate ids', withPack((p) => (p.entries[1]!.id = 'law')), 'entries[1].id: duplicate id "law"'],
    ['dangling related', withPack((p) => (p.entries[1]!.related = ['nope'])), 'entries[1].related[0]: unknown entry id "nope"'],
    ['term with no governing entry', withPack((p) => (p.entries[1]!.related = [])), 'entries[1].related: a term must link'],
    ['empty summary', withPack((p) => (p.entries[0]!.summary = '  ')), 'entries[0].summary: must not be empty'],
    ['impossible date', withPack((p) => (p.asOf = '2025-02-30')), 'asOf: not a calendar date "2025-02-30"'],
    ['badly formed date', withPack((p) => (p.asOf = 'Feb 2025')), 'asOf: expected a date'],
    ['point without confidence', withPack((p) => delete (p.entries[0]!.points[0] as any).confidence), 'entries[0].points[0].confidence:'],
    ['entry without sources', withPack((p) => (p.entries[0]!.sources = [])), 'entries[0].sources: needs at least one source'],
    ['source without a URL', withPack((p) => (p.entries[0]!.sources[0]!.url = 'not a url')), 'entries[0].sources[0].url:'],
    ['unknown kind', withPack((p) => ((p.entries[0] as any).kind = 'rumour')), 'entries[0].kind:'],
    ['primary point on a secondary source', withPack((p) => (p.entries[0]!.sources[0]!.type = 'secondary')), 'entries[0].points[0].confidence: marked primary'],
    ['no entries', withPack((p) => (p.entries = [])), 'entries: a pack needs at least one entry'],
  ];

  it.each(cases)('rejects %s with a path: reason line', (_name, text, expected) => {
    const r = validatePackText(text);
    expect(r.ok).toBe(false);
    const lines = r.problems.map((p) => (p.path ? `${p.path}: ${p.reason}` : p.reason));
    expect(lines.some((l) => l.startsWith(expected))).toBe(true);
  });

  it('refuses a file over the size limit before parsing it', () => {
    const r = validatePackText(' '.repeat(MAX_PACK_BYTES + 1));
    expect(r.ok).toBe(false);
    expect(r.problems[0]!.reason).toMatch(/too large/);
  });

  it('never throws on odd values', () => {
    for (const v of [null, 0, 'x', [], {}, { schemaVersion: 1 }, { schemaVersion: 1, entries: [null] }]) {
      expect(validatePackValue(v).ok).toBe(false);
    }
  });

  it('knows real calendar dates', () => {
    expect(['2024-02-29', '2025-12', '2003', '2026-01-31'].every(isRealDate)).toBe(true);
    expect(['2025-02-29', '2025-13', '2025-04-31', '0999'].some(isRealDate)).toBe(false);
  });
});
