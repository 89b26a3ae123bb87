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
import type { Confidence, Entry, Point } from '../schema/pack';
import { lookup, type SearchIndex } from '../search/index';
import { describesOlderText, notInForce, type ClaimFlag } from './flags';
import { opposes, readModality, type Polarity } from './modality';
import { splitClaims } from './split';
import { claimTerms, entryTerms, idf, itemTerms, itemVector, retrieveItems, termStats, type TermStats } from './terms';

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
/** Weight of the entry-level match (title, aliases, summary) beside the point's own alignment. */
const ENTRY_WEIGHT = 0.4;
/** How much a long point is discounted for saying more than the claim (0: not at all, 1: cosine). */
const LENGTH_EXP = 0.4;
/** The engine's rank of the entry: weight of the lowest candidate … the top one (1). */
const RANK_BASE = 0.6;
const RANK_POW = 1;
const CONF_BONUS = 0.1;
/** An entry of another place than the one the claim names. */
const PLACE_PENALTY = 0.8;
/** Opposite is flagged only on a clear alignment: a shared word or two is not a contradiction. */
const MIN_STRENGTH_OPPOSITE = 0.3;

interface Candidate {
  entry: Entry;
  match: 'point' | 'exception';
  index: number;
  point: Point;
  strength: number;
  /** Share of the claim's weighted words the point carries. */
  coverage: number;
  score: number;
  aligned: string[];
  reading?: Polarity;
}

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

/** A point's clauses with their terms and readings (memoized per text). */
interface PointClause {
  terms: ReadonlySet<string>;
  reading: Polarity;
}
const clauseMemo = new Map<string, PointClause[]>();
function pointClauses(text: string): PointClause[] {
  let r = clauseMemo.get(text);
  if (!r) {
    const parts = splitClaims(text);
    r = (parts.length ? parts : [{ text }]).map((c) => ({ terms: new Set(itemTerms(c.text)), reading: readModality(c.text).polarity }));
    if (clauseMemo.size > 100_000) clauseMemo.clear();
    clauseMemo.set(text, r);
  }
  return r;
}

/**
 * How a point reads where it meets the claim: "MPD cannot interfere with ICE, but may respond to
 * emergencies" forbids interfering and permits responding; the clause sharing most of the
 * claim's weight decides.
 */
function readingWhereAligned(text: string, weights: ReadonlyMap<string, number>): Polarity {
  const parts = pointClauses(text);
  if (parts.length === 1) return parts[0]!.reading;
  let best = parts[0]!;
  let bestW = -1;
  for (const p of parts) {
    let w = 0;
    for (const t of p.terms) w += weights.get(t) ?? 0;
    if (w > bestW) {
      best = p;
      bestW = w;
    }
  }
  return best.reading;
}

function byIdMap(entries: readonly Entry[]): Map<string, Entry> {
  let m = idMemo.get(entries);
  if (!m) {
    m = new Map(entries.map((e) => [e.id, e]));
    idMemo.set(entries, m);
  }
  return m;
}
const idMemo = new WeakMap<readonly Entry[], Map<string, Entry>>();

/** What a claim is weighed with: its words' weights and what the engine made of it. */
interface ClaimContext {
  weights: ReadonlyMap<string, number>;
  claimNorm: number;
  surfaces: ReadonlyMap<string, string[]>;
  /** The engine's confident answers to the claim. */
  confident: ReadonlySet<string>;
  /** The engine's score of each candidate entry, as a share of its top score. */
  rankOf: ReadonlyMap<string, number>;
  /** Entries a citation in the claim names ("8 USC § 1373" settles which entry it is about). */
  cited: ReadonlySet<string>;
  places: ReadonlySet<string>;
}

/**
 * Candidates: the engine's entries, plus the entries of the points that share the most rare
 * words with the claim (the engine ranks entries for a term; a sentence needs its points).
 */
