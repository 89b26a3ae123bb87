/**
 * The index as a browser database stores it: its typed arrays as they are (IndexedDB copies an
 * ArrayBuffer byte for byte) and each key list as one string, read in place once loaded
 * (core/search/keys.ts: never split). `serializeIndex` gives a JSON-safe form (base64 strings)
 * for storage that takes only JSON; decoding that is most of its load time (0.4 s for the D.C.
 * Code), while this form loads in the time it takes to find where each key ends. (The browser
 * database keeps the key lists as UTF-8 bytes: lib/storage/stored-index-bytes.ts.)
 *
 * Versioned with INDEX_VERSION: a stored index of another version, or built from other entries
 * (the fingerprint of their ids and titles), is refused and the caller builds a new one.
 */
import type { Entry } from '../schema/pack';
import { assemble, checkHeader, indexHeader, type IndexHeader, type SearchIndex } from './build';
import { JoinedKeys, joinKeys as join, keyEnds } from './keys';
import type { IndexShards } from './index-shards';

export interface StoredIndex extends IndexHeader {
  terms: string;
  df: Uint32Array;
  postStart: Uint32Array;
  postBytes: Uint8Array;
  phraseKeys: string;
  phraseStart: Uint32Array;
  phraseData: Uint32Array;
  maxPhraseLen: number;
  citeKeys: string;
  citeStart: Uint32Array;
  citeData: Uint32Array;
  words: string;
  /** Where each key of each list ends in its string (keys.ts: finding them at load took 18 ms). */
  ends: { terms: Uint32Array; phraseKeys: Uint32Array; citeKeys: Uint32Array; words: Uint32Array };
  jurisdictions: string[];
  homeJurisdiction: string;
  /** Shards not all read yet (index-shards.ts, split-index.ts): their arrays have zeros where those go, their key lists are empty. */
  gaps?: IndexShards;
}

/** `fingerprint`: of the entries, when the caller knows it without reading them (see indexHeader). */
export function toStoredIndex(index: SearchIndex, fingerprint?: string): StoredIndex {
  return {
    ...indexHeader(index, fingerprint),
    terms: join(index.terms),
    df: index.df,
    postStart: index.postStart,
    postBytes: index.postBytes,
    phraseKeys: join(index.phraseKeys),
    phraseStart: index.phraseStart,
    phraseData: index.phraseData,
    maxPhraseLen: index.maxPhraseLen,
    citeKeys: join(index.citeKeys),
    citeStart: index.citeStart,
    citeData: index.citeData,
    words: join(index.words),
    ends: { terms: keyEnds(index.terms), phraseKeys: keyEnds(index.phraseKeys), citeKeys: keyEnds(index.citeKeys), words: keyEnds(index.words) },
    jurisdictions: [...index.jurisdictions],
    homeJurisdiction: index.homeJurisdiction,
  };
}

/** Is `x` a stored index (as opposed to the JSON form)? */
export function isStoredIndex(x: unknown): x is StoredIndex {
  return typeof x === 'object' && x !== null && (x as StoredIndex).postBytes instanceof Uint8Array;
}

/**
 * The index for `entries` from its stored form. Throws a plain Error when it is of another
 * version, built from other entries, or its arrays do not fit together; callers then build.
 */
export function fromStoredIndex(s: StoredIndex, entries: readonly Entry[], fingerprint?: string): SearchIndex {
  checkHeader(s, entries, fingerprint);
  const terms = new JoinedKeys(s.terms, s.ends.terms);
  const phraseKeys = s.gaps?.phraseKeys ?? new JoinedKeys(s.phraseKeys, s.ends.phraseKeys);
  const citeKeys = s.gaps?.citeKeys ?? new JoinedKeys(s.citeKeys, s.ends.citeKeys);
  const words = new JoinedKeys(s.words, s.ends.words);
  const fits =
    [terms, phraseKeys, citeKeys, words].every((k) => !(k instanceof JoinedKeys) || k.fits()) &&
    s.df.length === terms.length &&
    s.postStart.length === terms.length + 1 &&
    s.postStart[terms.length] === s.postBytes.length &&
    s.phraseStart.length === phraseKeys.length + 1 &&
    s.phraseStart[phraseKeys.length] === s.phraseData.length &&
    s.citeStart.length === citeKeys.length + 1 &&
    s.citeStart[citeKeys.length] === s.citeData.length;
  if (!fits) throw new Error('the stored index is damaged (its parts do not fit together)');
  return assemble(entries, {
    terms,
    df: s.df,
    postStart: s.postStart,
    postBytes: s.postBytes,
    phraseKeys,
    phraseStart: s.phraseStart,
    phraseData: s.phraseData,
    maxPhraseLen: s.maxPhraseLen,
    citeKeys,
    citeStart: s.citeStart,
    citeData: s.citeData,
    words,
    jurisdictions: s.jurisdictions,
    homeJurisdiction: s.homeJurisdiction,
    ...(s.gaps && !s.gaps.complete ? { gaps: s.gaps } : {}),
  });
}
