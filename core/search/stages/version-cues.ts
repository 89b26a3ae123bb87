/**
 * Part of stage 6: which version of a law the selection's own words point at.
 * - "The updated policy…", "the amended ordinance", "strengthened": the amendment entry, not the
 *   law it amends, when both match the words.
 * - "first enacted", "originally": the law as first passed, not its later amendment.
 * Only the selection is read. Years are not read as cues: "In 2017, … signed an order" and
 * "Frey, first elected in 2017, signed an order" look alike, and a review found the second kind
 * as often as the first (decision 0004, fourth round). "Amendment" as a noun is no cue either:
 * "the First Amendment" is not an amended ordinance.
 */
import type { SearchIndex } from '../build';
import { RANKING } from '../ranking';
import { SLOT } from './rate';
import { bestSlot } from './pick';

export interface VersionCue {
  /** The selection speaks of a change to a law. */
  amended: boolean;
  /** The selection speaks of a law as first passed. */
  original: boolean;
}

const AMENDED = /\b(?:updated|amended|amends|strengthen(?:ed|s|ing)?|expanded|revised|tightened|beefed[- ]up)\b/;
const ORIGINAL = /\b(?:first (?:enacted|adopted|passed|approved)|originally|original (?:ordinance|law|policy|version))\b/;

/** The cues of a selection, from its normalized text. */
export function versionCue(text: string): VersionCue {
  return { amended: AMENDED.test(text), original: ORIGINAL.test(text) };
}

/** Multiplier of one candidate's score from the selection's version cues (1 when none apply). */
function versionFactor(index: SearchIndex, entry: number, cue: VersionCue): number {
  if (index.entries[entry]!.kind !== 'amendment') return 1;
  const V = RANKING.context.version;
  return (cue.amended ? V.amendedCue : 1) * (cue.original ? V.originalCue : 1);
}

/**
 * Weighs each word-matched candidate's final score by the cues (citations keep theirs: the
 * selection named that law). Applied after related entries took their share, so the cue has the
 * last word between an amendment and the law it amends. It reorders; it never changes a label.
 * Returns the best slot.
 */
export function applyVersionCues(index: SearchIndex, nt: number, cue: VersionCue, bestI: number): number {
  if (!cue.amended && !cue.original) return bestI;
  const sc = index.scratch;
  for (let i = 0; i < nt; i++) if (!(sc.fl[i]! & SLOT.cite)) sc.final[i] = sc.final[i]! * versionFactor(index, sc.touched[i]!, cue);
  return bestSlot(sc, nt);
}
