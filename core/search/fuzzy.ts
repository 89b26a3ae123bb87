/**
 * Misspellings: fuse.js over the pack's own words. A word of the query that the index does not
 * know (6+ letters, no digits) is matched with fuse.js (Bitap, location ignored) against the
 * pack words that could be within reach: same first letter, a length within the allowed number
 * of edits, and no more letters absent from one word or the other than edits allowed (a 26-bit
 * letter mask per word, so this pre-check is a few integer operations per word). Fuse scores
 * those few candidates; its matches are then checked with a bounded Damerau distance (1 edit up
 * to 7 letters, 2 from 8), which also counts a swap of two letters as one edit. The closest ones
 * are used, at a reduced weight (0.85 for one edit, 0.7 for two).
 */
import Fuse from 'fuse.js';
import { boundedDistance } from '../text/distance';
import { stem } from '../text/tokenize';
import { findKey, letterMask, type SearchIndex } from './build';

export interface FuzzyCandidate {
  /** The stem to look up. */
  term: string;
  /** The pack's word that matched. */
  word: string;
  factor: number;
}

/**
 * Shortest word corrected. At five letters one edit away from a pack word is too often another
 * English word ("taxes" → "takes", "lanes" → "lines"), so corrections start at six.
 */
const MIN_LETTERS = 6;

const FUSE_OPTIONS = {
  includeScore: true,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  isCaseSensitive: true,
  shouldSort: true,
  threshold: 0.5,
} as const;

function popcount(x: number): number {
  let n = 0;
  for (let v = x >>> 0; v; v &= v - 1) n++;
  return n;
}

/** Pack words close to `word` (a normalized surface word), best first, as stems to look up. */
export function fuzzyCandidates(index: SearchIndex, word: string, max = 5): FuzzyCandidate[] {
  if (word.length < MIN_LETTERS || word.length > 32 || !/^[a-z]+$/.test(word)) return [];
  const edits = word.length >= 8 ? 2 : 1;
  const words = index.words;
  const masks = (index.cache.wordMasks ??= Uint32Array.from(words, letterMask));
  const q = letterMask(word);
  const within: string[] = [];
  let i = findKey(words, word[0]!);
  if (i < 0) i = -i - 1;
  for (; i < words.length && words[i]!.charCodeAt(0) === word.charCodeAt(0); i++) {
    const w = words[i]!;
    if (Math.abs(w.length - word.length) > edits || w === word) continue;
    const m = masks[i]!;
    if (popcount(q & ~m) > edits || popcount(m & ~q) > edits) continue;
    within.push(w);
  }
  if (!within.length) return [];
  // Bitap counts a swap of two letters as two errors; Damerau, below, as one.
  const threshold = Math.min(0.5, (2 * edits + 0.5) / word.length);
  const found: { word: string; d: number; score: number }[] = [];
  for (const r of new Fuse(within, FUSE_OPTIONS).search(word, { limit: 24 })) {
    if ((r.score ?? 1) > threshold) continue;
    const d = boundedDistance(word, r.item, edits);
    if (d > 0 && d <= edits) found.push({ word: r.item, d, score: r.score ?? 1 });
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

/**
 * Other forms of a word the stemmer did not bring together ("certifying" → certifi, while the
 * pack has "certification" → certif; "councilmembers" → council…): pack terms that are a prefix
 * of the query's stem, or that extend it by at most three letters, sharing at least five letters.
 * The longest shared beginnings come first.
 */
export function prefixCandidates(index: SearchIndex, term: string, max = 3): FuzzyCandidate[] {
  if (term.length < 5 || !/^[a-z]+$/.test(term)) return [];
  const out: FuzzyCandidate[] = [];
  // Pack terms that extend the stem.
  let i = findKey(index.terms, term);
  if (i < 0) i = -i - 1;
  for (; i < index.terms.length && out.length < max; i++) {
    const t = index.terms[i]!;
    if (!t.startsWith(term)) break;
    if (t.length <= term.length + 3 && t !== term) out.push({ term: t, word: t, factor: 0.8 });
  }
  // Pack terms the stem extends, longest first.
  for (let len = term.length - 1; len >= 5 && out.length < max; len--) {
    const p = term.slice(0, len);
    if (findKey(index.terms, p) >= 0) out.push({ term: p, word: p, factor: 0.8 });
  }
  return out;
}
