/**
 * Part of stage 6: which version of a law the selection's own words point at.
 * - "The updated policy…", "the amended ordinance", "strengthened": the amendment entry, not the
 *   law it amends, when both match the words.
 * - "first enacted", "originally": the law as first passed, not its later amendment.
 * - A year the selection names ("In 2017, … signed an executive order"): entries with a dated
 *   fact in that year, over ones that match the words as well but happened in other years.
 * Only the selection is read: the page around it names past and future years alike.
 */
import type { SearchIndex } from '../build';
import { RANKING } from '../ranking';
import { bestSlot, SLOT } from './rate';

export interface VersionCue {
  /** The selection speaks of a change to a law. */
  amended: boolean;
  /** The selection speaks of a law as first passed. */
  original: boolean;
  /** The latest year the selection says something happened in ("In 2017, …"), outside citations; 0 when none. */
  year: number;
}

const AMENDED = /\b(?:updated?|updates|amended|amendments?|amends|strengthen(?:ed|s|ing)?|expanded|revised|tightened|beefed[- ]up)\b/;
const ORIGINAL = /\b(?:first (?:enacted|adopted|passed|approved)|originally|original (?:ordinance|law|policy|version))\b/;

/** A year as the time something happened: "in 2017", "On January 31, 2025", "in March of 2003"; not "since 2024" or "by 2030". */
const HAPPENED_IN = /\b(?:in|on|during)\s+(?:(?:early|late|mid)[- ])?(?:[a-z]+\.?\s+)?(?:\d{1,2},?\s+)?(?:of\s+)?((?:19|20)\d\d)\b/g;

/** The cues of a selection, from its normalized text and the spans of its citations (years inside them are not dates). */
export function versionCue(text: string, citeSpans: readonly { start: number; end: number }[]): VersionCue {
  let year = 0;
  for (const m of text.matchAll(HAPPENED_IN)) {
    const at = m.index + m[0].length - 4;
    if (citeSpans.some((c) => at >= c.start && at < c.end)) continue;
    year = Math.max(year, Number(m[1]));
  }
  return { amended: AMENDED.test(text), original: ORIGINAL.test(text), year };
}

/** The year of an entry's earliest dated fact (0 when undated: never weighed down). */
function startYear(dates: readonly { date: string }[] | undefined): number {
  let first = 0;
  for (const d of dates ?? []) {
    const y = Number(d.date.slice(0, 4));
    if (!first || y < first) first = y;
  }
  return first;
}

const hasCue = (c: VersionCue) => c.amended || c.original || c.year > 0;

/**
 * Weighs each word-matched candidate's final score by the cues (citations keep theirs: the
 * selection named that law). Applied after related entries took their share, so the cue has the
 * last word between an amendment and the law it amends. Returns the best slot.
 */
export function applyVersionCues(index: SearchIndex, nt: number, cue: VersionCue, bestI: number): number {
  if (!hasCue(cue)) return bestI;
  const sc = index.scratch;
  for (let i = 0; i < nt; i++) if (!(sc.fl[i]! & SLOT.cite)) sc.final[i] = sc.final[i]! * versionFactor(index, sc.touched[i]!, cue);
  return bestSlot(sc, nt);
}

/** Multiplier of one candidate's score from the selection's version cues (1 when none apply). */
function versionFactor(index: SearchIndex, entry: number, cue: VersionCue): number {
  const e = index.entries[entry]!;
  const V = RANKING.context.version;
  let f = 1;
  if (e.kind === 'amendment') {
    if (cue.amended) f *= V.amendedCue;
    if (cue.original) f *= V.originalCue;
  }
  // Something the selection says happened in 2017 is not an order that first came in 2025.
  if (cue.year && startYear(e.dates) > cue.year) f *= V.laterThanYear;
  return f;
}
