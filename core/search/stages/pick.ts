/**
 * Choosing slots by final score (stage 7 and 8): the best one, how far it is ahead, and the best
 * few. Slot a ranks before slot b with a higher final score, then a lower entry index. Each of
 * these reads every candidate slot, and a selection of common words has a slot for most of a
 * large pack: they read the scratch arrays directly and as few times as they can.
 */
import type { Scratch } from '../build';
import { LABEL } from './labels';

/** The best slot (−1 when there is none). */
export function bestSlot(sc: Scratch, nt: number): number {
  return bestAndMargin(sc, nt).best;
}

/**
 * The best slot (−1 when there is none) and how far its final score is ahead of the best other
 * slot's (10 when no other scores above 0; 0 when there is no best), in one pass.
 */
export function bestAndMargin(sc: Scratch, nt: number): { best: number; margin: number } {
  const { final, touched } = sc;
  let best = -1;
  let bestF = 0;
  let bestE = 0;
  // The highest final score of the slots other than the best, kept as the best changes.
  let second = 0;
  for (let i = 0; i < nt; i++) {
    const f = final[i]!;
    if (best < 0 || f > bestF || (f === bestF && touched[i]! < bestE)) {
      if (best >= 0 && bestF > second) second = bestF;
      best = i;
      bestF = f;
      bestE = touched[i]!;
    } else if (f > second) second = f;
  }
  return { best, margin: best < 0 ? 0 : second > 0 ? bestF / second : 10 };
}

/** Inserts slot i into `out` (the best first, at most k); returns the slot now last. */
function insert(sc: Scratch, out: number[], k: number, i: number): number {
  const { final, touched } = sc;
  let j = out.length < k ? out.length : k - 1;
  out[j] = i;
  while (j > 0) {
    const a = out[j]!;
    const b = out[j - 1]!;
    if (!(final[a]! > final[b]! || (final[a] === final[b] && touched[a]! < touched[b]!))) break;
    out[j] = b;
    out[j - 1] = a;
    j--;
  }
  return out[out.length - 1]!;
}

/**
 * The best `k` answers, best first (Likely or Strong, final score at least `minScore`), and the
 * best `k` other slots, in one pass: the others are among the best 2k slots of all, as the
 * answers are at most k of them. A slot is first compared with the last of each list while it is
 * full (kept in locals: most slots stop there).
 */
export function pickShownAndOthers(sc: Scratch, nt: number, k: number, minScore: number): { shown: number[]; others: number[] } {
  const { final, conf, touched } = sc;
  const shown: number[] = [];
  const top: number[] = [];
  const k2 = 2 * k;
  let topF = 0;
  let topE = 0;
  let shownF = 0;
  let shownE = 0;
  for (let i = 0; i < nt; i++) {
    const f = final[i]!;
    const e = touched[i]!;
    if (top.length < k2 || f > topF || (f === topF && e < topE)) {
      const last = insert(sc, top, k2, i);
      topF = final[last]!;
      topE = touched[last]!;
    }
    if (shown.length === k && !(f > shownF || (f === shownF && e < shownE))) continue;
    // (A negative minScore asks for any slot: no best score to share.)
    if (minScore >= 0 && (conf[i]! < LABEL.likely || f < minScore)) continue;
    const last = insert(sc, shown, k, i);
    shownF = final[last]!;
    shownE = touched[last]!;
  }
  return { shown, others: top.filter((i) => !shown.includes(i)).slice(0, k) };
}
