/**
 * Stage 4, accumulate: BM25F over the scored terms into the index's dense scratch arrays
 * (score, matched IDF, touched list). Only touched entries are read back later, so a lookup costs
 * what its terms' postings cost, not what the pack's size costs.
 */
import type { Scratch, SearchIndex } from '../build';
import type { ExpandedTerms } from './terms';

/**
 * Adds one term's postings: `f[pack]` × quantized weight to the score, `m[pack]` to the matched
 * IDF (`of`: each entry's pack, core/search/pack-groups.ts; ungrouped, pack 0) once per query term
 * when `stamp` marks entries already counted for it; entries of a pack the term is not scored for
 * (f 0) are passed over. Returns the new number of touched entries. Kept small and monomorphic so
 * the JIT keeps it unboxed.
 */
function addPostings(index: SearchIndex, t: number, f: Float64Array, m: Float64Array, of: Uint8Array | undefined, stamp: number, nt: number): number {
  if (index.gaps?.missing(t)) return nt; // not read yet: this lookup is made again once it is
  const { score: acc, matched: accM, seen, flags, touched } = index.scratch;
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
    const wt = bytes[p++]!;
    const g = of ? of[id]! : 0;
    const fi = f[g]!;
    if (fi === 0) continue;
    if (flags[id] === 0) {
      flags[id] = 1;
      touched[nt++] = id;
    }
    acc[id] = acc[id]! + fi * wt;
    if (stamp === 0) accM[id] = accM[id]! + m[g]!;
    else if (seen[id] !== stamp) {
      seen[id] = stamp;
      accM[id] = accM[id]! + m[g]!;
    }
  }
  return nt;
}

/**
 * Scores every scored term's postings; returns the number of touched entries. The score weighs
 * words by their IDF over every pack (scores stay comparable across packs); the matched IDF, which
 * coverage is read from, by the IDF of the entry's own pack, for the packs the term is scored in
 * (`idfIn`, `scoredIn`: core/search/pack-groups.ts `markPacks`; the context pass, which does not
 * mark them, scores every term for every pack alike).
 */
export function accumulateTerms(index: SearchIndex, terms: ExpandedTerms, passage: boolean, nt = 0): number {
  const sc = index.scratch;
  const of = index.cache.groups?.of;
  for (const qt of terms.scored) {
    const w = qt.idf * (passage ? 1 + Math.log(qt.qtf) : 1);
    const multi = qt.variants.length > 1;
    const stamp = multi ? (sc.stamp = (sc.stamp + 1) >>> 0 || 1) : 0;
    const perPack = of !== undefined && qt.idfIn.length > 1;
    const packs = perPack ? qt.idfIn.length : 1;
    const f = new Float64Array(packs);
    const m = new Float64Array(packs);
    for (const v of qt.variants) {
      for (let g = 0; g < packs; g++) {
        const scored = !perPack || qt.scoredIn & (1 << g);
        f[g] = scored ? (w * v.factor) / 255 : 0;
        m[g] = scored ? (perPack ? qt.idfIn[g]! : qt.idf) * v.factor : 0;
      }
      nt = addPostings(index, v.t, f, m, perPack ? of : undefined, multi ? stamp : 0, nt);
    }
  }
  return nt;
}

/** Best text score among the touched entries. */
export function bestTouchedScore(sc: Scratch, nt: number): number {
  let top = 0;
  for (let i = 0; i < nt; i++) {
    const v = sc.score[sc.touched[i]!]!;
    if (v > top) top = v;
  }
  return top;
}

/** Marks an entry touched (with extra flag bits) so it is read back as a candidate. */
export function touch(sc: Scratch, nt: number, id: number, flag: number): number {
  if (sc.flags[id] === 0) sc.touched[nt++] = id;
  sc.flags[id]! |= 1 | flag;
  return nt;
}
