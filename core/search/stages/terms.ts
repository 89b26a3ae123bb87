/**
 * Stage 3, term expansion: each content word of the selection becomes a query term with the pack
 * terms it stands for: itself when the pack knows it, else forms that share its stem's start
 * (certifying → certification) and, for short selections, misspelling candidates (fuse.js,
 * core/search/fuzzy.ts). A passage keeps its strongest terms.
 */
import { originalSpan } from '../../text/normalize';
import { findKey, type SearchIndex } from '../build';
import { fuzzyCandidates, prefixCandidates } from '../fuzzy';
import { RANKING } from '../ranking';
import type { ParsedQuery } from './parse';

export interface Variant {
  term: string;
  /** Index into index.terms. */
  t: number;
  factor: number;
}

export interface QueryTerm {
  term: string;
  /** Normalized surface (for fuzzy matching). */
  word: string;
  surfaces: Set<string>;
  /** Terms actually looked up (the term itself or typo candidates) with a factor. */
  variants: Variant[];
  idf: number;
  qtf: number;
  /** Bit g set when pack g holds one of `variants`: known to that pack (set by core/search/pack-groups.ts `markPacks`). */
  packs: number;
  /** IDF per pack, as that pack alone would compute it (set by `markPacks`; coverage is read from it). */
  idfIn: number[];
  /** Bit g set when the term is scored / a key term for pack g (a passage keeps each pack's strongest; set by `markPacks`). */
  scoredIn: number;
  keyIn: number;
}

export interface ExpandedTerms {
  /** Every distinct query term, in first-seen order. */
  all: QueryTerm[];
  /** The terms scored: all of them, or a passage's strongest. */
  scored: QueryTerm[];
  /** Query terms in selection order (one per content word), for phrase matching. */
  sequence: QueryTerm[];
  /** Number of distinct words the pack has never seen. */
  unknownWords: number;
  /** Some word was matched through a misspelling or prefix candidate. */
  fuzzy: boolean;
  /** Sum of IDF over all query terms. */
  totalIdf: number;
}

export function idf(index: SearchIndex, df: number): number {
  const n = index.entries.length;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

export function expandTerms(index: SearchIndex, q: ParsedQuery): ExpandedTerms {
  const byTerm = new Map<string, QueryTerm>();
  for (const t of q.words) {
    let qt = byTerm.get(t.term);
    if (!qt) byTerm.set(t.term, (qt = { term: t.term, word: t.surface, surfaces: new Set(), variants: [], idf: 0, qtf: 0, packs: 0, idfIn: [], scoredIn: 0, keyIn: 0 }));
    qt.qtf++;
    if (qt.surfaces.size < 8) qt.surfaces.add(originalSpan(q.source, q.n, t.start, t.end));
  }
  const maxIdf = idf(index, 0);
  let fuzzy = false;
  for (const qt of byTerm.values()) {
    const ti = findKey(index.terms, qt.term);
    if (ti >= 0) {
      qt.variants.push({ term: qt.term, t: ti, factor: 1 });
      qt.idf = idf(index, index.df[ti]!);
      continue;
    }
    for (const c of prefixCandidates(index, qt.term)) {
      qt.variants.push({ term: c.term, t: findKey(index.terms, c.term), factor: c.factor });
      fuzzy = true;
    }
    if (!q.passage) {
      for (const c of fuzzyCandidates(index, qt.word)) {
        const ci = findKey(index.terms, c.term);
        if (ci < 0) continue;
        const same = qt.variants.find((v) => v.t === ci);
        if (same) same.factor = Math.max(same.factor, c.factor);
        else qt.variants.push({ term: c.term, t: ci, factor: c.factor });
        fuzzy = true;
      }
    }
    qt.variants.sort((a, b) => b.factor - a.factor);
    qt.idf = qt.variants[0] ? idf(index, index.df[qt.variants[0].t]!) : maxIdf;
  }
  const all = [...byTerm.values()];
  const strength = (t: QueryTerm) => t.idf * (1 + Math.log(t.qtf));
  const scored = q.passage
    ? all
        .filter((t) => t.variants.length)
        .sort((a, b) => strength(b) - strength(a))
        .slice(0, RANKING.terms.passageTerms)
    : all;
  return {
    all,
    scored,
    sequence: q.words.map((t) => byTerm.get(t.term)!),
    unknownWords: all.filter((t) => !t.variants.length).length,
    fuzzy,
    totalIdf: all.reduce((s, t) => s + t.idf, 0) || 1,
  };
}