function candidateEntries(index: SearchIndex, entries: readonly Entry[], stats: TermStats, weights: ReadonlyMap<string, number>, text: string, options: CheckOptions) {
  const r = lookup(index, text, { limit: 5 });
  const hits = [...r.results, ...r.others].slice(0, options.candidates ?? 8);
  const top = hits[0]?.score || 1;
  const byId = byIdMap(entries);
  const pool = new Set<Entry>();
  for (const h of hits) {
    const e = byId.get(h.id);
    if (e) pool.add(e);
  }
  for (const { ref } of retrieveItems(stats, weights, 24)) pool.add(entries[ref.entry]!);
  return {
    pool,
    confident: new Set(r.results.map((h) => h.id)),
    rankOf: new Map(hits.map((h) => [h.id, h.score / top])),
    cited: new Set(hits.filter((h) => h.via === 'citation').map((h) => h.id)),
  };
}

/** How much the engine's ranking, a cited citation and the places named vouch for `entry`. */
function rankWeightOf(entry: Entry, ctx: ClaimContext): number {
  const rank = ctx.rankOf.get(entry.id);
  let w = rank === undefined ? RANK_BASE * 0.9 : RANK_BASE + (1 - RANK_BASE) * Math.max(0, Math.min(1, rank)) ** RANK_POW + (ctx.confident.has(entry.id) ? CONF_BONUS : 0);
  if (ctx.cited.has(entry.id)) w *= 1.5;
  // A claim that names a place ("St. Paul has an ordinance …") is about that place's rules.
  if (ctx.places.size) {
    const entryPlaces = placesNamed(entry.jurisdiction + ' ' + entry.title);
    if (entryPlaces.size && ![...entryPlaces].some((p) => ctx.places.has(p))) w *= PLACE_PENALTY;
  }
  return w;
}

/** Each point and exception of `entry` that shares a word with the claim, scored. */
function entryCandidates(entry: Entry, stats: TermStats, ctx: ClaimContext): Candidate[] {
  const { weights, claimNorm, surfaces } = ctx;
  const rankWeight = rankWeightOf(entry, ctx);
  // How much of the claim the entry as a whole (title, aliases, summary) is about.
  let entryDot = 0;
  for (const t of entryTerms(entry)) entryDot += (weights.get(t) ?? 0) ** 2;
  const entrySim = entryDot / (claimNorm * claimNorm);
  const out: Candidate[] = [];
  const consider = (match: 'point' | 'exception', point: Point, i: number) => {
    const { terms: it, weights: iw, norm: itemNorm } = itemVector(stats, point.text);
    let dot = 0;
    let cover = 0;
    const aligned: string[] = [];
    for (let k = 0; k < it.length; k++) {
      const cw = weights.get(it[k]!);
      if (cw === undefined) continue;
      dot += cw * iw[k]!;
      cover += cw * cw;
      aligned.push(...(surfaces.get(it[k]!) ?? []));
    }
    if (!dot) return;
    // Cosine, but a long point is not punished much for saying more than the claim.
    const strength = Math.min(1, dot / (claimNorm ** (2 - LENGTH_EXP) * itemNorm ** LENGTH_EXP));
    // Official text beats press reports on a near tie.
    const badge = point.confidence === 'primary' ? 1.04 : 1;
    out.push({ entry, match, index: i, point, strength, coverage: cover / (claimNorm * claimNorm), score: (strength * rankWeight + ENTRY_WEIGHT * entrySim) * badge, aligned });
  };
  entry.points.forEach((p, i) => consider('point', p, i));
  entry.exceptions.forEach((p, i) => consider('exception', p, i));
  return out;
}

/** The candidate set beside the claim: the best of the near-ties, the claim's side winning. */
function pickBest(candidates: Candidate[], weights: ReadonlyMap<string, number>, polarity: Polarity): Candidate | undefined {
  const topScore = Math.max(...candidates.map((c) => c.score));
  // An exception speaks to a claim only when the claim names its case: "police may ask about
  // status" shares no word with "… when status is an element of the crime" that the rule itself
  // lacks, so it is set beside the rule (and flagged opposite), not beside the exception.
  const rules = candidates.filter((c) => c.match === 'point' && c.score >= topScore * 0.6);
  const namesItsCase = (c: Candidate) => {
    const rule = rules.filter((r) => r.entry === c.entry).sort((a, b) => b.score - a.score)[0] ?? rules.sort((a, b) => b.score - a.score)[0];
    if (!rule) return true;
    const ruleWords = new Set(rule.aligned);
    return c.aligned.some((w) => !ruleWords.has(w));
  };
  // Among near-ties, the point on the claim's side wins (see the module comment).
  const sideBonus = (c: Candidate) => {
    if (c.match === 'exception' && !namesItsCase(c)) return 0.85;
    return (c.reading ??= readingWhereAligned(c.point.text, weights)) === polarity && polarity !== 'neutral' ? 1.12 : 1;
  };
  let best: Candidate | undefined;
  for (const c of candidates) {
    if (c.score < topScore * 0.8) continue;
    if (!best || c.score * sideBonus(c) > best.score * sideBonus(best)) best = c;
  }
  return best;
}

