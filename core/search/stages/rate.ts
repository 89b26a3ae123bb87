/**
 * Stage 7, rate: each candidate's final score and match label from its text score, how much of
 * the selection it covers, its phrase and citation matches and the page context. Labels (LABEL):
 * strong ("Strong match"), likely ("Likely match"), possible ("Possible match"), none (below the
 * answer line: listed, if at all, under "other results"). Thresholds are in RANKING.rate, set on
 * the tune split only.
 */
import type { Scratch, SearchIndex } from '../build';
import { RANKING } from '../ranking';
import type { CiteHit } from './citations';
import { PHRASE_MARK } from './phrases';
import { KIND_CLASS } from './kinds';
import { bestAndMargin, bestSlot } from './pick';
import { LABEL } from './labels';

/** Flag bits of a candidate slot (scratch.fl). */
export const SLOT = { touched: 1, whole: 2, cite: 4, named: 8, wholeName: 16 } as const;

/** Copies the accumulators of the touched entries into candidate slots and clears them; returns the best text score. */
export function readBack(sc: Scratch, nt: number): number {
  const { score: acc, matched: accM, flags, touched, text, cm, fl } = sc;
  let top = 0;
  for (let i = 0; i < nt; i++) {
    const id = touched[i]!;
    const s = acc[id]!;
    text[i] = s;
    cm[i] = accM[id]!;
    fl[i] = flags[id]!;
    if (s > top) top = s;
    acc[id] = 0;
    accM[id] = 0;
    flags[id] = 0;
  }
  return top;
}

/** Adds the phrase bonuses kept in scratch.pb/pw to the touched entries and clears them. */
export function applyPhraseBonuses(sc: Scratch, entries: number[], nt: number): number {
  for (const id of entries) {
    if (sc.flags[id] === 0) sc.touched[nt++] = id;
    const pw = sc.pw[id]!;
    sc.flags[id]! |= SLOT.touched | (pw & PHRASE_MARK.whole ? SLOT.whole : 0) | (pw & PHRASE_MARK.named ? SLOT.named : 0) | (pw & PHRASE_MARK.wholeName ? SLOT.wholeName : 0);
    sc.score[id] = sc.score[id]! + sc.pb[id]!;
    sc.pb[id] = 0;
    sc.pw[id] = 0;
  }
  return nt;
}

export interface RateInput {
  passage: boolean;
  /** Best text score. */
  top: number;
  /**
   * Pack of each entry (core/search/pack-groups.ts; undefined: one pack, 0). The per-pack values
   * below are read through it as arrays, not closures: a selection of common words has a slot
   * for most of a large pack's entries, and these loops run once per slot.
   */
  packOf: Uint8Array | undefined;
  /** Per pack: coverage denominator, the key terms' IDF (passages) or all terms' IDF. */
  covBase: readonly number[];
  /** Per pack: passages' strongest terms' IDF, words that pack has never seen included. */
  allIdf: readonly number[];
  /** Per pack: the selection has words that pack has never seen. */
  unknownWords: readonly boolean[];
  /** Kind class per entry (stages/kinds.ts). */
  kinds: Uint8Array;
  /** Context multiplier per slot (1 when no context). */
  factors: Float64Array;
  /** The text around the selection is about this slot's entry too. */
  contextAgrees: (slot: number) => boolean;
  /** Content words of the selection (outside citations). */
  wordCount: number;
  /** A short selection that refers to something ("the ordinance", "this policy"). */
  referring: boolean;
}

/** Final score of each slot from its text score, coverage, kind and page context. */
export function scoreSlots(sc: Scratch, nt: number, o: RateInput): void {
  const { text, cm, final, touched, fl } = sc;
  const { factors, packOf, covBase, kinds } = o;
  if (!o.passage) {
    for (let i = 0; i < nt; i++) final[i] = text[i]! * factors[i]!;
    return;
  }
  const P = RANKING.passage;
  for (let i = 0; i < nt; i++) {
    const id = touched[i]!;
    // A passage that names the entry (its title or alias inside) covers it at least this much.
    const named = (fl[i]! & SLOT.named) !== 0;
    const cov = Math.max(Math.min(1, cm[i]! / covBase[packOf ? packOf[id]! : 0]!), named ? P.namedCoverageFloor : 0);
    const kindWeight = kinds[id] === KIND_CLASS.term ? P.termEntry : kinds[id] === KIND_CLASS.event ? P.eventEntry : 1;
    final[i] = text[i]! * kindWeight * (P.coverageBase + cov) * factors[i]!;
  }
}


