/**
 * The words a claim and a point are compared on: stemmed content words, without the modal and
 * negation words (modality.ts reads those; here they would make "bars X" align with any point
 * that "bars" something else), with a few legal synonyms folded together ("inquire" = "ask",
 * "officers" = "police"), and weighted by how rare they are across the pack's points.
 */
import type { Entry } from '../schema/pack';
import { norm } from '../text/normalize';
import { scanTerms } from '../text/tokenize';

/** Stems that carry modality, not subject matter (see modality.ts). */
const MODAL_STEMS = new Set([
  'prohibit', 'bar', 'ban', 'forbid', 'allow', 'permit', 'prevent', 'authoriz', 'cannot', "can't", "don't", "doesn't", "won't",
  'never', 'except', 'unless', 'nothing', 'noth', 'refus', 'restrict', 'still', 'also', 'abl', 'abil', 'longer', 'off-limit',
  // "solely", like "only", limits a rule ("the sole alleged violation"); it is not what a rule is about.
  'sole',
]);

/**
 * Hedges and discourse words: rare in a pack's points, so weighted as if they were subject matter
 * ("certain serious crimes" is not about a point's "certain grounds"), but they say how a text
 * speaks, not what about.
 */
const FILLER_STEMS = new Set(['certain', 'explicit', 'specif', 'ultim', 'whether', "they'r", "we'r", "you'r", 'particular', 'various']);
/**
 * Hedges on where a statement comes from ("reportedly"): a pack's points say it of press-only
 * facts, so "report" looked common and matched any claim about reports. The badge carries that.
 */
const FILLER_WORDS = new Set(['reportedly', 'allegedly', 'purportedly', 'apparently']);

/** Stems folded together: different words for the same thing in news and in law. */
const SYNONYM_LIST: Record<string, string> = {
  inquir: 'ask', question: 'ask', queri: 'ask',
  officer: 'polic', mpd: 'polic', cop: 'polic',
  undocu: 'status', undocument: 'status',
  jail: 'detain', hold: 'detain', detent: 'detain',
  ramp: 'lot', garag: 'lot',
  staff: 'employe', worker: 'employe',
  cooper: 'assist', help: 'assist', aid: 'assist', collabor: 'assist', partner: 'assist',
  ice: 'immigr-agent', dhs: 'immigr-agent',
  deport: 'remov',
  individu: 'peopl', person: 'peopl',
  // The stemmer leaves an adjective and its noun apart ("liable", "liability").
  liabil: 'liabl',
};
// A Map, not the object: a word such as "constructor" must not find Object.prototype's entry,
// and a lookup that misses is the common case.
const SYNONYMS = new Map(Object.entries(SYNONYM_LIST));

/** Names written out in news and shortened in the pack (or the reverse), read as one word. */
const PHRASES: [RegExp, string | ((m: string) => string)][] = [
  [/\bminneapolis police department\b|\bpolice department\b/g, 'mpd'],
  [/\b(?:u\.?s\.? )?immigration and customs enforcement\b/g, 'ice'],
  [/\b(?:u\.?s\.? )?(?:department of )?homeland security\b/g, 'dhs'],
  [/\btak(?:e|es|ing) part\b/g, 'participate'],
  // Being in the country without status, however a page puts it, is what the pack calls undocumented.
  [/\b(?:(?:being |are |is )?(?:(?:present |living |residing )?in the (?:u\.?s\.?|united states|country)|here|present)) (?:unlawfully|illegally|without (?:legal )?(?:authorization|status|papers|permission))\b|\bwithout legal status\b|\billegal (?=immigrants?\b|aliens?\b)/g, 'undocumented '],
  [/\bcity council\b/g, 'council'],
  // Grants a government pays are its funding ("cut federal grants", "risk losing federal funding").
  [/\b(federal|state|city|withhold(?:ing)?|cut(?:ting)?|los(?:e|ing)) grants\b/g, '$1 funding'],
  // A report as where a statement comes from ("was reported to", "news reports said", "per the
  // same report"), not as what it is about ("must report violations", "new reports to the
  // Mayor"): press hedges made "report" look common and matched any claim about reporting.
  [/\b(?:(?:is|are|was|were|be|been) reported(?: (?:to|as))?|as reported|(?:news|press|media|local|one|patch|same|the) report(?:s|ing)? (?:said|says|say|differ|described)|(?:news|press|media|local) report(?:s|ing)?|per the same report|named in reports|after reports|of the reports)\b/g, ' '],
  // "10th Amendment" in the news, "Tenth Amendment" in the pack.
  [/\b(?:1st|2nd|3rd|4th|5th|6th|7th|8th|9th|10th)\b/g, (n) => ORDINALS[Number.parseInt(n, 10) - 1]!],
];
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

