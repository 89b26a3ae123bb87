/**
 * The candidates of one claim: every point and exception of the entries the lookup engine names
 * for the claim (its confident answers and its other results) and of the entries whose points
 * share the most rare words with it (terms.ts), each scored by the idf-weighted words it shares
 * with the claim, weighted by the engine's rank of its entry. check.ts picks among them.
 */
import type { Entry, Point } from '../schema/pack';
import type { LookupResult } from '../search/index';
import { neverAdopted } from './flags';
import type { Polarity } from './modality';
import { retrieveItems } from './retrieve';
import type { TermStats } from './term-stats';

export interface Candidate {
  entry: Entry;
  match: 'point' | 'exception';
  index: number;
  /** The item (TermStats) the point is. */
  item: number;
  point: Point;
  /** Alignment strength 0..1 (weighted overlap, mildly normalized for the point's length). */
  strength: number;
  /** Share of the claim's weighted words the point carries. */
  coverage: number;
  score: number;
  /** Claim terms the point carries. */
  shared: string[];
  reading?: Polarity;
}

/** The claim's weighted terms, as check.ts computes them once per claim. */
export interface ClaimVector {
  text: string;
  weights: ReadonlyMap<string, number>;
  /** Squared norm of the weights. */
  norm2: number;
}

/** Weight of the entry-level match (title, aliases, summary) beside the point's own alignment. */
const ENTRY_WEIGHT = 0.4;
/** How much a long point is discounted for saying more than the claim (0: not at all, 1: cosine). */
const LENGTH_EXP = 0.4;
/** The engine's rank of the entry: weight of the lowest candidate … the top one (1). */
const RANK_BASE = 0.6;
const CONF_BONUS = 0.1;
/** An entry of another place than the one the claim names. */
const PLACE_PENALTY = 0.8;
/**
 * Entries reached through the points' rare words, beside the engine's. 16 (was 24): the claim set
 * reads the same at 12, 16 and 24, and each one costs a scan of its entry's points per claim.
 */
const RETRIEVED_ITEMS = 16;

/**
 * A bill or proposal that never became law, set beside a claim that states a rule without
 * speaking of one ("local jails legally cannot comply with ICE detainers"): the law in force says
 * it, a failed bill only would have.
 */
const UNADOPTED_PENALTY = 0.8;
const SPEAKS_OF_PROPOSALS = /\b(?:bills?|proposals?|propos\w*|would|drafts?|sponsor\w*|authored|introduc\w*|votes?|voted|legislat\w*|lawmakers?|tabled|fail\w*|dead|house file|senate file|[hs]\.?f\.? ?\d+)\b/i;

/** Local governments a text names, normalized ("st. paul" → "saint paul"). */
const PLACES: [RegExp, string][] = [
  [/\b(?:st\.?|saint) paul\b/i, 'saint paul'],
  [/\bminneapolis\b|\bmpd\b/i, 'minneapolis'],
  [/\bhennepin\b/i, 'hennepin'],
  [/\bramsey\b/i, 'ramsey'],
  [/\bmounds view\b/i, 'mounds view'],
];
function placesNamed(text: string): Set<string> {
  const out = new Set<string>();
  for (const [re, name] of PLACES) if (re.test(text)) out.add(name);
  return out;
}
const entryPlaces = new WeakMap<Entry, Set<string>>();
function placesOf(e: Entry): Set<string> {
  let p = entryPlaces.get(e);
  if (!p) entryPlaces.set(e, (p = placesNamed(e.jurisdiction + ' ' + e.title)));
  return p;
}

/** The engine's answer for the claim: its candidate entries with their scores, once per claim. */
export interface Ranking {
  hits: Map<string, { id: string; score: number; via?: string }>;
  top: number;
  confident: Set<string>;
}

export function rankingOf(found: LookupResult, limit: number): Ranking {
  const list = [...found.results, ...found.others].slice(0, limit);
  return { hits: new Map(list.map((h) => [h.id, h])), top: list[0]?.score || 1, confident: new Set(found.results.map((h) => h.id)) };
}

/** How much the engine's ranking of `entry` counts for the claim. */
function rankWeight(entry: Entry, ranking: Ranking, places: Set<string>, proposals: boolean): number {
  const hit = ranking.hits.get(entry.id);
  let w = hit ? RANK_BASE + (1 - RANK_BASE) * Math.max(0, Math.min(1, hit.score / ranking.top)) : RANK_BASE * 0.9;
  if (hit && ranking.confident.has(entry.id)) w += CONF_BONUS;
  // A citation the claim names ("8 USC § 1373") settles which entry it is about.
  if (hit?.via === 'citation') w *= 1.5;
  // A claim that names a place ("St. Paul has an ordinance …") is about that place's rules.
  const own = placesOf(entry);
  if (places.size && own.size && ![...own].some((p) => places.has(p))) w *= PLACE_PENALTY;
  if (!proposals && neverAdopted(entry)) w *= UNADOPTED_PENALTY;
  return w;
}

