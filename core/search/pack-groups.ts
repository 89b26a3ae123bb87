/**
 * Which pack each entry of the index came from, so a word is "known" per pack.
 *
 * Why: the engine lowers the label of a selection with words the pack has never seen ("Distributed
 * by Public on 01/08/2026" has nothing to do with Minneapolis' policy). With a whole published
 * code loaded beside the bundled pack, nearly every English word is known to *some* pack, so
 * press-release lines and page furniture were answered from the bundled pack as Likely matches.
 * Knowing which packs hold each of the selection's words, an entry is rated as if its own pack
 * were searched alone: a word only the D.C. Code holds is unknown to a Minneapolis entry.
 *
 * Per pack: whether a word is known, its IDF in the matched share (coverage, which the labels
 * read) and, in a passage, which words are its strongest. The text score's weights stay global so
 * scores remain comparable across packs. With one pack (or no sizes given) nothing changes.
 */
import type { SearchIndex } from './build';
import type { ExpandedTerms, QueryTerm } from './stages/terms';
import { RANKING } from './ranking';

/** At most this many packs are told apart; later packs share the last group. */
const MAX_GROUPS = 31;

/**
 * Records the packs' sizes in index order (their entries are contiguous, as the lookup service
 * and the CLI lay them out). Ignored, and any earlier record dropped, unless the sizes add up to
 * the index's entries; words are known per pack only with two packs or more that have entries.
 */
export function setPackSizes(index: SearchIndex, sizes: readonly number[]): void {
  delete index.cache.groups;
  delete index.cache.packStarts;
  const total = sizes.reduce((s, n) => s + n, 0);
  if (total !== index.entries.length) return;
  // Where each pack's entries start (and the end): the "Search in" filter reads ranges, any number of packs.
  const starts = new Int32Array(sizes.length + 1);
  sizes.forEach((n, i) => (starts[i + 1] = starts[i]! + n));
  index.cache.packStarts = starts;
  if (sizes.filter((n) => n > 0).length < 2) return;
  const count = Math.min(sizes.length, MAX_GROUPS);
  const of = new Uint8Array(total);
  const groupSizes = new Array<number>(count).fill(0);
  let at = 0;
  sizes.forEach((n, i) => {
    const g = Math.min(i, count - 1);
    of.fill(g, at, at + n);
    groupSizes[g]! += n;
    at += n;
  });
  index.cache.groups = { of, count, sizes: groupSizes };
}

/** Number of groups (1 when the index is not grouped). */
export const groupCount = (index: SearchIndex): number => index.cache.groups?.count ?? 1;

/** Is entry `id` in one of the packs at `positions` (as given to setPackSizes)? Without sizes, every entry is. */
export function inPacks(index: SearchIndex, id: number, positions: readonly number[]): boolean {
  const starts = index.cache.packStarts;
  if (!starts) return true;
  return positions.some((p) => p >= 0 && p + 1 < starts.length && id >= starts[p]! && id < starts[p + 1]!);
}

/** The group (pack) of entry `id`: 0 when the index is not grouped. */
export const groupOfEntry = (index: SearchIndex, id: number): number => index.cache.groups?.of[id] ?? 0;

/** Entries of term `t` per group (walks its postings: ids only). */
function dfPerGroup(index: SearchIndex, t: number, of: Uint8Array, out: Uint32Array): void {
  out.fill(0);
  if (index.gaps?.missing(t)) return; // not read yet: this lookup is made again once it is
  const bytes = index.postBytes;
  let p = index.postStart[t]!;
  const end = index.postStart[t + 1]!;
  let id = -1;
  while (p < end) {
    let b = bytes[p++]!;
    let d = b & 127;
    for (let shift = 7; b & 128; shift += 7) {
      b = bytes[p++]!;
      d |= (b & 127) << shift;
    }
    id += d;
    p++; // the field weight
    out[of[id]!]!++;
  }
}

/** BM25's IDF for a collection of `n` entries, `df` of which hold the word. */
export const idfOf = (n: number, df: number): number => Math.log(1 + (n - df + 0.5) / (df + 0.5));

/**
 * Sets each term's `packs` (the groups holding one of its variants), `idfIn` (its IDF as each
 * group alone would compute it: from the first variant that group holds, else that of a word the
 * group has never seen) and `scoredIn` / `keyIn`: a passage keeps, for each pack, the strongest
 * terms that pack knows (else a pack of a whole code would choose them all). Ungrouped: one
 * group, the term's own IDF, the terms expandTerms chose. The context pass never needs it.
 */
export function markPacks(index: SearchIndex, terms: ExpandedTerms, passage: boolean): void {
  const groups = index.cache.groups;
  if (!groups) {
    const key = new Set(passage ? terms.scored.slice(0, RANKING.terms.keyTerms) : terms.scored);
    for (const qt of terms.all) {
      qt.packs = qt.variants.length ? 1 : 0;
      qt.idfIn = [qt.idf];
      qt.scoredIn = terms.scored.includes(qt) ? 1 : 0;
      qt.keyIn = key.has(qt) ? 1 : 0;
    }
    return;
  }
  const { of, count, sizes } = groups;
  const df = new Uint32Array(count);
  for (const qt of terms.all) {
    qt.packs = 0;
    qt.idfIn = sizes.map((n) => idfOf(n, 0));
    for (const v of qt.variants) {
      dfPerGroup(index, v.t, of, df);
      for (let g = 0; g < count; g++) {
        if (!df[g] || qt.packs & (1 << g)) continue;
        qt.packs |= 1 << g;
        qt.idfIn[g] = idfOf(sizes[g]!, df[g]!);
      }
    }
  }
  for (let g = 0; g < count; g++) choosePerPack(terms.all, g, passage);
  terms.scored = terms.all.filter((t) => t.scoredIn);
}

/** Marks pack `g`'s scored and key terms: every term (short selections), or the strongest it knows. */
function choosePerPack(all: readonly QueryTerm[], g: number, passage: boolean): void {
  const bit = 1 << g;
  const strength = (t: QueryTerm) => t.idfIn[g]! * (1 + Math.log(t.qtf));
  const scored = passage
    ? all
        .filter((t) => t.packs & bit)
        .sort((a, b) => strength(b) - strength(a))
        .slice(0, RANKING.terms.passageTerms)
    : all;
  scored.forEach((t, i) => {
    t.scoredIn |= bit;
    if (!passage || i < RANKING.terms.keyTerms) t.keyIn |= bit;
  });
}