export function claimTerms(text: string): { terms: string[]; surfaces: Map<string, string[]> } {
  const terms: string[] = [];
  const surfaces = new Map<string, string[]>();
  let t = norm(text);
  for (const [re, to] of PHRASES) t = typeof to === 'string' ? t.replace(re, to) : t.replace(re, to);
  scanTerms(t, (stem, surface) => {
    if (MODAL_STEMS.has(stem) || FILLER_STEMS.has(stem) || FILLER_WORDS.has(surface) || stem.length < 2) return;
    const t = SYNONYMS.get(stem) ?? stem;
    if (!surfaces.has(t)) {
      terms.push(t);
      surfaces.set(t, [surface]);
    } else if (!surfaces.get(t)!.includes(surface)) surfaces.get(t)!.push(surface);
  });
  return { terms, surfaces };
}

/** Titles a person's name follows in news copy ("Mayor Jacob Frey", "then-President Trump"). */
const TITLE =
  /\b(?:Mayor|Sheriff|Judge|Governor|Gov\.|President|Attorney General|Councilmember|Council Member|Chief|Senator|Sen\.|Rep\.|Representative|Commissioner|Secretary|Speaker|Superintendent|czar|commander|Commander|Director)\s+((?:[A-Z][\p{L}'’.-]*\s+){0,3}[A-Z][\p{L}'’-]+)/gu;

/**
 * Terms of a text that are the name of a person it introduces by title. A name says who acted,
 * not which rule: the same mayor or sheriff appears in points about other orders, lawsuits and
 * events, and as the rarest words of the claim a name outweighed what the claim is about
 * ("Mayor Jacob Frey issued an executive order …" went to a point about an investigation of him).
 */
export function nameTerms(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(TITLE)) {
    scanTerms(norm(m[1]!), (stem) => {
      out.add(SYNONYMS.get(stem) ?? stem);
    });
  }
  return out;
}

/** Unique terms of one point or exception text (memoized per text). */
const itemMemo = new Map<string, readonly string[]>();
export function itemTerms(text: string): readonly string[] {
  let t = itemMemo.get(text);
  if (!t) {
    t = claimTerms(text).terms;
    if (itemMemo.size > 200_000) itemMemo.clear();
    itemMemo.set(text, t);
  }
  return t;
}

/** One point or exception of the pack, as the point index lists it. */
export interface ItemRef {
  entry: number;
  match: 'point' | 'exception';
  index: number;
}

export interface TermStats {
  /** Number of points and exceptions counted. */
  items: number;
  /** idf per term, filled on first use. */
  idfs: Map<string, number>;
  /** Weighted terms of each point text, filled on first use (see itemVector). */
  vectors: Map<string, ItemVector>;
  df: Map<string, number>;
  /** Every point and exception, in pack order. */
  refs: ItemRef[];
  /** Term → the items that carry it (indexes into refs). */
  postings: Map<string, number[]>;
  /** Term → a small whole number, for the terms of the pack's points and exceptions (see claimWeightsDense). */
  ids: Map<string, number>;
  /** A claim's weights by term id (zero elsewhere): filled and cleared around each claim's scoring. */
  dense: Float64Array;
}

const statsMemo = new WeakMap<readonly Entry[], TermStats>();

/** Document frequency of each term over every point and exception of `entries` (computed once per array). */
export function termStats(entries: readonly Entry[]): TermStats {
  let s = statsMemo.get(entries);
  if (s) return s;
  const df = new Map<string, number>();
  const refs: ItemRef[] = [];
  const postings = new Map<string, number[]>();
  entries.forEach((e, entry) => {
    const add = (match: ItemRef['match'], text: string, index: number) => {
      const id = refs.length;
      refs.push({ entry, match, index });
      for (const t of itemTerms(text)) {
        df.set(t, (df.get(t) ?? 0) + 1);
        const list = postings.get(t);
        if (list) list.push(id);
        else postings.set(t, [id]);
      }
    };
    e.points.forEach((p, i) => add('point', p.text, i));
    e.exceptions.forEach((p, i) => add('exception', p.text, i));
    entryTerms(e);
  });
  // Ids for the points' terms and the words entries are known by (entrySimilarity reads both).
  const ids = new Map<string, number>();
  for (const t of df.keys()) ids.set(t, ids.size);
  for (const e of entries) for (const t of entryTerms(e)) if (!ids.has(t)) ids.set(t, ids.size);
  s = { items: refs.length, idfs: new Map(), vectors: new Map(), df, refs, postings, ids, dense: new Float64Array(ids.size) };
  statsMemo.set(entries, s);
  // Every point's weighted terms, once per pack: a claim then only looks them up.
  for (const e of entries) entryVectors(s, e);
  return s;
}

