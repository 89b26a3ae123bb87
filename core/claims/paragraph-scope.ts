/**
 * What the claims of one paragraph share while they are checked: each claim's terms (read once),
 * and for each point or exception that any claim is scored against, the positions of its terms
 * that some claim of the paragraph carries. The first claim to meet a point scans all its terms;
 * every later claim of the paragraph reads only those few positions. A 150-word paragraph has
 * about ten claims scored against many of the same entries (the engine's answer for the
 * paragraph is every claim's candidate list), so this turns ten full scans into one.
 */
import { claimTerms } from './terms';
import type { TermStats } from './term-stats';

export interface ParagraphScope {
  /** The terms of each claim of the paragraph, by claim text. */
  terms: Map<string, ReturnType<typeof claimTerms>>;
  /** 1 for the id of every term some claim of the paragraph carries. */
  union: Uint8Array;
  /** Item → the positions (into TermStats.itemIds) of its terms some claim carries. */
  overlaps: Map<number, Int32Array>;
}

export function paragraphScope(stats: TermStats, claimTexts: readonly string[]): ParagraphScope {
  const terms = new Map<string, ReturnType<typeof claimTerms>>();
  const union = new Uint8Array(stats.ids.size);
  for (const text of claimTexts) {
    if (terms.has(text)) continue;
    const t = claimTerms(text);
    terms.set(text, t);
    for (const term of t.terms) {
      const id = stats.ids.get(term);
      if (id !== undefined) union[id] = 1;
    }
  }
  return { terms, union, overlaps: new Map() };
}

/** Positions (into stats.itemIds) of the terms of `item` some claim of the paragraph carries (computed once per item). */
export function overlapOf(scope: ParagraphScope, stats: TermStats, item: number): Int32Array {
  let o = scope.overlaps.get(item);
  if (!o) {
    const at: number[] = [];
    for (let k = stats.itemStart[item]!; k < stats.itemStart[item + 1]!; k++) if (scope.union[stats.itemIds[k]!]) at.push(k);
    scope.overlaps.set(item, (o = Int32Array.from(at)));
  }
  return o;
}
