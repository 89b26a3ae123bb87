/**
 * Which candidate (candidates.ts) is set beside a claim.
 *
 * An exception, or a point that is one in substance ("nothing in the chapter stops …"), speaks
 * to a claim only when the claim states the exception's case: it carries at least two of the
 * words that set the exception apart from the rules around it (the case words), and they weigh
 * a good share of what the two share; and the claim does not forbid what the exception permits
 * (a claim that bars something states the rule, even when it mentions the case: "bars employees
 * from assisting ICE, including investigating people only for being here unlawfully"). An
 * exception that shares a few words with a claim otherwise is passed over for the rule.
 *
 * Among near-ties, the point on the claim's side (permits / forbids, modality.ts) wins, so "MPD
 * can still work with the FBI" lands on the exception that allows it; "police may ask about
 * status" has no such point and lands on the rule that forbids it (flagged opposite in check.ts).
 */
import type { Entry } from '../schema/pack';
import type { Candidate } from './candidates';
import type { Modality, Polarity } from './modality';
import { pointCarvesOut, readingWhereAligned } from './point-reading';
import { itemTermNames, type TermStats } from './term-stats';

/** Candidates within this share of the top score are near-ties. */
const NEAR = 0.8;
/** Bonus for a near-tie on the claim's side. */
const SAME_SIDE = 1.12;
/** A claim states an exception's case with at least this many case words … */
const MIN_CASE_TERMS = 2;
/** … weighing at least this share of the words the claim and the exception share. */
const MIN_CASE_SHARE = 0.35;

/** A point that is an exception in substance: it permits by saying the rule does not reach a case. */
function isCarveOut(c: Candidate): boolean {
  return c.match === 'exception' || carveOutText(c.point.text);
}
function carveOutText(text: string): boolean {
  return pointCarvesOut(text);
}

/** The best `n` candidates that are rules (not carve-outs), read lazily from the sorted list. */
function topRules(sorted: readonly Candidate[], n: number): Candidate[] {
  const out: Candidate[] = [];
  for (const c of sorted) {
    if (out.length >= n) break;
    if (!isCarveOut(c)) out.push(c);
  }
  return out;
}

/** Terms of the rules an exception is set against: the entry's own rules, else the best rule candidates'. */
function ruleTerms(stats: TermStats, entry: Entry, rules: readonly Candidate[]): ReadonlySet<string> {
  const own = ownRuleTerms(stats, entry);
  return own.size ? own : new Set(rules.slice(0, 2).flatMap((r) => itemTermNames(stats, r.item)));
}
// By entry: the terms are those of its points' texts, whatever pack's statistics read them.
const ownRules = new WeakMap<Entry, ReadonlySet<string>>();
function ownRuleTerms(stats: TermStats, entry: Entry): ReadonlySet<string> {
  let t = ownRules.get(entry);
  if (!t) {
    const first = stats.entryFirst[stats.entryIndex.get(entry)!]!;
    t = new Set(entry.points.flatMap((p, i) => (carveOutText(p.text) ? [] : itemTermNames(stats, first + i))));
    ownRules.set(entry, t);
  }
  return t;
}

/** Does the claim state the case of this exception (see the module comment)? */
export function statesTheCase(stats: TermStats, c: Candidate, claim: Modality, weights: ReadonlyMap<string, number>, rules: readonly Candidate[]): boolean {
  // The point's reading matters only against a claim that forbids (and reading a point is cold work).
  if (claim.polarity === 'forbid' && readingWhereAligned(c.point.text, weights) !== 'forbid') return false;
  const rule = ruleTerms(stats, c.entry, rules);
  let caseW = 0;
  let sharedW = 0;
  let caseTerms = 0;
  for (const t of c.shared) {
    const w = (weights.get(t) ?? 0) ** 2;
    sharedW += w;
    if (!rule.has(t)) {
      caseW += w;
      caseTerms++;
    }
  }
  return caseTerms >= MIN_CASE_TERMS && caseW >= MIN_CASE_SHARE * sharedW;
}

/**
 * The candidate set beside the claim; undefined when there is none. Candidates are read (is it
 * a carve-out, which side is it on) best first and only as far as the near-ties: a pack of
 * 20,000 entries gives a claim hundreds of candidates.
 */
export function chooseBest(stats: TermStats, candidates: readonly Candidate[], claim: Modality, weights: ReadonlyMap<string, number>): Candidate | undefined {
  if (!candidates.length) return undefined;
  const sorted = [...candidates].sort((a, b) => b.score - a.score);
  const eligible: Candidate[] = [];
  let rules: Candidate[] | undefined;
  let anyRuleShares = false;
  for (const c of sorted) {
    // Enough read: the eligible so far cover every near-tie of the best eligible one.
    if (anyRuleShares && c.score < eligible[0]!.score * NEAR) break;
    if (!isCarveOut(c) || statesTheCase(stats, c, claim, weights, (rules ??= topRules(sorted, 2)))) {
      eligible.push(c);
      if (c.shared.length >= 2) anyRuleShares = true;
    }
  }
  // Exceptions that do not speak to the claim step aside for any candidate sharing two words with it.
  const pool = anyRuleShares ? eligible : sorted;
  const top = pool[0]!.score;
  const side = (c: Candidate): number => {
    // A carve-out that states the claim's case wins on its words; a bonus would let a carve-out of
    // another rule ("the bar … does not apply when …") pass the rule a permission claim contradicts.
    if (isCarveOut(c)) return 1;
    const r: Polarity = (c.reading ??= readingWhereAligned(c.point.text, weights));
    return r === claim.polarity && claim.polarity !== 'neutral' ? SAME_SIDE : 1;
  };
  let best: Candidate | undefined;
  let bestScore = 0;
  for (const c of pool) {
    if (c.score < top * NEAR) break;
    // One that could not win even with the bonus is not read: reading a point is cold work.
    if (best && c.score * SAME_SIDE <= bestScore) continue;
    const s = c.score * side(c);
    if (!best || s > bestScore) {
      best = c;
      bestScore = s;
    }
  }
  return best;
}