/** The words an entry is known by (title, citation, aliases, summary), memoized per entry (termStats fills it). */
const entryTermsMemo = new WeakMap<Entry, readonly string[]>();
export function entryTerms(e: Entry): readonly string[] {
  let t = entryTermsMemo.get(e);
  if (!t) {
    t = claimTerms([e.title, e.citation ?? '', ...e.aliases, e.summary].join('. ')).terms;
    entryTermsMemo.set(e, t);
  }
  return t;
}

/**
 * The items sharing the most weighted words with a claim (dot product over the postings), best
 * first. Words carried by more than `maxShare` of all items are skipped here (they still count
 * when the candidates are scored): they would make every lookup walk most of the pack.
 */
export function retrieveItems(stats: TermStats, weights: ReadonlyMap<string, number>, k: number, maxShare = 0.005): { ref: ItemRef; dot: number }[] {
  const limit = Math.max(40, stats.items * maxShare);
  const acc = (scratch.length >= stats.items ? scratch : (scratch = new Float64Array(stats.items)));
  const touched: number[] = [];
  for (const [t, w] of weights) {
    const list = stats.postings.get(t);
    if (!list || list.length > limit) continue;
    const ww = w * w;
    for (const id of list) {
      if (acc[id] === 0) touched.push(id);
      acc[id]! += ww;
    }
  }
  // Keep the k best without sorting everything touched: `low` is the slot of the weakest kept.
  const ids: number[] = [];
  const dots: number[] = [];
  let low = 0;
  for (const id of touched) {
    const dot = acc[id]!;
    acc[id] = 0;
    if (ids.length < k) {
      ids.push(id);
      dots.push(dot);
      if (dot < dots[low]!) low = dots.length - 1;
    } else if (dot > dots[low]!) {
      ids[low] = id;
      dots[low] = dot;
      for (let i = 0; i < k; i++) if (dots[i]! < dots[low]!) low = i;
    }
  }
  return ids.map((id, i) => ({ ref: stats.refs[id]!, dot: dots[i]! })).sort((a, b) => b.dot - a.dot);
}
let scratch = new Float64Array(0);

export interface ItemVector {
  terms: readonly string[];
  /** The terms' ids (TermStats.ids), for scoring against a claim's dense weights. */
  ids: Int32Array;
  weights: Float64Array;
  /** Euclidean norm of the weights. */
  norm: number;
}

/** An entry's point and exception vectors, in order (one lookup per entry, not per point text). */
export interface EntryVectors {
  points: ItemVector[];
  exceptions: ItemVector[];
  /** Ids of the words the entry is known by (entryTerms), for the claim's share of them. */
  known: Int32Array;
}
const entryVectorMemo = new WeakMap<TermStats, WeakMap<Entry, EntryVectors>>();
export function entryVectors(stats: TermStats, entry: Entry): EntryVectors {
  let byEntry = entryVectorMemo.get(stats);
  if (!byEntry) entryVectorMemo.set(stats, (byEntry = new WeakMap()));
  let v = byEntry.get(entry);
  if (!v) {
    const known = Int32Array.from(entryTerms(entry), (t) => stats.ids.get(t) ?? -1).filter((id) => id >= 0);
    v = { points: entry.points.map((p) => itemVector(stats, p.text)), exceptions: entry.exceptions.map((p) => itemVector(stats, p.text)), known };
    byEntry.set(entry, v);
  }
  return v;
}

/** A point's terms with their idf weights and norm, computed once per pack. */
export function itemVector(stats: TermStats, text: string): ItemVector {
  let v = stats.vectors.get(text);
  if (!v) {
    const terms = itemTerms(text);
    const weights = new Float64Array(terms.length);
    const ids = new Int32Array(terms.length);
    let n = 0;
    terms.forEach((t, i) => {
      const w = idf(stats, t);
      weights[i] = w;
      ids[i] = stats.ids.get(t) ?? -1;
      n += w * w;
    });
    v = { terms, ids, weights, norm: Math.sqrt(n) };
    stats.vectors.set(text, v);
  }
  return v;
}

export function idf(stats: TermStats, term: string): number {
  let v = stats.idfs.get(term);
  if (v === undefined) {
    v = Math.log(1 + (stats.items + 1) / ((stats.df.get(term) ?? 0) + 1));
    stats.idfs.set(term, v);
  }
  return v;
}
