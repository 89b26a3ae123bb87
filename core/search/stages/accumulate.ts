/**
 * Stage 4, accumulate: BM25F over the scored terms into the index's dense scratch arrays
 * (score, matched IDF, touched list). Only touched entries are read back later, so a lookup costs
 * what its terms' postings cost, not what the pack's size costs.
 */
import type { Scratch, SearchIndex } from '../build';
import type { ExpandedTerms } from './terms';

/**
 * Adds one term's postings: `f` × quantized weight to the score, `m` to the matched IDF (once
 * per query term when `stamp` marks entries already counted for it). Returns the new number of
 * touched entries. Kept small and monomorphic so the JIT keeps it unboxed.
 */
function addPostings(index: SearchIndex, t: number, f: number, m: number, stamp: number, nt: number): number {
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
    if (flags[id] === 0) {
      flags[id] = 1;
      touched[nt++] = id;
    }
    acc[id] = acc[id]! + f * wt;
    if (stamp === 0) accM[id] = accM[id]! + m;
    else if (seen[id] !== stamp) {
      seen[id] = stamp;
      accM[id] = accM[id]! + m;
    }
  }
  return nt;
}

/** Scores every scored term's postings; returns the number of touched entries. */
export function accumulateTerms(index: SearchIndex, terms: ExpandedTerms, passage: boolean, nt = 0): number {
  const sc = index.scratch;
  for (const qt of terms.scored) {
    const w = qt.idf * (passage ? 1 + Math.log(qt.qtf) : 1);
    const multi = qt.variants.length > 1;
    const stamp = multi ? (sc.stamp = (sc.stamp + 1) >>> 0 || 1) : 0;
    for (const v of qt.variants) nt = addPostings(index, v.t, (w * v.factor) / 255, qt.idf * v.factor, multi ? stamp : 0, nt);
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

/** Clears the accumulators of the touched entries without reading them (used after a context pass). */
export function clearTouched(sc: Scratch, nt: number): void {
  for (let i = 0; i < nt; i++) {
    const id = sc.touched[i]!;
    sc.score[id] = 0;
    sc.matched[id] = 0;
    sc.flags[id] = 0;
  }
}
