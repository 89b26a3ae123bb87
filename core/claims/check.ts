/**
 * Claim check: for each claim of a selection, the point or exception of the pack that speaks to
 * it most directly, the words that align, and the flags of flags.ts. Evidence side by side, never
 * a verdict: a result says "this is what the pack says about it", not "true" or "false".
 *
 * How a claim is matched: the lookup engine names the candidate entries (its confident answers
 * and its other results); each of their points and exceptions is scored by the rare words it
 * shares with the claim (idf-weighted cosine, terms.ts), weighted by the entry's rank. Where the
 * scores are close, a point on the same side as the claim (permits / forbids, modality.ts) wins,
 * so "MPD can still work with the FBI" lands on the exception that allows it and "police may ask
 * about status" lands on the rule that forbids it, flagged as the opposite.
 */
import type { Confidence, Entry } from '../schema/pack';
import { lookup, type SearchIndex } from '../search/index';
import { candidateEntries, rankingOf, scoreCandidates, type Candidate, type ClaimVector, type Ranking } from './candidates';
import { chooseBest } from './choose';
import { describesOlderText, notInForce, type ClaimFlag } from './flags';
import { opposes, readModality, type Modality, type Polarity } from './modality';
import { readingWhereAligned } from './point-reading';
import { splitClaims } from './split';
import { claimTerms, nameTerms } from './terms';
import { idf, termStats } from './term-stats';

export interface ClaimResult {
  /** The claim as written in the selection. */
  text: string;
  /** Offsets of the claim in the checked text. */
  start: number;
  end: number;
  /** The entry whose point or exception speaks to the claim (null: nothing in the pack does). */
  entry: string | null;
  match: 'point' | 'exception' | 'none';
  /** Index into entry.points or entry.exceptions. */
  index?: number;
  /** The text of that point or exception ('' when none). */
  matched: string;
  subsection?: string;
  /** The point's badge: primary (official) or reported; null when nothing matched. */
  confidence: Confidence | null;
  flags: ClaimFlag[];
  /** Words of the claim that align with the point, as the reader wrote them. */
  aligned: string[];
  /** How the claim and the point read (permit / forbid / limited / require / neutral). */
  claimReading: Polarity;
  pointReading?: Polarity;
  /** Alignment strength 0..1 (weighted overlap, mildly normalized for the point's length). */
  strength: number;
  /** Share of the claim's weighted words the point carries, 0..1. */
  coverage: number;
  /** The engine counted the entry among its confident answers to the claim. */
  engineConfident: boolean;
}

export interface ClaimCheck {
  clauses: ClaimResult[];
  /** True when the text had more claims than are checked. */
  truncated: boolean;
}

export interface CheckOptions {
  /** Most claims checked (default 40). */
  maxClauses?: number;
  /** Candidate entries per claim from the lookup (default 8). */
  candidates?: number;
}

/** Below this alignment nothing in the pack is said to speak to the claim. */
export const MIN_COVERAGE = 0.03;
/** A claim the engine has no confident answer for needs a stronger alignment. */
export const MIN_COVERAGE_UNSURE = 0.08;
/** A person's name in the claim weighs this share of its rarity (see nameTerms). */
const NAME_WEIGHT = 0.5;
/** Opposite is flagged only on a clear alignment: a shared word or two is not a contradiction. */
const MIN_STRENGTH_OPPOSITE = 0.3;

function byIdMap(entries: readonly Entry[]): Map<string, Entry> {
  let m = idMemo.get(entries);
  if (!m) {
    m = new Map(entries.map((e) => [e.id, e]));
    idMemo.set(entries, m);
  }
  return m;
}
const idMemo = new WeakMap<readonly Entry[], Map<string, Entry>>();

type ClaimSpan = { text: string; start: number; end: number };

/** The flags of flags.ts for the chosen candidate. */
function flagsOf(best: Candidate, claim: Modality, pointReading: Polarity): ClaimFlag[] {
  const flags: ClaimFlag[] = [];
  if (best.match === 'exception') flags.push('exception');
  if (best.point.confidence === 'reported') flags.push('reported');
  if (notInForce(best.entry)) flags.push('not-in-force');
  if (describesOlderText(best.entry, best.point)) flags.push('older-text');
  // Only a claim that states a rule (may, may not, is barred …) is set against the point's rule.
  if (claim.deontic && best.strength >= MIN_STRENGTH_OPPOSITE && opposes(claim.polarity, pointReading)) flags.push('opposite');
  return flags;
}

/**
 * Checks one claim against the pack. `passage`: the engine's answer the claim is checked against
 * (checkClaims gives the whole selection's, or the claim's own: claimLookups); without it the
 * engine is asked about the claim alone.
 */
