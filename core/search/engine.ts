/**
 * The lookup engine, as a pipeline of named stages (core/search/stages/):
 *   parse → citations → term expansion → accumulate → phrases → context → rate → hits.
 * Every weight is in RANKING (core/search/ranking.ts). The engine does not catch its own
 * errors: a ranking bug must fail a test, not look like "nothing in this pack covers this"
 * (the lookup service in lib/ is where a safety net belongs, and it says when it was used).
 */
import { RANKING } from './ranking';
import type { SearchIndex } from './build';
import type { HitSignals, LookupHit, LookupOptions, LookupResult, ResultConfidence } from './types';
import { parseQuery } from './stages/parse';
import { resolveCitations, type CiteHit } from './stages/citations';
import { expandTerms, type QueryTerm } from './stages/terms';
import { groupCount, groupOfEntry, markPacks } from './pack-groups';
import { accumulateTerms, bestTouchedScore, touch } from './stages/accumulate';
import { matchPhrases } from './stages/phrases';
import { capForeignLaw, contextAbout, contextFactors, pageCity, placesNamed, placesUnmentioned, type ContextSignal } from './stages/context';
import { applyPhraseBonuses, confirmStrong, labelSlots, rateCitations, readBack, scoreSlots, sharesWithRelated, shareWithRelated, SLOT, type RateInput } from './stages/rate';
import { LABEL } from './stages/labels';
import { bestAndMargin, bestSlot, pickShownAndOthers } from './stages/pick';
import { pageMonth } from './stages/page-date';
import { keepPacks } from './stages/only-packs';
import { applyVersionCues, versionCue } from './stages/version-cues';
import { hitBuilder, type Candidate } from './stages/hits';
import { kindClasses } from './stages/kinds';
import { ownTitlesFirst, pagePlace, titlePhrases } from './title-phrase';

export { buildIndex, loadIndex, serializeIndex, INDEX_VERSION } from './build';
export type { SearchIndex } from './build';