/**
 * The label of each word-matched slot (citation slots are labelled by rateCitations):
 * Strong only for the first answer, clearly ahead of the next (margin), and matching the
 * selection as a whole (short selections) or naming / covering it (passages); Likely and
 * Possible by coverage. Words the pack has never seen lower a short selection's label.
 */
export function labelSlots(sc: Scratch, nt: number, o: RateInput, bestI: number, margin: number): void {
  if (o.passage) labelPassage(sc, nt, o, bestI, margin);
  else labelShort(sc, nt, o, bestI, margin);
}

/**
 * A text score under which a slot's share of the best (`text / top`) is below `minRel` whatever
 * the division rounds to (a margin of 1e-9): most slots of a common word stop there, before any
 * division. 0 when there is no best score (no slot is under it).
 */
const relCut = (top: number, minRel: number) => top * minRel * (1 - 1e-9);

function labelPassage(sc: Scratch, nt: number, o: RateInput, bestI: number, margin: number): void {
  const P = RANKING.rate.passage;
  const { text, cm, fl, conf, touched } = sc;
  const { packOf, allIdf, top } = o;
  const cut = relCut(top, P.minRel);
  for (let i = 0; i < nt; i++) {
    if (fl[i]! & SLOT.cite) continue;
    // Neither named nor first, and under minRel of the best: no label below can apply.
    if (text[i]! < cut && i !== bestI && !(fl[i]! & SLOT.named)) {
      conf[i] = LABEL.none;
      continue;
    }
    const rel = top ? text[i]! / top : 0;
    const first = i === bestI;
    let label: number = LABEL.none;
    const covAll = cm[i]! / allIdf[packOf ? packOf[touched[i]!]! : 0]!;
    const named = (fl[i]! & SLOT.named) !== 0;
    if (named && covAll >= P.namedCoverage) label = first && margin >= P.strongMargin ? LABEL.strong : LABEL.likely;
    else if (covAll >= P.strongCoverage && first && margin >= P.strongMargin) label = LABEL.strong;
    // The text around the selection is about this entry too: less of the selection must match.
    else if (covAll >= (o.contextAgrees(i) ? P.likelyCoverageInContext : P.likelyCoverage) && rel >= P.minRel) label = LABEL.likely;
    else if (covAll >= P.possibleCoverage && rel >= P.minRel) label = LABEL.possible;
    // Never "nothing" for a sentence that names an entry by its title or alias.
    else if (named) label = LABEL.possible;
    conf[i] = label;
  }
}

function labelShort(sc: Scratch, nt: number, o: RateInput, bestI: number, margin: number): void {
  const S = RANKING.rate.short;
  const { text, cm, fl, conf, touched } = sc;
  const { packOf, covBase, unknownWords, top } = o;
  const cut = o.wordCount === 1 ? -1 : relCut(top, S.minRel);
  for (let i = 0; i < nt; i++) {
    if (fl[i]! & SLOT.cite) continue;
    // Not the whole selection, more than one word, under minRel of the best: no label below can apply.
    if (text[i]! < cut && !(fl[i]! & SLOT.whole)) {
      conf[i] = LABEL.none;
      continue;
    }
    const rel = top ? text[i]! / top : 0;
    const first = i === bestI;
    let label: number = LABEL.none;
    const g = packOf ? packOf[touched[i]!]! : 0;
    const unknown = unknownWords[g]!;
    const cov = Math.min(1, cm[i]! / covBase[g]!);
    const whole = (fl[i]! & SLOT.whole) !== 0;
    // Strong only for the entry's own title or alias; a keyword says what an entry is about.
    const wholeName = (fl[i]! & SLOT.wholeName) !== 0;
    if (whole && !unknown) label = first && wholeName && margin >= S.strongMargin ? LABEL.strong : LABEL.likely;
    else if (whole) label = LABEL.likely;
    // Words found only inside an entry's text: never Strong, and one such word ("good",
    // "metro", a surname) is at most a possible match, whatever entry happens to use it.
    // … unless it refers to what the page is about ("the ordinance" in a story about one).
    else if (o.wordCount === 1) label = o.referring && o.contextAgrees(i) ? LABEL.likely : cov >= S.possibleCoverage && rel >= S.minRel && !unknown ? LABEL.possible : LABEL.none;
    else if (cov >= (unknown ? S.likelyCoverageWithUnknown : S.likelyCoverage) && rel >= S.minRel) label = LABEL.likely;
    else if (cov >= S.possibleCoverage && rel >= S.minRel && !unknown) label = LABEL.possible;
    conf[i] = label;
  }
}