export function checkClaim(index: SearchIndex, entries: readonly Entry[], claim: ClaimSpan, options: CheckOptions = {}, passage?: Ranking): ClaimResult {
  const reading = readModality(claim.text);
  const base = { text: claim.text, start: claim.start, end: claim.end, claimReading: reading.polarity };
  const none = (): ClaimResult => ({ ...base, entry: null, match: 'none', matched: '', confidence: null, flags: ['no-match'], aligned: [], strength: 0, coverage: 0, engineConfident: false });
  const { terms, surfaces } = claimTerms(claim.text);
  if (!terms.length) return none();
  const stats = termStats(entries);
  const names = nameTerms(claim.text);
  const weights = new Map(terms.map((t) => [t, idf(stats, t) * (names.has(t) ? NAME_WEIGHT : 1)]));
  let norm2 = 0;
  for (const w of weights.values()) norm2 += w * w;
  const vector: ClaimVector = { text: claim.text, weights, norm2 };

  const ranking = passage ?? claimRanking(index, claim.text, options);
  const pool = candidateEntries(stats, entries, byIdMap(entries), vector, ranking);
  const best = chooseBest(stats, scoreCandidates(stats, pool, vector, ranking), reading, weights);
  if (!best) return none();
  const engineConfident = ranking.confident.has(best.entry.id);
  if (best.coverage < (engineConfident ? MIN_COVERAGE : MIN_COVERAGE_UNSURE)) return none();
  // One shared word is not evidence ("painted the bridge green" is not about green cards).
  if (best.shared.length < 2 && terms.length >= 3) return none();

  const pointReading = best.reading ?? readingWhereAligned(best.point.text, weights);
  return {
    ...base,
    entry: best.entry.id,
    match: best.match,
    index: best.index,
    matched: best.point.text,
    ...(best.point.subsection ? { subsection: best.point.subsection } : {}),
    confidence: best.point.confidence,
    flags: flagsOf(best, reading, pointReading),
    aligned: [...new Set(best.shared.flatMap((t) => surfaces.get(t) ?? []))],
    pointReading,
    strength: Math.round(best.strength * 100) / 100,
    coverage: Math.round(best.coverage * 100) / 100,
    engineConfident,
  };
}

/** The engine's answer for one claim alone. */
function claimRanking(index: SearchIndex, text: string, options: CheckOptions): Ranking {
  return rankingOf(lookup(index, text, { limit: 5, matched: false }), options.candidates ?? 8);
}

/** Candidate entries per claim the passage's lookup names (capped by the engine's limit of 50). */
const PASSAGE_CANDIDATES_PER_CLAIM = 1;
/** Up to this many claims, the engine is asked about each one. */
const PER_CLAIM_LOOKUPS = 3;

/**
 * The claims of a selection and the engine's answers a check reads: for more than three claims
 * the engine is asked once for the whole passage, not once per claim (it was most of a
 * paragraph's cost); a claim or three are each asked about (the engine's answer for the sentence
 * itself is the better guide). Apart from checkClaims so that a caller can read the entries they
 * name before checking (a large pack's are stubs until read: lib/claims-whole.ts).
 */
export interface ClaimLookups {
  claims: ClaimSpan[];
  /** The text had more claims than are checked. */
  truncated: boolean;
  /** The engine's answer for the whole passage (more than three claims). */
  passage?: Ranking;
  /** The engine's answer for each claim, in order (three claims or fewer). */
  each?: Ranking[];
}

export function claimLookups(index: SearchIndex, text: string, options: CheckOptions = {}): ClaimLookups {
  const max = options.maxClauses ?? 40;
  const all = String(text ?? '');
  const found = splitClaims(all, max + 1);
  const claims = found.slice(0, max);
  const truncated = found.length > max;
  const limit = Math.min(50, Math.max(options.candidates ?? 8, PASSAGE_CANDIDATES_PER_CLAIM * claims.length));
  if (claims.length > PER_CLAIM_LOOKUPS) return { claims, truncated, passage: rankingOf(lookup(index, all, { limit, matched: false }), limit) };
  return { claims, truncated, each: claims.map((c) => claimRanking(index, c.text, options)) };
}

/**
 * The entries the engine answers for a check (its confident answers, not the weaker candidates
 * it also lists), best first, each once (claim by claim, then rank).
 */
export function namedEntryIds(l: ClaimLookups): string[] {
  const rankings = l.passage ? [l.passage] : (l.each ?? []);
  const out = new Set<string>();
  const lists = rankings.map((r) => [...r.hits.keys()].filter((id) => r.confident.has(id)));
  const longest = Math.max(0, ...lists.map((ids) => ids.length));
  // Rank by rank across the claims, so a cap on the ids keeps each claim's best answers.
  for (let i = 0; i < longest; i++) for (const ids of lists) if (i < ids.length) out.add(ids[i]!);
  return [...out];
}

/**
 * Splits `text` into claims (split.ts) and checks each one against the engine's answers
 * (claimLookups; `lookups` when the caller asked already), beside the entries each claim's rare
 * words retrieve.
 */
export function checkClaims(index: SearchIndex, entries: readonly Entry[], text: string, options: CheckOptions = {}, lookups: ClaimLookups = claimLookups(index, text, options)): ClaimCheck {
  const { claims, passage, each } = lookups;
  return { clauses: claims.map((c, i) => checkClaim(index, entries, c, options, passage ?? each?.[i])), truncated: lookups.truncated };
}