/**
 * Scores one item (a point or exception) against the claim; undefined when they share no word.
 * `dense` holds the claim's weights by term id (TermStats.dense), so each of the item's terms is
 * one array read, not a hash lookup. (Narrowing the read to the terms some claim of the paragraph
 * carries, computed once per item and paragraph, cost more than it saved once the reads were
 * array reads: 227 against 165 µs per claim at 20,000 entries.)
 */
function scoreItem(stats: TermStats, item: number, claim: ClaimVector, dense: Float64Array): { strength: number; coverage: number; shared: string[] } | undefined {
  const { itemIds, itemWeights, names } = stats;
  const to = stats.itemStart[item + 1]!;
  let dot = 0;
  let cover = 0;
  let shared: string[] | undefined;
  for (let k = stats.itemStart[item]!; k < to; k++) {
    const id = itemIds[k]!;
    const cw = dense[id]!;
    if (cw === 0) continue;
    dot += cw * itemWeights[k]!;
    cover += cw * cw;
    (shared ??= []).push(names[id]!);
  }
  if (!dot || !shared) return undefined;
  // Cosine, but a long point is not punished much for saying more than the claim.
  const strength = Math.min(1, dot / (Math.sqrt(claim.norm2) ** (2 - LENGTH_EXP) * stats.itemNorm[item]! ** LENGTH_EXP));
  return { strength, coverage: cover / claim.norm2, shared };
}

/** The entries worth scoring: the engine's, then those of the points sharing the rarest words. */
export function candidateEntries(stats: TermStats, entries: readonly Entry[], byId: ReadonlyMap<string, Entry>, claim: ClaimVector, ranking: Ranking): Set<Entry> {
  const pool = new Set<Entry>();
  for (const h of ranking.hits.values()) {
    const e = byId.get(h.id);
    if (e) pool.add(e);
  }
  for (const { item } of retrieveItems(stats, claim.weights, RETRIEVED_ITEMS)) pool.add(entries[stats.itemEntry[item]!]!);
  return pool;
}

/** Every point and exception of the pool that shares a word with the claim, scored. */
export function scoreCandidates(stats: TermStats, pool: Iterable<Entry>, claim: ClaimVector, ranking: Ranking): Candidate[] {
  const dense = stats.dense;
  const set: number[] = [];
  for (const [t, w] of claim.weights) {
    const id = stats.ids.get(t);
    if (id !== undefined) {
      dense[id] = w;
      set.push(id);
    }
  }
  try {
    const out: Candidate[] = [];
    const places = placesNamed(claim.text);
    const proposals = SPEAKS_OF_PROPOSALS.test(claim.text);
    for (const entry of pool) scoreEntry(out, stats, entry, { claim, ranking, places, proposals, dense });
    return out;
  } finally {
    for (const id of set) dense[id] = 0;
  }
}

/** Adds the entry's points and exceptions that share a word with the claim to `out`. */
interface ScoringContext {
  claim: ClaimVector;
  ranking: Ranking;
  places: Set<string>;
  /** The claim speaks of bills or proposals (see UNADOPTED_PENALTY). */
  proposals: boolean;
  dense: Float64Array;
}

function scoreEntry(out: Candidate[], stats: TermStats, entry: Entry, { claim, ranking, places, proposals, dense }: ScoringContext): void {
  const at = stats.entryIndex.get(entry)!;
  const first = stats.entryFirst[at]!;
  const count = stats.entryFirst[at + 1]! - first;
  // The entry's rank, and how much of the claim the entry as a whole (title, aliases, summary) is
  // about: computed once the entry has a point that shares a word.
  let rw = -1;
  let entrySim = 0;
  for (let i = 0; i < count; i++) {
    const s = scoreItem(stats, first + i, claim, dense);
    if (!s) continue;
    if (rw < 0) {
      rw = rankWeight(entry, ranking, places, proposals);
      entrySim = entrySimilarity(stats.known[at]!, claim, dense);
    }
    const isPoint = i < entry.points.length;
    const index = isPoint ? i : i - entry.points.length;
    const point = (isPoint ? entry.points : entry.exceptions)[index]!;
    // Official text beats press reports on a near tie.
    const badge = point.confidence === 'primary' ? 1.04 : 1;
    out.push({ entry, match: isPoint ? 'point' : 'exception', index, item: first + i, point, strength: s.strength, coverage: s.coverage, shared: s.shared, score: (s.strength * rw + ENTRY_WEIGHT * entrySim) * badge });
  }
}

/** Share of the claim's weighted words the entry is known by (title, citation, aliases, summary). */
function entrySimilarity(known: Int32Array, claim: ClaimVector, dense: Float64Array): number {
  let dot = 0;
  for (let k = 0; k < known.length; k++) {
    const w = dense[known[k]!]!;
    dot += w * w;
  }
  return dot / claim.norm2;
}