/** The flags a reader sees beside the point, and how the point reads where it meets the claim. */
function flagsFor(best: Candidate, reading: ReturnType<typeof readModality>, weights: ReadonlyMap<string, number>): { flags: ClaimFlag[]; pointReading: Polarity } {
  const flags: ClaimFlag[] = [];
  if (best.match === 'exception') flags.push('exception');
  if (best.point.confidence === 'reported') flags.push('reported');
  if (notInForce(best.entry)) flags.push('not-in-force');
  if (describesOlderText(best.entry, best.point)) flags.push('older-text');
  const pointReading = best.reading ?? readingWhereAligned(best.point.text, weights);
  // Only a claim that states a rule (may, may not, is barred …) is set against the point's rule.
  if (reading.deontic && best.strength >= MIN_STRENGTH_OPPOSITE && opposes(reading.polarity, pointReading)) flags.push('opposite');
  return { flags, pointReading };
}

/** Checks one claim against the pack. */
export function checkClaim(index: SearchIndex, entries: readonly Entry[], claim: { text: string; start: number; end: number }, options: CheckOptions = {}): ClaimResult {
  const reading = readModality(claim.text);
  const base = { text: claim.text, start: claim.start, end: claim.end, claimReading: reading.polarity };
  const none = (): ClaimResult => ({ ...base, entry: null, match: 'none', matched: '', confidence: null, flags: ['no-match'], aligned: [], strength: 0, coverage: 0, engineConfident: false });
  const { terms, surfaces } = claimTerms(claim.text);
  if (!terms.length) return none();
  const stats = termStats(entries);
  const weights = new Map(terms.map((t) => [t, idf(stats, t)]));
  let claimNorm = 0;
  for (const w of weights.values()) claimNorm += w * w;
  claimNorm = Math.sqrt(claimNorm);

  const { pool, ...engine } = candidateEntries(index, entries, stats, weights, claim.text, options);
  if (!pool.size) return none();
  const ctx: ClaimContext = { weights, claimNorm, surfaces, ...engine, places: placesNamed(claim.text) };
  const candidates = [...pool].flatMap((entry) => entryCandidates(entry, stats, ctx));
  if (!candidates.length) return none();
  const best = pickBest(candidates, weights, reading.polarity);
  if (!best) return none();
  const threshold = ctx.confident.has(best.entry.id) ? MIN_COVERAGE : MIN_COVERAGE_UNSURE;
  if (best.coverage < threshold) return none();
  // One shared word is not evidence ("painted the bridge green" is not about green cards).
  const shared = terms.filter((t) => best.aligned.some((w) => surfaces.get(t)?.includes(w))).length;
  if (shared < 2 && terms.length >= 3) return none();

  const { flags, pointReading } = flagsFor(best, reading, weights);
  return {
    ...base,
    entry: best.entry.id,
    match: best.match,
    index: best.index,
    matched: best.point.text,
    ...(best.point.subsection ? { subsection: best.point.subsection } : {}),
    confidence: best.point.confidence,
    flags,
    aligned: [...new Set(best.aligned)],
    pointReading,
    strength: Math.round(best.strength * 100) / 100,
    coverage: Math.round(best.coverage * 100) / 100,
    engineConfident: ctx.confident.has(best.entry.id),
  };
}

/** Splits `text` into claims (split.ts) and checks each one. */
export function checkClaims(index: SearchIndex, entries: readonly Entry[], text: string, options: CheckOptions = {}): ClaimCheck {
  const max = options.maxClauses ?? 40;
  const claims = splitClaims(String(text ?? ''), max + 1);
  return { clauses: claims.slice(0, max).map((c) => checkClaim(index, entries, c, options)), truncated: claims.length > max };
}
