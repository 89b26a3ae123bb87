/**
 * The words a claim and a point are compared on: stemmed content words, without the modal and
 * negation words (modality.ts reads those; here they would make "bars X" align with any point
 * that "bars" something else), with a few legal synonyms folded together ("inquire" = "ask",
 * "officers" = "police"), and weighted by how rare they are across the pack's points.
 */
import { norm } from '../text/normalize';
import { scanTerms, scanWords, stem, STOPWORDS } from '../text/tokenize';

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

/**
 * Names written out in news and shortened in the pack (or the reverse), read as one word. Each
 * rule has a word every match contains: a text without it skips the rule's scan (the pack's
 * statistics read every point, and most points have none of these words).
 */
const PHRASES: [string[], RegExp, string | ((m: string) => string)][] = [
  [['police department'], /\bminneapolis police department\b|\bpolice department\b/g, 'mpd'],
  [['immigration and customs enforcement'], /\b(?:u\.?s\.? )?immigration and customs enforcement\b/g, 'ice'],
  [['homeland security'], /\b(?:u\.?s\.? )?(?:department of )?homeland security\b/g, 'dhs'],
  [[' part'], /\btak(?:e|es|ing) part\b/g, 'participate'],
  // Being in the country without status, however a page puts it, is what the pack calls undocumented.
  [['unlawfully', 'illegal', 'without'], /\b(?:(?:being |are |is )?(?:(?:present |living |residing )?in the (?:u\.?s\.?|united states|country)|here|present)) (?:unlawfully|illegally|without (?:legal )?(?:authorization|status|papers|permission))\b|\bwithout legal status\b|\billegal (?=immigrants?\b|aliens?\b)/g, 'undocumented '],
  [['city council'], /\bcity council\b/g, 'council'],
  // Grants a government pays are its funding ("cut federal grants", "risk losing federal funding").
  [[' grants'], /\b(federal|state|city|withhold(?:ing)?|cut(?:ting)?|los(?:e|ing)) grants\b/g, '$1 funding'],
  // A report as where a statement comes from ("was reported to", "news reports said", "per the
  // same report"), not as what it is about ("must report violations", "new reports to the
  // Mayor"): press hedges made "report" look common and matched any claim about reporting.
  [['report'], /\b(?:(?:is|are|was|were|be|been) reported(?: (?:to|as))?|as reported|(?:news|press|media|local|one|patch|same|the) report(?:s|ing)? (?:said|says|say|differ|described)|(?:news|press|media|local) report(?:s|ing)?|per the same report|named in reports|after reports|of the reports)\b/g, ' '],
  // "10th Amendment" in the news, "Tenth Amendment" in the pack.
  [['1st', '2nd', '3rd', '4th', '5th', '6th', '7th', '8th', '9th', '0th'], /\b(?:1st|2nd|3rd|4th|5th|6th|7th|8th|9th|10th)\b/g, (n) => ORDINALS[Number.parseInt(n, 10) - 1]!],
];
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** Normalized text with the phrases of PHRASES read as one word: what claimTerms scans. */
export function phrased(text: string): string {
  let t = norm(text);
  for (const [words, re, to] of PHRASES) {
    if (containsAny(t, words)) t = typeof to === 'string' ? t.replace(re, to) : t.replace(re, to);
  }
  return t;
}

function containsAny(text: string, words: readonly string[]): boolean {
  for (const w of words) if (text.includes(w)) return true;
  return false;
}

/**
 * The term a word of phrased text stands for, or null when it is not compared (a stop word, a
 * modal, a hedge). A function of the word alone, so memoized: stemming every word of every point
 * was most of the pack statistics' cost.
 */
export function termOf(surface: string): string | null {
  let t = termMemo.get(surface);
  if (t === undefined) {
    t = STOPWORDS.has(surface) ? null : compared(stem(surface), surface);
    if (termMemo.size > 100_000) termMemo.clear();
    termMemo.set(surface, t);
  }
  return t;
}
const termMemo = new Map<string, string | null>();

function compared(stem: string, surface: string): string | null {
  if (MODAL_STEMS.has(stem) || FILLER_STEMS.has(stem) || FILLER_WORDS.has(surface) || stem.length < 2) return null;
  return SYNONYMS.get(stem) ?? stem;
}

export function claimTerms(text: string): { terms: string[]; surfaces: Map<string, string[]> } {
  const terms: string[] = [];
  const surfaces = new Map<string, string[]>();
  scanWords(phrased(text), (surface) => {
    const t = termOf(surface);
    if (t === null) return;
    const seen = surfaces.get(t);
    if (!seen) {
      terms.push(t);
      surfaces.set(t, [surface]);
    } else if (!seen.includes(surface)) seen.push(surface);
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
