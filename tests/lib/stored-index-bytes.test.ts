/**
 * The stored index as IndexedDB keeps it since INDEX_VERSION 5: key lists as UTF-8 bytes with
 * their ends (lib/storage/stored-index-bytes.ts), read in place once loaded (core/search/keys.ts).
 * It must answer exactly as the index it was stored from, on the bundled packs alone and with a
 * synthetic pack beside them, and a record of the form before (key lists as strings, version 4)
 * must be refused (then rebuilt), not crash.
 */
import { describe, expect, it } from 'vitest';
import { buildIndex, fromStoredIndex, lookup, toStoredIndex, type LookupResult, type PageContext, type SearchIndex } from '../../core/search/index';
import type { IndexShards } from '../../core/search/index-shards';
import { findKey, keyArray } from '../../core/search/keys';
import type { Entry } from '../../core/schema/pack';
import { fromIndexBytes, fromShardBytes, toIndexBytes, type StoredIndexBytes, type StoredShard } from '../../lib/storage/stored-index-bytes';
import { bundledEntries } from '../support/bundled';
import { syntheticEntries } from '../../scripts/commands/bench';

const QUERIES = [
  'ICE hold',
  'seperation ordinance',
  'sanctuery city',
  '§ 19.30(a)(3)',
  '8 U.S.C. 1373',
  '8 USC § 1357(g)',
  '287(g) agreement',
  'One Minneapolis',
  'immigration detainer',
  'immigration detainers',
  'certifying u visa',
  'councilmembers',
  'City staff may ask about immigration status only when a program requires it.',
  'The council adopted a "welcoming city" resolution and the police may not hold anyone on an ICE detainer.',
];

/** Through the records and a structured clone, as the browser database stores and reads it; `all`: every posting shard read. */
function throughDatabase(built: SearchIndex, entries: readonly Entry[], all = true): { index: SearchIndex; shards: StoredShard[]; gaps: IndexShards } {
  const { head, shards } = structuredClone(toIndexBytes(toStoredIndex(built), 512));
  const stored = fromIndexBytes(head);
  const gaps = stored.gaps!;
  if (all) shards.forEach((b, s) => gaps.fill(s, fromShardBytes(b)));
  return { index: fromStoredIndex(stored, entries), shards, gaps };
}

/** As lib/index-shard-reads.ts looks up: the query's shards first, then those a lookup noted missing, until it notes none. */
function lookupFilled(p: ReturnType<typeof throughDatabase>, q: string, context?: PageContext): { result: LookupResult; rounds: number } {
  const fill = (shards: number[]) => shards.forEach((s) => p.gaps.fill(s, fromShardBytes(p.shards[s]!)));
  fill(p.gaps.predict(q));
  for (let rounds = 1; ; rounds++) {
    const result = lookup(p.index, q, { limit: 8, explain: true, ...(context ? { context } : {}) });
    const wanted = p.gaps.takeWanted();
    if (!wanted.length) return { result, rounds };
    fill(wanted);
  }
}

const LISTS = ['terms', 'phraseKeys', 'citeKeys', 'words'] as const;