/** scratch.conf → the label a hit carries (LABEL.none never reaches a hit as an answer). */
const LABELS: ResultConfidence[] = ['low', 'low', 'medium', 'high'];
/** Words that make a short selection point at something the page has named ("the order"). */
const REFERRING = new Set(['the', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her']);

export function lookup(index: SearchIndex, rawQuery: string, options: LookupOptions = {}): LookupResult {
  const query = typeof rawQuery === 'string' ? rawQuery : String(rawQuery ?? '');
  const l = Number(options.limit ?? 5);
  const limit = Number.isFinite(l) ? Math.max(1, Math.min(50, Math.floor(l))) : 5;

  // 1. parse
  const q = parseQuery(query);
  const result: LookupResult = { query: query.length > 2000 ? query.slice(0, 2000) : query, mode: q.mode, results: [], others: [], unknownCitations: [], truncated: q.truncated, headline: 'nothing' };
  if (!q.words.length && !q.cites.length) {
    result.mode = 'empty';
    return result;
  }
  // 6a. context, read first: its pass uses the same scratch arrays and leaves them clean.
  const signal: ContextSignal = { city: pageCity(index, options.context), about: options.context ? contextAbout(index, options.context, q.source) : new Map(), month: pageMonth(options.context), unmentioned: placesUnmentioned(index, options.context) };
  // 2. citations
  const cites = resolveCitations(index, q, signal.city);
  result.unknownCitations = cites.unknown;
  // 3. term expansion
  const terms = expandTerms(index, q);
  markPacks(index, terms, q.passage);
  // 4. accumulate
  const sc = index.scratch;
  let nt = accumulateTerms(index, terms, q.passage);
  const topText = bestTouchedScore(sc, nt);
  // 5. phrases
  const phrases = matchPhrases(index, q, terms, topText);
  const ownTitles = titlePhrases(index, q, terms, topText, nt, pagePlace(index, options.context, signal.city), phrases.entries);
  nt = applyPhraseBonuses(sc, phrases.entries, nt);
  for (const id of cites.hits.keys()) nt = touch(sc, nt, id, SLOT.cite);
  const top = readBack(sc, nt);

  // 6b. context factor per candidate; 7. rate
  const named = placesNamed(index, q);
  const reading = q.passage ? 'passage' : REFERRING.has(q.tokens[0]?.term ?? '') ? 'referring' : 'short';
  const factors = sc.cf;
  contextFactors(index, sc.touched, nt, signal, named, reading, factors);
  const known = knownPerPack(index, terms.all, q.passage);
  const packOf = (i: number) => groupOfEntry(index, sc.touched[i]!);
  const keyIdf = (i: number) => known.keyIdf[packOf(i)]!;
  const allIdf = (i: number) => known.allIdf[packOf(i)]!;
  const kinds = kindClasses(index);
  const contextAgrees = (i: number) => (signal.about.get(sc.touched[i]!) ?? 0) >= RANKING.context.agreesAt;
  const rateInput = { passage: q.passage, top, packOf: index.cache.groups?.of, covBase: known.keyIdf, allIdf: known.allIdf, unknownWords: known.unknown, kinds, factors, contextAgrees, wordCount: q.words.length, referring: reading === 'referring' };
  scoreSlots(sc, nt, rateInput);
  ownTitlesFirst(index, nt, ownTitles);
  rateCitations(sc, nt, cites.hits, phrases.wordForWord, q.passage, allIdf);
  let bestI = labelAndRescore(index, nt, rateInput, cites.hits, q.text);
  capForeignLaw(index, nt, signal, named);
  // 7b. only the packs asked for
  if (options.packs) {
    nt = keepPacks(index, nt, options.packs, factors);
    bestI = bestSlot(sc, nt);
  }

  // 8. hits
  const bestScore = bestI >= 0 ? sc.final[bestI]! : 0;
  const { shown, others } = pickShownAndOthers(sc, nt, limit, bestScore * RANKING.answers.minShareOfBest);
  const textVia: LookupHit['via'] = q.passage ? 'passage' : terms.fuzzy ? 'fuzzy' : 'exact';
  const candidate = (i: number): Candidate => {
    const c = sc.fl[i]! & SLOT.cite ? cites.hits.get(sc.touched[i]!) : undefined;
    return { entry: sc.touched[i]!, score: sc.final[i]!, confidence: LABELS[sc.conf[i]!]!, via: c ? 'citation' : textVia, pinpoint: c?.pinpoint };
  };
  const toHit = hitBuilder(index, options.matched === false ? [] : terms.all, cites.hits);
  const order = [...shown, ...others].sort((a, b) => sc.final[b]! - sc.final[a]!);
  const signals = (i: number): HitSignals => {
    const next = order.find((j) => j !== i && sc.final[j]! <= sc.final[i]!);
    return {
      coverage: round(Math.min(1, sc.cm[i]! / keyIdf(i))),
      coverageAll: round(q.passage ? sc.cm[i]! / allIdf(i) : Math.min(1, sc.cm[i]! / known.totalIdf[packOf(i)]!)),
      relative: round(top ? sc.text[i]! / top : 0),
      margin: round(next !== undefined && sc.final[next]! > 0 ? sc.final[i]! / sc.final[next]! : 10),
      whole: (sc.fl[i]! & SLOT.whole) !== 0,
      named: (sc.fl[i]! & SLOT.named) !== 0,
      cited: (sc.fl[i]! & SLOT.cite) !== 0,
      context: round(factors[i]!),
    };
  };
  const hitOf = (i: number, low = false): LookupHit => {
    const h = toHit(candidate(i));
    if (low) h.confidence = 'low';
    if (options.explain) h.signals = signals(i);
    return h;
  };
  result.results = shown.map((i) => hitOf(i));
  result.others = others.map((i) => hitOf(i, true));
  result.headline = shown.length ? 'answer' : others.length && sc.conf[others[0]!]! >= LABEL.possible ? 'possible' : 'nothing';
  return result;
}

/**
 * Stage 7's labels, then the related share and the version cues, which may move final scores
 * after them (then a Strong label is confirmed again). Returns the best slot.
 */
function labelAndRescore(index: SearchIndex, nt: number, rateInput: RateInput, cites: Map<number, CiteHit>, text: string): number {
  const sc = index.scratch;
  const labelled = bestAndMargin(sc, nt);
  labelSlots(sc, nt, rateInput, labelled.best, labelled.margin);
  const cue = versionCue(text);
  // Only a related share or a version cue moves a final score after the labels were given;
  // without either, the best slot and its margin are those the labels read: nothing to confirm.
  const rescored = sharesWithRelated(index, labelled.best) || cue.amended || cue.original;
  let bestI = shareWithRelated(index, nt, labelled.best, cites, rateInput.top);
  // After the related share, which may reorder an amendment and the law it amends either way.
  bestI = applyVersionCues(index, nt, cue, bestI);
  if (rescored) confirmStrong(sc, nt, rateInput.passage);
  return bestI;
}

/**
 * Per pack (core/search/pack-groups.ts), as that pack alone would compute them: whether the
 * selection has words it has never seen, and the coverage denominators (every term's IDF; a
 * passage's key terms'; a passage's strongest terms', unknown words included).
 */
function knownPerPack(index: SearchIndex, all: QueryTerm[], passage: boolean): { unknown: boolean[]; totalIdf: number[]; keyIdf: number[]; allIdf: number[] } {
  const out = { unknown: [] as boolean[], totalIdf: [] as number[], keyIdf: [] as number[], allIdf: [] as number[] };
  for (let g = 0; g < groupCount(index); g++) {
    const total = all.reduce((s, t) => s + t.idfIn[g]!, 0) || 1;
    out.unknown.push(all.some((t) => !(t.packs & (1 << g))));
    out.totalIdf.push(total);
    out.keyIdf.push(passage ? all.reduce((s, t) => s + (t.keyIn & (1 << g) ? t.idfIn[g]! : 0), 0) || 1 : total);
    out.allIdf.push(passage ? strongestIdf(all, g) : total);
  }
  return out;
}

/**
 * A passage's coverage denominator in pack `g`: the IDF of its strongest key terms, words the
 * pack has never seen included (at RANKING.terms.unknownWordWeight of their IDF), so a passage
 * mostly about other things covers little of any entry.
 */
function strongestIdf(all: QueryTerm[], g: number): number {
  return (
    all
      .map((t) => (t.packs & (1 << g) ? t.idfIn[g]! : t.idfIn[g]! * RANKING.terms.unknownWordWeight) * (1 + Math.log(t.qtf)))
      .sort((a, b) => b - a)
      .slice(0, RANKING.terms.keyTerms)
      .reduce((s, x) => s + x, 0) || 1
  );
}

const round = (x: number) => Math.round(x * 1000) / 1000;

