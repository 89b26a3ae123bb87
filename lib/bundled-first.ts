/**
 * Bundled entries win ties with imported ones. An imported pack may copy a bundled entry's
 * citation, title and aliases; the engine then scores the copy exactly as the original, and which
 * comes first would depend on index order. The bundled entry was checked by us; the copy was not,
 * so on an equal score the bundled one is shown first (a stable reorder of equal-score runs).
 */
import type { LookupHit } from '../core/search/types';

export function bundledFirstOnTies(hits: LookupHit[], isImported: (id: string) => boolean): LookupHit[] {
  const out = [...hits];
  // Insertion sort within equal-score runs: a bundled hit moves above imported hits of the same score.
  for (let i = 1; i < out.length; i++) {
    const hit = out[i]!;
    if (isImported(hit.id)) continue;
    let j = i;
    while (j > 0 && out[j - 1]!.score === hit.score && isImported(out[j - 1]!.id)) {
      out[j] = out[j - 1]!;
      j--;
    }
    out[j] = hit;
  }
  return out;
}
