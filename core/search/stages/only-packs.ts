/**
 * Stage 7b, only some packs (the popup's "Search in" filter): keeps the candidate slots whose
 * entry is in one of the packs asked for and drops the rest, so the hits, the answer line and the
 * headline are those of the packs searched. Labels were set with every pack present: a near-tie
 * with another pack's entry still reads as one.
 */
import type { Scratch, SearchIndex } from '../build';
import { inPacks } from '../pack-groups';

/** Slot fields moved together (scratch arrays indexed by slot, and the context factors). */
function moveSlot(sc: Scratch, factors: Float64Array, from: number, to: number): void {
  sc.touched[to] = sc.touched[from]!;
  sc.text[to] = sc.text[from]!;
  sc.cm[to] = sc.cm[from]!;
  sc.fl[to] = sc.fl[from]!;
  sc.final[to] = sc.final[from]!;
  sc.conf[to] = sc.conf[from]!;
  factors[to] = factors[from]!;
}

/** Keeps the slots of entries in `packs` (positions as given to setPackSizes); returns their number. */
export function keepPacks(index: SearchIndex, nt: number, packs: readonly number[], factors: Float64Array): number {
  let kept = 0;
  for (let i = 0; i < nt; i++) {
    if (!inPacks(index, index.scratch.touched[i]!, packs)) continue;
    if (kept !== i) moveSlot(index.scratch, factors, i, kept);
    kept++;
  }
  return kept;
}