/**
 * After related entries took their share: a word-matched Strong answer that is no longer clearly
 * ahead of the next candidate, or no longer first, is Likely (the reader sees a near-tie).
 */
export function confirmStrong(sc: Scratch, nt: number, passage: boolean): void {
  const { best: bestI, margin } = bestAndMargin(sc, nt);
  const need = passage ? RANKING.rate.passage.strongMargin : RANKING.rate.short.strongMargin;
  const { conf, fl } = sc;
  for (let i = 0; i < nt; i++) {
    if (conf[i] !== LABEL.strong || fl[i]! & (SLOT.cite | SLOT.wholeName)) continue;
    if (i !== bestI || margin < need) conf[i] = LABEL.likely;
  }
}

/** Citation hits rank above word matches; their label comes from how the entry carries the citation (and, in a passage, how much of it the entry covers). */
export function rateCitations(sc: Scratch, nt: number, cites: Map<number, CiteHit>, wordForWord: Map<number, number>, passage: boolean, allIdf: (slot: number) => number): void {
  const { fl, conf, final, text, touched } = sc;
  // Only a citation hit marks a slot SLOT.cite (engine.ts, `touch`): with none, nothing to rate.
  for (let i = 0; cites.size && i < nt; i++) {
    if (!(fl[i]! & SLOT.cite)) continue;
    const c = cites.get(touched[i]!)!;
    // A citation inside a sentence or passage is a Strong answer only when the passage is about
    // that entry too: "The most common 287(g) model…" defines a model, not § 1357(g).
    const about = !passage || sc.cm[i]! / allIdf(i) >= RANKING.rate.passage.citedStrongCoverage;
    conf[i] = c.primary && about ? LABEL.strong : LABEL.likely;
    final[i] = c.score + RANKING.citations.rankBoost + text[i]!;
  }
  // A selection that carries a citation and is worded exactly as an entry's title or alias
  // ("287(g) agreement") names that entry: it ranks above what the citation alone points to,
  // a title above an alias.
  if (!wordForWord.size || !cites.size) return;
  let bestCite = 0;
  for (const c of cites.values()) bestCite = Math.max(bestCite, c.score);
  for (let i = 0; i < nt; i++) {
    const exact = wordForWord.get(touched[i]!);
    if (!exact) continue;
    conf[i] = LABEL.strong;
    final[i] = Math.max(final[i]!, bestCite + RANKING.citations.rankBoost + exact + text[i]!);
  }
}

/** Does the best slot have related entries to share its score with (shareWithRelated changes scores)? */
export function sharesWithRelated(index: SearchIndex, bestI: number): boolean {
  const sc = index.scratch;
  return bestI >= 0 && sc.conf[bestI]! !== 0 && index.entries[sc.touched[bestI]!]!.related.length > 0;
}

/** Related entries of a confident first answer get a share of its text score. Returns the new best slot. */
export function shareWithRelated(index: SearchIndex, nt: number, bestI: number, cites: Map<number, CiteHit>, top: number): number {
  const sc = index.scratch;
  const { touched, final, conf, fl, text } = sc;
  const entries = index.entries;
  if (!sharesWithRelated(index, bestI)) return bestI;
  const byId = (index.cache.byId ??= new Map(entries.map((e, i) => [e.id, i])));
  const rel = new Set<number>();
  for (const rid of entries[touched[bestI]!]!.related) {
    const ri = byId.get(rid);
    if (ri !== undefined && ri !== touched[bestI]) rel.add(ri);
  }
  // A share of the best hit's text score: its citation rank (+100 and up) is not passed on.
  const bestCite = fl[bestI]! & SLOT.cite ? cites.get(touched[bestI]!) : undefined;
  const bestS = final[bestI]! - (bestCite ? bestCite.score + RANKING.citations.rankBoost : 0);
  for (let i = 0; i < nt; i++) {
    if (!rel.has(touched[i]!)) continue;
    final[i] = final[i]! + bestS * RANKING.related.share;
    if (conf[i] === LABEL.none && text[i]! >= top * RANKING.related.minTextShare) conf[i] = LABEL.possible;
  }
  return bestSlot(sc, nt);
}
