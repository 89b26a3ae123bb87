/**
 * Candidate semantic signals for the measurement in scripts/measure-semantic.ts: each gives an
 * entry a similarity to the selection in [0, 1]-ish, to be fused with the engine's final score.
 * None of this is in the engine (docs/decisions/0009-semantic-signal.md says why).
 */
import { findKey, fieldTexts, type SearchIndex } from '../../../core/search/build';
import { idf } from '../../../core/search/stages/terms';
import { norm } from '../../../core/text/normalize';
import { scanWords, stem, STOPWORDS } from '../../../core/text/tokenize';
import type { Entry } from '../../../core/schema/pack';
import { DIMS, type VectorTable } from './vector-table';
import type { WordNet } from './wordnet';

/** Content words of a text as the vector table spells them (lower case, no possessive 's). */
export function vectorWords(text: string): string[] {
  const out: string[] = [];
  scanWords(norm(text), (w) => {
    if (STOPWORDS.has(w) || /^\d+$/.test(w)) return;
    out.push(w.endsWith("'s") ? w.slice(0, -2) : w);
  });
  return out;
}

/** Pack IDF of a word (the engine's formula); a word the pack lacks gets the highest IDF. */
export function packIdf(index: SearchIndex, word: string): number {
  const t = findKey(index.terms, stem(word));
  return idf(index, t >= 0 ? index.df[t]! : 0);
}

export type Weighting = 'idf' | 'sif';

/** Smooth inverse frequency (Arora et al. 2017): a / (a + p(w)), p from the word's frequency rank (Zipf). */
function sifWeight(t: VectorTable, word: string): number {
  const p = 1 / ((t.rank.get(word)! + 1) * (Math.log(t.sourceSize) + 0.5772));
  return 1e-3 / (1e-3 + p);
}

/** Weighted average of the words' vectors, unit length; null when no word has a vector. */
export function textVector(words: string[], t: VectorTable, weight: (w: string) => number): Float32Array | null {
  const v = new Float32Array(DIMS);
  let any = false;
  for (const w of words) {
    const x = t.vec.get(w);
    if (!x) continue;
    const k = weight(w);
    for (let d = 0; d < DIMS; d++) v[d]! += k * x[d]!;
    any = true;
  }
  return any ? unit(v) : null;
}

export function weightFn(kind: Weighting, index: SearchIndex, t: VectorTable): (w: string) => number {
  return kind === 'idf' ? (w) => packIdf(index, w) : (w) => sifWeight(t, w);
}

export function unit(v: Float32Array): Float32Array {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n) || 1;
  return v.map((x) => x / n);
}

export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let d = 0; d < DIMS; d++) s += a[d]! * b[d]!;
  return s;
}

/** The words an entry is compared on: title, summary and points (as the brief for item 6 says). */
export function entryWords(e: Entry): string[] {
  return vectorWords([e.title, e.summary, ...e.points.map((p) => p.text)].join(' \n '));
}

/** Mean of the entry vectors (the "common component" removed from every vector in the -cc settings). */
export function meanVector(vs: Iterable<Float32Array>): Float32Array {
  const m = new Float32Array(DIMS);
  let n = 0;
  for (const v of vs) {
    for (let d = 0; d < DIMS; d++) m[d]! += v[d]!;
    n++;
  }
  return m.map((x) => x / (n || 1));
}

export function minus(a: Float32Array, b: Float32Array | null): Float32Array {
  return b ? unit(a.map((x, d) => x - b[d]!)) : a;
}

/**
 * Soft word matching: each query word's best cosine to any word of the entry, averaged with the
 * query words' pack IDF as weights (a cheap relative of word mover's distance).
 */
export function softMatch(qWords: string[], eWords: Set<string>, t: VectorTable, weight: (w: string) => number, unitVec: (w: string) => Float32Array | undefined): number {
  let num = 0;
  let den = 0;
  for (const q of new Set(qWords)) {
    const qv = unitVec(q);
    if (!qv) continue;
    let best = 0;
    for (const w of eWords) {
      if (w === q) {
        best = 1;
        break;
      }
      const ev = unitVec(w);
      if (ev) best = Math.max(best, dot(qv, ev));
    }
    const k = weight(q);
    num += k * best;
    den += k;
  }
  return den ? num / den : 0;
}

/** Stems of every field of an entry (what the engine indexes). */
export function entryStems(e: Entry): Set<string> {
  const out = new Set<string>();
  for (const [, text] of fieldTexts(e)) scanWords(norm(text), (w) => void (!STOPWORDS.has(w) && out.add(stem(w))));
  return out;
}

/** Pack stems a query word the pack lacks stands for, with a factor in (0, 1]. */
export type Expander = (word: string) => { stem: string; factor: number }[];

/** WordNet synonyms (first `senses` senses) that the pack knows. */
export function wordnetExpander(index: SearchIndex, wn: WordNet, senses: number): Expander {
  return (word) =>
    wn
      .synonyms(word, senses)
      .map((s) => stem(norm(s)))
      .filter((s, i, all) => findKey(index.terms, s) >= 0 && all.indexOf(s) === i)
      .map((s) => ({ stem: s, factor: 1 }));
}

/** Pack words whose vector is within `minCos` of the word's (nearest-neighbour expansion, kept to the pack's vocabulary). */
export function neighbourExpander(packVecs: Map<string, Float32Array>, unitVec: (w: string) => Float32Array | undefined, minCos: number): Expander {
  return (word) => {
    const v = unitVec(word);
    if (!v) return [];
    const out = new Map<string, number>();
    for (const [w, pv] of packVecs) {
      const c = dot(v, pv);
      if (c >= minCos && w !== word) out.set(stem(w), Math.max(out.get(stem(w)) ?? 0, c));
    }
    return [...out].map(([s, factor]) => ({ stem: s, factor }));
  };
}

/**
 * Expansion score of an entry: IDF of the pack stems the query's unknown words expand to that the
 * entry carries, over the IDF of all the query's words.
 */
export function expansionScore(index: SearchIndex, qWords: string[], stems: Set<string>, expand: Expander, cache: Map<string, { stem: string; factor: number }[]>): number {
  let num = 0;
  let den = 0;
  for (const w of new Set(qWords)) {
    den += packIdf(index, w);
    if (findKey(index.terms, stem(w)) >= 0) continue;
    if (!cache.has(w)) cache.set(w, expand(w));
    for (const x of cache.get(w)!) if (stems.has(x.stem)) num += x.factor * idf(index, index.df[findKey(index.terms, x.stem)]!);
  }
  return den ? num / den : 0;
}

/** Mean and 10th-percentile cosine over all pairs of vectors: how far apart the entries of a pack sit. */
export function pairwiseCosines(vs: Float32Array[]): { mean: number; p10: number } {
  const all: number[] = [];
  for (let i = 0; i < vs.length; i++) for (let j = i + 1; j < vs.length; j++) all.push(dot(vs[i]!, vs[j]!));
  all.sort((a, b) => a - b);
  return { mean: all.reduce((s, x) => s + x, 0) / (all.length || 1), p10: all[Math.floor(all.length / 10)] ?? 0 };
}
