/**
 * Misspellings: fuse.js over the pack's own words. A word of the query that the index does not
 * know (5+ letters, no digits) is looked up with fuse.js (Bitap, location ignored) in a small
 * bucket of the vocabulary: words with the same first letter and a length within the allowed
 * number of edits. Buckets are built on first use and kept, so a lookup scans a few dozen to a
 * few hundred short strings instead of the whole pack. Fuse's candidates are then checked with
 * a bounded Damerau distance (1 edit up to 7 letters, 2 from 8), which also admits a swap of
 * two letters as one edit; the closest ones are used, at a reduced weight (0.85 for one edit,
 * 0.7 for two).
 */
import Fuse from 'fuse.js';
import { boundedDistance } from '../text/distance';
import { stem } from '../text/tokenize';
import { findKey, type SearchIndex } from './build';

export interface FuzzyCandidate {
  /** The stem to look up. */
  term: string;
  /** The pack's word that matched. */
  word: string;
  factor: number;
}

const FUSE_OPTIONS = {
  includeScore: true,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  isCaseSensitive: true,
  shouldSort: true,
  findAllMatches: false,
  threshold: 0.5,
} as const;

function bucket(index: SearchIndex, first: string, len: number): Fuse<string> | undefined {
  const cache = (index.cache.fuzzy ??= new Map<string, unknown>()) as Map<string, Fuse<string> | null>;
  const key = first + len;
  const hit = cache.get(key);
  if (hit !== undefined) return hit ?? undefined;
  const words = index.words;
  let i = findKey(words, first);
  if (i < 0) i = -i - 1;
  const list: string[] = [];
  for (; i < words.length && words[i]!.charCodeAt(0) === first.charCodeAt(0); i++) if (words[i]!.length === len) list.push(words[i]!);
  const fuse = list.length ? new Fuse(list, FUSE_OPTIONS) : null;
  if (cache.size > 2000) cache.clear();
  cache.set(key, fuse);
  return fuse ?? undefined;
}

/** Pack words close to `word` (a normalized surface word), best first, as stems to look up. */
export function fuzzyCandidates(index: SearchIndex, word: string, max = 5): FuzzyCandidate[] {
  if (word.length < 5 || word.length > 32 || !/^[a-z]+$/.test(word)) return [];
  const edits = word.length >= 8 ? 2 : 1;
  // Bitap counts a swap of two letters as two errors; Damerau, below, as one.
  const threshold = Math.min(0.5, (2 * edits + 0.5) / word.length);
  const found: { word: string; d: number; score: number }[] = [];
  for (let len = word.length - edits; len <= word.length + edits; len++) {
    const fuse = bucket(index, word[0]!, len);
    if (!fuse) continue;
    for (const r of fuse.search(word, { limit: 12 })) {
      if ((r.score ?? 1) > threshold) continue;
      const d = boundedDistance(word, r.item, edits);
      if (d > 0 && d <= edits) found.push({ word: r.item, d, score: r.score ?? 1 });
    }
  }
  if (!found.length) return [];
  const minD = Math.min(...found.map((f) => f.d));
  const best = found.filter((f) => f.d === minD).sort((a, b) => a.score - b.score || (a.word < b.word ? -1 : 1));
  const out: FuzzyCandidate[] = [];
  const seen = new Set<string>();
  for (const f of best) {
    const term = stem(f.word);
    if (seen.has(term) || findKey(index.terms, term) < 0) continue;
    seen.add(term);
    out.push({ term, word: f.word, factor: minD === 1 ? 0.85 : 0.7 });
    if (out.length >= max) break;
  }
  return out;
}
