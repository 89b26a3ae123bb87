import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildIndex, loadIndex, lookup, serializeIndex } from '../../core/search/index';
import { decodeVarints, encodeVarints, fromBase64, toBase64 } from '../../core/search/codec';
import { fuzzyCandidates } from '../../core/search/fuzzy';
import { bundledEntries } from '../../scripts/commands/lookup';
import * as testPacks from '../support/bundled';
import { syntheticEntries } from '../../scripts/commands/bench';
import { miniContent } from '../support/mini-content';

const entries = testPacks.bundledEntries();
const built = buildIndex(entries);

const QUERIES = [
  'ICE hold',
  'staging',
  'staged',
  'seperation ordinance',
  '§ 19.30(a)(3)',
  '8 U.S.C. 1373',
  'snow emergency parking',
  'City staff may ask about immigration status only when a program requires it.',
  'Thousands of federal agents arrived in the Twin Cities and arrests in parking lots followed; the state went to court.',
];

describe('codec', () => {
  it('round-trips base64 for every length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70 }), (bytes) => {
        const s = toBase64(bytes);
        expect(s.length % 4).toBe(0);
        expect([...fromBase64(s)]).toEqual([...bytes]);
      }),
    );
  });
  it('round-trips varints up to 2^32 − 1', () => {
    const values = [0, 1, 127, 128, 300, 16383, 16384, 2 ** 21, 2 ** 28 + 5, 2 ** 32 - 1];
    expect([...decodeVarints(encodeVarints(values), values.length)]).toEqual(values);
  });
  it('rejects damaged data', () => {
    expect(() => fromBase64('ab$d')).toThrow();
    expect(() => decodeVarints(new Uint8Array([0x80]), 1)).toThrow();
  });
});

describe('prebuilt index', () => {
  it('answers exactly like the index it was serialized from', () => {
    const loaded = loadIndex(JSON.parse(JSON.stringify(serializeIndex(built))), entries);
    for (const q of QUERIES) expect(lookup(loaded, q), q).toEqual(lookup(built, q));
  });
  it('also loads from JSON text and works on a synthetic pack', () => {
    const syn = syntheticEntries(300, 3);
    const a = buildIndex(syn);
    const b = loadIndex(JSON.stringify(serializeIndex(a)), syn);
    for (const e of syn.slice(0, 20)) expect(lookup(b, e.title)).toEqual(lookup(a, e.title));
  });
  it('refuses an index built from other entries, another version or no index at all', () => {
    const data = serializeIndex(built);
    expect(() => loadIndex(data, entries.slice(1))).toThrow(/other entries/);
    expect(() => loadIndex(data, [...entries].reverse())).toThrow(/other entries/);
    expect(() => loadIndex({ ...data, version: 1 }, entries)).toThrow(/version/);
    expect(() => loadIndex({} as never, entries)).toThrow(/not an Ordinance Lens index/);
    expect(() => loadIndex({ ...data, postBytes: data.postBytes.slice(0, 40) }, entries)).toThrow();
  });
  it('never throws on lookups over an empty pack', () => {
    const empty = loadIndex(serializeIndex(buildIndex([])), []);
    expect(lookup(empty, 'ICE hold').results).toEqual([]);
    expect(lookup(empty, '§ 19.30').unknownCitations.length).toBe(1);
  });
});

describe('misspellings through fuse.js', () => {
  it('finds the pack word within one edit, or two from eight letters, swaps included', () => {
    expect(fuzzyCandidates(built, 'seperation').map((c) => c.word)).toContain('separation');
    expect(fuzzyCandidates(built, 'detianer').map((c) => c.word)).toContain('detainer');
    expect(fuzzyCandidates(built, 'sanctuery').map((c) => c.word)).toContain('sanctuary');
  });
  it('leaves short words, numbers and far-off words alone', () => {
    expect(fuzzyCandidates(built, 'ise')).toEqual([]);
    expect(fuzzyCandidates(built, 'taxes')).toEqual([]); // five letters: too many real words one edit apart
    expect(fuzzyCandidates(built, '19301')).toEqual([]);
    expect(fuzzyCandidates(built, 'xylophone')).toEqual([]);
  });
  it('marks fuzzy hits and names the misspelled word as matched', () => {
    const r = lookup(built, 'sanctuery city');
    expect(r.results[0]?.via).toBe('fuzzy');
    expect(r.results[0]?.matched.some((m) => m.terms.includes('sanctuery'))).toBe(true);
  });
});

describe('bundled packs', () => {
  it('fail clearly instead of half-loading when an entry is invalid', () => {
    const { dir, entryFile } = miniContent();
    try {
      expect(bundledEntries(dir).map((e) => e.id)).toEqual(['cfr-8-287.7', 'term-detainer']);
      const file = entryFile('term-detainer');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, ''));
      expect(() => bundledEntries(dir)).toThrow(/content\/ is invalid:\n.*minneapolis:\n.*title/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
