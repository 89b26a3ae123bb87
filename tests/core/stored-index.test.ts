/**
 * The stored index form (IndexedDB) and large packs' stubs: an index loaded from its stored form
 * answers exactly as the built one; one of another version, other entries or damaged is refused;
 * ranking over stubs (entries in brief) gives the same hits, scores and order as over whole
 * entries, so a browser may rank with stubs and read only the shown entries whole.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex, fromStoredIndex, lookup, toStoredIndex, type LookupResult } from '../../core/search/index';
import { slimEntry, stubEntry, isStub } from '../../core/pack/slim';
import { bundledEntries } from '../support/bundled';
import { syntheticEntries } from '../../scripts/commands/bench';
import { combineFingerprints, findId, runFingerprint, toColumns } from '../../core/pack/columns';
import { lazyEntries, segmentsAfter } from '../../core/pack/lazy-entries';
import { primeCaches } from '../../core/search/start-caches';

const bundledCount = bundledEntries().length;
const entries = [...bundledEntries(), ...syntheticEntries(2000)];
const built = buildIndex(entries);

const QUERIES = [
  'ICE hold',
  'seperation ordinance',
  '§ 19.30(a)(3)',
  '8 U.S.C. 1373',
  'immigration detainer',
  'City staff may ask about immigration status only when a program requires it.',
];

/** What a reader sees of a result: ids, scores, labels, in order (not the matched fields). */
const ranking = (r: LookupResult) => [...r.results, ...r.others].map((h) => [h.id, h.score, h.confidence, h.via, h.pinpoint]);

describe('stored index', () => {
  it('answers exactly as the index it was stored from, after a structured clone (as IndexedDB stores it)', () => {
    const loaded = fromStoredIndex(structuredClone(toStoredIndex(built)), entries);
    for (const q of QUERIES) expect(lookup(loaded, q, { limit: 8 }), q).toEqual(lookup(built, q, { limit: 8 }));
  });

  it('refuses an index of another version, of other entries, or with parts that do not fit', () => {
    const s = toStoredIndex(built);
    expect(() => fromStoredIndex({ ...s, version: s.version + 1 }, entries)).toThrow(/index version/);
    expect(() => fromStoredIndex(s, entries.slice(1))).toThrow(/other entries/);
    const swapped = [entries[1]!, entries[0]!, ...entries.slice(2)];
    expect(() => fromStoredIndex(s, swapped)).toThrow(/other entries/);
    expect(() => fromStoredIndex({ ...s, postBytes: s.postBytes.slice(0, 10) }, entries)).toThrow(/damaged/);
  });
});

describe('stubs', () => {
  const stubs = entries.map((e) => stubEntry(slimEntry(e)));
  const overStubs = fromStoredIndex(toStoredIndex(built), stubs);

  it('rank as whole entries do: same hits, scores, labels and order', () => {
    for (const q of QUERIES) expect(ranking(lookup(overStubs, q, { limit: 8 })), q).toEqual(ranking(lookup(built, q, { limit: 8 })));
  });

  it('carry no text, and say so', () => {
    expect(stubs.every(isStub)).toBe(true);
    expect(entries.some(isStub)).toBe(false);
    expect(stubs[0]!.points).toEqual([]);
    // What matched in a point is only found once the whole entry is in place.
    const q = 'City staff may ask about immigration status only when a program requires it.';
    const whole = lookup(built, q).results[0]!;
    const stub = lookup(overStubs, q).results[0]!;
    expect(stub.id).toBe(whole.id);
    expect(whole.matched.some((m) => m.field === 'point')).toBe(true);
    expect(stub.matched.some((m) => m.field === 'point')).toBe(false);
  });
});

describe('columns (a large pack as a worker start reads it)', () => {
  const columns = toColumns(entries.slice(bundledCount));
  const segments = segmentsAfter(bundledCount, [columns]);
  const lazy = lazyEntries(entries.slice(0, bundledCount), segments);
  const positions = new Map(entries.map((e, i) => [e.id, i]));
  const fingerprint = combineFingerprints([runFingerprint(entries.slice(0, bundledCount)), columns.fingerprint]);
  const loaded = fromStoredIndex(structuredClone(toStoredIndex(built, fingerprint)), lazy, fingerprint);
  primeCaches(loaded, bundledCount, segments, (id) => positions.get(id));

  it('rank as whole entries do, with the caches made from the columns', () => {
    const context = { title: 'Saint Paul city council', url: 'https://www.stpaul.gov/council', text: 'The Saint Paul council voted on the ordinance.' };
    for (const q of QUERIES) {
      expect(ranking(lookup(loaded, q, { limit: 8 })), q).toEqual(ranking(lookup(built, q, { limit: 8 })));
      expect(ranking(lookup(loaded, q, { limit: 8, context })), q).toEqual(ranking(lookup(built, q, { limit: 8, context })));
    }
  });

  it('give the caches the stages compute from whole entries', () => {
    for (const q of QUERIES) lookup(built, q, { context: { title: 'Minneapolis', url: 'https://example.org/2017/03/story', text: 'Minneapolis and Saint Paul' } });
    expect(loaded.cache.kinds).toEqual(built.cache.kinds);
    expect(loaded.cache.juris).toEqual(built.cache.juris);
    expect(loaded.cache.places).toEqual(built.cache.places);
    expect(built.cache.starts?.some((m) => m > 0)).toBe(true);
    expect(loaded.cache.starts).toEqual(built.cache.starts);
    for (const e of entries.slice(-50)) expect(loaded.cache.byId!.get(e.id)).toBe(positions.get(e.id));
  });

  it('fingerprint a pack as its whole entries would be', () => {
    expect(columns.fingerprint).toBe(runFingerprint(entries.slice(bundledCount)));
    expect(() => fromStoredIndex(toStoredIndex(built, fingerprint), lazy, combineFingerprints([columns.fingerprint]))).toThrow(/other entries/);
  });

  it('find entries by id and make each entry only when read', () => {
    expect(findId(columns, entries[bundledCount + 7]!.id)).toBe(7);
    expect(findId(columns, 'no-such-id')).toBe(-1);
    const e = lazy[bundledCount + 7]!;
    expect(isStub(e)).toBe(true);
    expect(lazy[bundledCount + 7]).toBe(e);
    expect(slimEntry(e)).toEqual(slimEntry(entries[bundledCount + 7]!));
    expect(lazy.length).toBe(entries.length);
  });
});