describe.each([
  ['the bundled packs', () => bundledEntries()],
  ['the bundled packs and a synthetic pack', () => [...bundledEntries(), ...syntheticEntries(3000)]],
])('the stored index of %s, through its bytes', (_, make) => {
  const entries = make();
  const built = buildIndex(entries);
  const loaded = throughDatabase(built, entries).index;
  const CONTEXT: PageContext = { title: 'Saint Paul city council', url: 'https://www.stpaul.gov/2019/04/council', text: 'The Saint Paul council voted on an ICE detainer.' };

  it('with its postings read on demand, answers every query exactly as the built index (signals too)', () => {
    const partial = throughDatabase(built, entries, false);
    expect(partial.gaps.layout.postings.length, 'the postings are split').toBeGreaterThan(3);
    expect(partial.gaps.layout.phraseFirst.length, 'the phrases are split').toBeGreaterThan(2);
    expect(partial.gaps.layout.citeFirst.length, 'the citations are split').toBeGreaterThan(2);
    const rounds: number[] = [];
    for (const q of QUERIES) {
      for (const context of [undefined, CONTEXT]) {
        const got = lookupFilled(partial, q, context);
        rounds.push(got.rounds);
        expect(got.result, q).toEqual(lookup(built, q, { limit: 8, explain: true, ...(context ? { context } : {}) }));
      }
    }
    // The query's own shards are read first: most lookups are made once.
    expect(rounds.filter((r) => r === 1).length).toBeGreaterThan(rounds.length / 2);
  });

  it('answers every query exactly as the built index (hits, scores, what matched)', () => {
    for (const q of QUERIES) {
      expect(lookup(loaded, q, { limit: 8 }), q).toEqual(lookup(built, q, { limit: 8 }));
      expect(lookup(loaded, q, { limit: 8, context: { title: 'Saint Paul city council', url: 'https://www.stpaul.gov/2019/04/council', text: 'The Saint Paul council voted.' } }), q).toEqual(
        lookup(built, q, { limit: 8, context: { title: 'Saint Paul city council', url: 'https://www.stpaul.gov/2019/04/council', text: 'The Saint Paul council voted.' } }),
      );
    }
  });

  it('holds the same keys, found at the same places', () => {
    for (const list of LISTS) {
      const keys = built[list] as readonly string[];
      expect(keyArray(loaded[list]), list).toEqual(keys);
      expect(loaded[list].at(keys.length)).toBeUndefined();
      for (let i = 0; i < keys.length; i += 7) {
        expect(findKey(loaded[list], keys[i]!)).toBe(i);
        const probe = keys[i]! + '!';
        expect(findKey(loaded[list], probe)).toBe(findKey(keys, probe));
      }
    }
  });

  it('is smaller than its key lists as strings, and stored again as it was read', () => {
    const stored = toStoredIndex(built);
    const { head: bytes, shards } = toIndexBytes(stored);
    for (const list of ['terms', 'words'] as const) expect(bytes[list].length).toBeLessThanOrEqual(2 * stored[list].length);
    expect(shards.reduce((n, b) => n + ('bytes' in b ? b.bytes.length : 0), 0), 'every posting in a shard').toBe(stored.postBytes.length);
    expect(shards.reduce((n, b) => n + ('data' in b ? b.data.length : 0), 0), 'every phrase and citation ref in a shard').toBe(stored.phraseData.length + stored.citeData.length);
    // The same records as the database would hold them.
    const again = toIndexBytes(toStoredIndex(loaded));
    const same = (a: unknown, b: unknown): boolean =>
      ArrayBuffer.isView(a) && ArrayBuffer.isView(b) ? Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0 : JSON.stringify(a) === JSON.stringify(b);
    for (const [k, v] of Object.entries(bytes)) {
      if (k === 'ends') for (const list of LISTS) expect(same(again.head.ends[list], bytes.ends[list]), `ends.${list}`).toBe(true);
      else if (k === 'shards') for (const [part, b] of Object.entries(bytes.shards)) expect(same(again.head.shards[part as keyof typeof bytes.shards], b), part).toBe(true);
      else expect(same(again.head[k as keyof typeof again.head], v), k).toBe(true);
    }
    expect(again.shards.length).toBe(shards.length);
    again.shards.forEach((b, i) => expect(same(Object.values(b)[0], Object.values(shards[i]!)[0]) && same(Object.values(b)[1], Object.values(shards[i]!)[1]), `shard ${i}`).toBe(true));
  });
});

describe('a record of an older stored form', () => {
  const entries = bundledEntries();
  const stored = toStoredIndex(buildIndex(entries));

  it('(key lists as strings, INDEX_VERSION 4) is refused, so the caller rebuilds, not crashes', () => {
    const { ends: _ends, ...rest } = stored;
    const old = { ...rest, version: 4 } as unknown as StoredIndexBytes;
    const read = fromIndexBytes(structuredClone(old));
    expect(() => fromStoredIndex(read, entries)).toThrow(/index version 4/);
  });

  it('(postings, phrases and citations inside, INDEX_VERSION 5) is refused, so the caller rebuilds', () => {
    const enc = new TextEncoder();
    const v5 = { ...stored, version: 5, terms: enc.encode(stored.terms), phraseKeys: enc.encode(stored.phraseKeys), citeKeys: enc.encode(stored.citeKeys), words: enc.encode(stored.words) };
    const read = fromIndexBytes(structuredClone(v5) as unknown as StoredIndexBytes);
    expect(() => fromStoredIndex(read, entries)).toThrow(/index version 5/);
  });

  it('with key ends that do not fit its text is refused as damaged', () => {
    const bytes = toIndexBytes(stored).head;
    const broken = { ...bytes, ends: { ...bytes.ends, terms: bytes.ends.terms.map((e) => e + 1) } };
    expect(() => fromStoredIndex(fromIndexBytes(broken), entries)).toThrow(/damaged/);
  });

  it('with a shard that does not fit where it goes is refused as damaged (the packs are then read whole)', () => {
    const { head, shards } = toIndexBytes(stored, 2048);
    const gaps = fromIndexBytes(head).gaps!;
    const post = shards.findIndex((b) => 'bytes' in b);
    const table = shards.findIndex((b) => 'keys' in b);
    expect(() => gaps.fill(post, { bytes: new Uint8Array(1) })).toThrow(/damaged/);
    const t = fromShardBytes(shards[table]!) as { keys: string; data: Uint32Array };
    expect(() => gaps.fill(table, { keys: t.keys + 'x', data: t.data })).toThrow(/damaged/);
    expect(() => gaps.fill(table, { keys: t.keys, data: t.data.slice(1) })).toThrow(/damaged/);
  });
});
