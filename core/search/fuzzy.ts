/**
 * Misspellings: the pack's own words within one or two edits. A word of the query that the index
 * does not know (6+ letters, no digits) is compared with the pack words that could be within
 * reach: same first letter, a length within the allowed number of edits, and no more letters
 * absent from one word or the other than edits allowed (a 26-bit letter mask per word, so this
 * pre-check is a few integer operations per word). Those few words are measured with a bounded
 * Damerau distance (1 edit up to 7 letters, 2 from 8), which also counts a swap of two letters as
 * one edit. The closest ones are used, at a reduced weight (0.85 for one edit, 0.7 for two).
 *
 * There is no fuse.js step here: scoring the reachable words with fuse.js before the distance
 * check gave identical candidates on every typo of `lens bench-fuzzy` and took longer (decision
 * 0002). fuse.js does the popup's as-you-type matching instead (core/typeahead/).
 */
import { boundedDistance } from '../text/distance';
import { stem } from '../text/tokenize';
import { findKey, letterMask, type SearchIndex } from './build';
import type { KeyList } from './keys';

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

function popcount(x: number): number {
  let n = 0;
  for (let v = x >>> 0; v; v &= v - 1) n++;
  return n;
}

/** Edits allowed for a query word: one up to seven letters, two from eight. */
export function editsAllowed(word: string): number {
  return word.length >= 8 ? 2 : 1;
}

/** Each word's letterMask, made on the first fuzzy match (not when the index loads). */
function wordMasks(words: KeyList): Uint32Array {
  const out = new Uint32Array(words.length);
  for (let i = 0; i < out.length; i++) out[i] = letterMask(words.at(i)!);
  return out;
}

/**
 * Pack words that could be within `editsAllowed(word)` of `word` (same first letter, length and
 * letter-mask pre-checks), or none when the word is too short, too long or not all letters.
 */
export function reachableWords(index: SearchIndex, word: string): string[] {
  if (word.length < MIN_LETTERS || word.length > 32 || !/^[a-z]+$/.test(word)) return [];
  const edits = editsAllowed(word);
  const words = index.words;
  const masks = (index.cache.wordMasks ??= wordMasks(words));
  const q = letterMask(word);
  const within: string[] = [];
  let i = findKey(words, word[0]!);
  if (i < 0) i = -i - 1;
  for (; i < words.length; i++) {
    const w = words.at(i)!;
    if (w.charCodeAt(0) !== word.charCodeAt(0)) break;
    if (Math.abs(w.length - word.length) > edits || w === word) continue;
    const m = masks[i]!;
    if (popcount(q & ~m) > edits || popcount(m & ~q) > edits) continue;
    within.push(w);
  }
  return within;
}

/** A pack word at `d` edits from the query word. */
export interface Near {
  word: string;
  d: number;
}

/**
 * The closest of `near` (the smallest distance only, in the order given) as stems the index
 * knows, at most `max`.
 */
export function closestCandidates(index: SearchIndex, near: readonly Near[], max: number): FuzzyCandidate[] {
  if (!near.length) return [];
  const minD = Math.min(...near.map((f) => f.d));
  const out: FuzzyCandidate[] = [];
  const seen = new Set<string>();
  for (const f of near) {
    if (f.d !== minD) continue;
    const term = stem(f.word);
    if (seen.has(term) || findKey(index.terms, term) < 0) continue;
    seen.add(term);
    out.push({ term, word: f.word, factor: minD === 1 ? 0.85 : 0.7 });
    if (out.length >= max) break;
  }
  return out;
}

/** Pack words close to `word` (a normalized surface word), best first, as stems to look up. */
export function fuzzyCandidates(index: SearchIndex, word: string, max = 5): FuzzyCandidate[] {
  const edits = editsAllowed(word);
  const near: Near[] = [];
  // reachableWords is in dictionary order, so ties at one distance come out alphabetically.
  for (const w of reachableWords(index, word)) {
    const d = boundedDistance(word, w, edits);
    if (d > 0 && d <= edits) near.push({ word: w, d });
  }
  return closestCandidates(index, near, max);
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
    const t = index.terms.at(i)!;
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
