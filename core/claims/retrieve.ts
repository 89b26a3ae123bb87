/**
 * The items (points and exceptions) sharing the most weighted words with a claim: a dot product
 * over the pack's postings (term-stats.ts), best first, without sorting everything touched.
 */
import type { TermStats } from './term-stats';

/** Item → the claim's dot product so far: kept between calls, zeroed as it is read. */
let scratch = new Float64Array(0);
/** The items touched, in the order first touched (kept between calls: no array grows per claim). */
let touched = new Int32Array(0);

/**
 * The `k` items sharing the most weighted words with a claim, best first, as `{ item, dot }`.
 * Words carried by more than `maxShare` of all items are skipped here (they still count when the
 * candidates are scored): they would make every lookup walk most of the pack.
 */
export function retrieveItems(stats: TermStats, weights: ReadonlyMap<string, number>, k: number, maxShare = 0.005): { item: number; dot: number }[] {
  const limit = Math.max(40, stats.items * maxShare);
  const acc = scratch.length >= stats.items ? scratch : (scratch = new Float64Array(stats.items));
  if (touched.length < stats.items) touched = new Int32Array(stats.items);
  const { postStart, postItems } = stats;
  let n = 0;
  for (const [t, w] of weights) {
    const id = stats.ids.get(t);
    if (id === undefined) continue;
    const from = postStart[id]!;
    const to = postStart[id + 1]!;
    if (from === to || to - from > limit) continue;
    const ww = w * w;
    for (let p = from; p < to; p++) {
      const item = postItems[p]!;
      if (acc[item] === 0) touched[n++] = item;
      acc[item]! += ww;
    }
  }
  // Keep the k best: `low` is the slot of the weakest kept.
  const items: number[] = [];
  const dots: number[] = [];
  let low = 0;
  for (let i = 0; i < n; i++) {
    const item = touched[i]!;
    const dot = acc[item]!;
    acc[item] = 0;
    if (items.length < k) {
      items.push(item);
      dots.push(dot);
      if (dot < dots[low]!) low = dots.length - 1;
    } else if (dot > dots[low]!) {
      items[low] = item;
      dots[low] = dot;
      for (let j = 0; j < k; j++) if (dots[j]! < dots[low]!) low = j;
    }
  }
  return items.map((item, i) => ({ item, dot: dots[i]! })).sort((a, b) => b.dot - a.dot);
}
