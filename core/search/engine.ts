/**
 * The lookup engine: BM25F over stemmed terms (core/search/build.ts), citation keys derived from
 * each entry's citation and aliases, phrase matches on titles/aliases/keywords, fuse.js typo
 * expansion against the pack's words for short queries (core/search/fuzzy.ts), and top-IDF key
 * terms for long selections.
 */
import { norm, normalize, originalSpan } from '../text/normalize';
import { scanTerms, tokenize, type Token } from '../text/tokenize';
import { extractCitations } from '../citations/extract';
import { citeRefs, EXACT_MAX_TOKENS, fieldTexts, findKey, jurisName, PHRASE, type Scratch, type SearchIndex } from './build';
import { fuzzyCandidates, prefixCandidates } from './fuzzy';
import type { LookupHit, LookupOptions, LookupResult, MatchedField, ResultConfidence, UnknownCitation } from './types';

export { buildIndex, loadIndex, serializeIndex, INDEX_VERSION } from './build';
export type { SearchIndex, SerializedIndex } from './build';

/** Characters of a selection the engine reads; the rest is cut (`truncated`). */
export const MAX_QUERY_CHARS = 20000;
/** Weight of glossary terms among the answers to a sentence or passage. */
const TERM_IN_PASSAGE = 0.8;
/** Passages: the score is scaled by (COV_BASE + coverage of the selection's key terms). */
const COV_BASE = 1;
/** Extra phrase rank (× the best text score) for a selection that is an entry's title, alias or keyword word for word. */
const EXACT_WORDING = 1;
/**
 * Passages: share of the selection's 12 strongest key terms (unknown words included, at the
 * highest IDF) an answer must match to be an answer at all, and to be a high-confidence one.
 */
const PASSAGE_MIN_COVERAGE = 0.33;
const PASSAGE_HIGH_COVERAGE = 0.4;
/** Stems whose first letters are not those of every word they come from (dying → die, skies → sky). */
const IRREGULAR_STEMS = new Set(['die', 'lie', 'tie', 'sky']);

function idf(index: SearchIndex, df: number): number {
  const n = index.entries.length;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

interface Variant {
  term: string;
  /** Index into index.terms. */
  t: number;
  factor: number;
}
interface QueryTerm {
  term: string;
  /** Normalized surface (for fuzzy matching). */
  word: string;
  surfaces: Set<string>;
  /** Terms actually looked up (the term itself or typo candidates) with a factor. */
  variants: Variant[];
  idf: number;
  qtf: number;
}

/**
 * Adds one term's postings to the accumulators: `f` × quantized weight to the score, `m` to the
 * matched IDF (once per query term when `stamp` marks entries already counted for it). Returns
 * the new number of touched entries. Kept small and monomorphic so the JIT keeps it unboxed.
 */
function accumulate(index: SearchIndex, t: number, f: number, m: number, stamp: number, nt: number): number {
  const { score: acc, matched: accM, seen, flags, touched } = index.scratch;
  const bytes = index.postBytes;
  let p = index.postStart[t]!;
  const end = index.postStart[t + 1]!;
  let id = -1;
  while (p < end) {
    let b = bytes[p++]!;
    let d = b & 127;
    for (let shift = 7; b & 128; shift += 7) {
      b = bytes[p++]!;
      d |= (b & 127) << shift;
    }
    id += d;
    const wt = bytes[p++]!;
    if (flags[id] === 0) {
      flags[id] = 1;
      touched[nt++] = id;
    }
    acc[id] = acc[id]! + f * wt;
    if (stamp === 0) accM[id] = accM[id]! + m;
    else if (seen[id] !== stamp) {
      seen[id] = stamp;
      accM[id] = accM[id]! + m;
    }
  }
  return nt;
}

/**
 * Bonus for entries carrying phrase `ki` (a run of the query's terms) as a title, alias or
 * keyword: the highest bonus per entry is kept in scratch.pb, whole-query matches marked in pw.
 * A selection that is exactly a title or alias outranks entries that only mention its words
 * (title 1.2, alias 1, title prefix 0.8, keyword 0.6 × the best text score); a reader who selects
 * a word wants its definition first, so term entries get 0.2 more. Parts of a longer query add
 * 0.6 × their IDF.
 */
function phraseBonus(index: SearchIndex, ki: number, whole: boolean, passage: boolean, pIdf: number, topText: number, isTerm: Uint8Array, pids: number[], exactQuery: boolean): void {
  const { pb, pw } = index.scratch;
  for (let x = index.phraseStart[ki]!; x < index.phraseStart[ki + 1]!; x++) {
    const id = index.phraseData[x]! >>> 3;
    const kind = index.phraseData[x]! & 3;
    if (kind === PHRASE.titlePrefix && (!whole || passage)) continue;
    const rank = kind === PHRASE.title ? 1.2 : kind === PHRASE.alias ? 1 : kind === PHRASE.titlePrefix ? 0.8 : 0.5;
    // Word for word (stop words included) beats equal content words.
    const exact = exactQuery && (index.phraseData[x]! & 4) !== 0 ? EXACT_WORDING : 0;
    const bonus = whole ? (rank + exact + (isTerm[id] ? 0.2 : 0)) * topText + pIdf * (kind ? 1.5 : 0.5) : pIdf * 0.6;
    if (pb[id] === 0 && pw[id] === 0) pids.push(id);
    if (bonus > pb[id]!) pb[id] = bonus;
    if (whole) pw[id] = 1;
  }
}

function maxAcc(sc: Scratch, nt: number): number {
  let top = 0;
  for (let i = 0; i < nt; i++) {
    const v = sc.score[sc.touched[i]!]!;
    if (v > top) top = v;
  }
  return top;
}

/** Copies the accumulators of the touched entries into candidate slots and clears them; returns the best text score. */
function readBack(sc: Scratch, nt: number): number {
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

/**
 * Final score and confidence of each candidate slot from its text score and coverage (share of
 * the query's IDF it matches). Passages scale by (COV_BASE + coverage) and weigh glossary terms
 * by TERM_IN_PASSAGE; short queries count a whole-query phrase match as 0.8 coverage.
 */
function rate(sc: Scratch, nt: number, isTerm: Uint8Array, o: { passage: boolean; top: number; covBase: number; allIdf: number; unknownWords: boolean }): void {
  const { text, cm, fl, final, conf, touched } = sc;
  const need = o.unknownWords ? 0.75 : 0.6;
  for (let i = 0; i < nt; i++) {
    const s = text[i]!;
    const cov = Math.min(1, cm[i]! / o.covBase);
    const rel = o.top ? s / o.top : 0;
    if (o.passage) {
      final[i] = s * (isTerm[touched[i]!] ? TERM_IN_PASSAGE : 1) * (COV_BASE + cov);
      const q2 = cov * 0.6 + rel * 0.4;
      // Words the pack has never seen count here: a passage mostly about other things is no answer.
      const covAll = cm[i]! / o.allIdf;
      conf[i] = covAll < PASSAGE_MIN_COVERAGE ? 0 : rel >= 0.6 && q2 >= 0.55 && covAll >= PASSAGE_HIGH_COVERAGE ? 2 : rel >= 0.45 && q2 >= 0.42 ? 1 : 0;
    } else {
      final[i] = s;
      const q2 = fl[i]! & 2 ? Math.max(cov, 0.8) : cov;
      // A word the pack has never seen ("snow") is a sign the selection is about something else.
      conf[i] = q2 >= 0.8 && rel >= 0.5 && !o.unknownWords ? 2 : q2 >= need && rel >= 0.35 ? 1 : 0;
    }
  }
}

/** Slot a ranks before slot b: higher final score, then lower entry index. */
function better(sc: Scratch, a: number, b: number): boolean {
  const fa = sc.final[a]!;
  const fb = sc.final[b]!;
  return fa > fb || (fa === fb && sc.touched[a]! < sc.touched[b]!);
}

function bestSlot(sc: Scratch, nt: number): number {
  let best = -1;
  for (let i = 0; i < nt; i++) if (best < 0 || better(sc, i, best)) best = i;
  return best;
}

/**
 * The best `k` slots, best first: confident ones scoring at least `minScore` when minScore ≥ 0,
 * else any slot not in `exclude`.
 */
function pickTop(sc: Scratch, nt: number, k: number, minScore: number, exclude: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < nt; i++) {
    if (out.length === k && !better(sc, i, out[k - 1]!)) continue;
    if (minScore >= 0 ? sc.conf[i] === 0 || sc.final[i]! < minScore : exclude.includes(i)) continue;
    let j = out.length < k ? out.length : k - 1;
    out[j] = i;
    while (j > 0 && better(sc, out[j]!, out[j - 1]!)) {
      const t = out[j]!;
      out[j] = out[j - 1]!;
      out[j - 1] = t;
      j--;
    }
  }
  return out;
}

const emptyResult = (query: unknown): LookupResult => ({ query: String(query ?? '').slice(0, 200), mode: 'empty', results: [], others: [], unknownCitations: [], truncated: false });

export function lookup(index: SearchIndex, query: string, options: LookupOptions = {}): LookupResult {
  try {
    return lookupUnsafe(index, typeof query === 'string' ? query : String(query ?? ''), options);
  } catch {
    // Leave the scratch arrays clean for the next lookup.
    try {
      index.scratch.score.fill(0);
      index.scratch.matched.fill(0);
      index.scratch.flags.fill(0);
      index.scratch.pb.fill(0);
      index.scratch.pw.fill(0);
    } catch {
      /* a broken index: every lookup answers empty */
    }
    return emptyResult(query);
  }
}

interface Cite {
  score: number;
  pinpoint?: string;
  surface: string;
  primary: boolean;
}

function lookupUnsafe(index: SearchIndex, rawQuery: string, options: LookupOptions): LookupResult {
  const l = Number(options.limit ?? 5);
  const limit = Number.isFinite(l) ? Math.max(1, Math.min(50, Math.floor(l))) : 5;
  const truncated = rawQuery.length > MAX_QUERY_CHARS;
  const q = truncated ? rawQuery.slice(0, MAX_QUERY_CHARS) : rawQuery;
  const result: LookupResult = { query: rawQuery.length > 2000 ? rawQuery.slice(0, 2000) : rawQuery, mode: 'empty', results: [], others: [], unknownCitations: [], truncated };
  const n = normalize(q);
  const text = n.text;
  const tokens = tokenize(text, 4000);
  const content = tokens.filter((t) => !t.stop);
  const cites = extractCitations(text, 20);
  if (!content.length && !cites.length) return result;
  const entries = index.entries;
  const juris = (i: number) => ((index.cache.juris ??= entries.map((e) => jurisName(e.jurisdiction)))[i] ?? '');

  // Citations
  const citeScore = new Map<number, Cite>();
  for (const c of cites) {
    const surface = originalSpan(q, n, c.start, c.end).trim();
    let named: string | undefined;
    if (c.pattern.local) {
      const win = text.slice(Math.max(0, c.start - 60), Math.min(text.length, c.end + 40)).replace(/\bst\.?\s/g, 'saint ');
      named = index.jurisdictions.filter((j) => j.length > 2 && win.includes(j)).sort((a, b) => b.length - a.length)[0];
    }
    let found = false;
    // Primary refs (the entry's own citation, aliases, title) at any level beat mentions in text.
    for (const wantPrimary of [true, false]) {
      for (let k = 0; k < c.keys.length && !found; k++) {
        const ki = findKey(index.citeKeys, c.keys[k]!);
        if (ki < 0) continue;
        let refs = citeRefs(index, ki).filter((r) => r.primary === wantPrimary);
        if (named) refs = refs.filter((r) => juris(r.entry).includes(named!));
        if (!refs.length) continue;
        found = true;
        for (const r of refs) {
          let s = (r.primary ? 100 : 40) + r.level * 2 + (r.exact ? 3 : 0) - k;
          if (!named && c.pattern.local && juris(r.entry) === index.homeJurisdiction) s += 1;
          const pin = c.subsection && !(k === 0 && r.level === 3) ? c.subsection : undefined;
          const old = citeScore.get(r.entry);
          if (!old || old.score < s) citeScore.set(r.entry, { score: s, pinpoint: pin, surface, primary: r.primary });
        }
      }
      if (found) break;
    }
    if (!found && c.pattern.reportUnknown) {
      result.unknownCitations.push({ text: surface, message: `${surface}: no such ${c.pattern.noun} in this pack` } satisfies UnknownCitation);
    }
  }
  // Tokens inside citation spans do not count as words of the query.
  const inCite = (t: Token) => cites.some((c) => t.start >= c.start && t.end <= c.end);
  const words = content.filter((t) => !inCite(t));
  const passage = words.length > 6;
  result.mode = cites.length && words.length <= 2 ? 'citation' : passage ? 'passage' : words.length || cites.length ? 'term' : 'empty';

  // Query terms
  const qterms = new Map<string, QueryTerm>();
  for (const t of words) {
    let qt = qterms.get(t.term);
    if (!qt) qterms.set(t.term, (qt = { term: t.term, word: t.surface, surfaces: new Set(), variants: [], idf: 0, qtf: 0 }));
    qt.qtf++;
    if (qt.surfaces.size < 8) qt.surfaces.add(originalSpan(q, n, t.start, t.end));
  }
  const maxIdf = idf(index, 0);
  let fuzzy = false;
  for (const qt of qterms.values()) {
    const ti = findKey(index.terms, qt.term);
    if (ti >= 0) {
      qt.variants.push({ term: qt.term, t: ti, factor: 1 });
      qt.idf = idf(index, index.df[ti]!);
    } else {
      for (const c of prefixCandidates(index, qt.term)) {
        qt.variants.push({ term: c.term, t: findKey(index.terms, c.term), factor: c.factor });
        fuzzy = true;
      }
      if (!passage) {
        for (const c of fuzzyCandidates(index, qt.word)) {
          const ci = findKey(index.terms, c.term);
          if (ci < 0) continue;
          const same = qt.variants.find((v) => v.t === ci);
          if (same) same.factor = Math.max(same.factor, c.factor);
          else qt.variants.push({ term: c.term, t: ci, factor: c.factor });
          fuzzy = true;
        }
      }
      qt.variants.sort((a, b) => b.factor - a.factor);
      qt.idf = qt.variants[0] ? idf(index, index.df[qt.variants[0].t]!) : maxIdf;
    }
  }
  const unknownWords = [...qterms.values()].filter((t) => !t.variants.length).length;
  let terms = [...qterms.values()];
  if (passage) {
    terms = terms
      .filter((t) => t.variants.length)
      .sort((a, b) => b.idf * (1 + Math.log(b.qtf)) - a.idf * (1 + Math.log(a.qtf)))
      .slice(0, 32);
  }
  const totalIdf = [...qterms.values()].reduce((s, t) => s + t.idf, 0) || 1;

  // BM25F accumulation into dense scratch arrays; only touched entries are read back.
  const sc = index.scratch;
  const { score: acc, matched: accM, flags, touched } = sc;
  let nt = 0;
  for (const qt of terms) {
    const w = qt.idf * (passage ? 1 + Math.log(qt.qtf) : 1);
    const multi = qt.variants.length > 1;
    const stamp = multi ? (sc.stamp = (sc.stamp + 1) >>> 0 || 1) : 0;
    for (const v of qt.variants) nt = accumulate(index, v.t, (w * v.factor) / 255, qt.idf * v.factor, multi ? stamp : 0, nt);
  }
  const topText = maxAcc(sc, nt);

  // Phrase matches against titles, aliases and keywords.
  const isTerm = (index.cache.isTerm ??= Uint8Array.from(entries, (e) => (e.kind === 'term' ? 1 : 0)));
  const seq = words.map((t) => qterms.get(t.term)!);
  // No stop words or citation tokens: the content words are the wording.
  const plainQuery = words.length === tokens.length;
  const pids: number[] = [];
  const pk = index.phraseKeys;
  const extends_ = (key: string) => {
    const probe = key + ' ';
    let i = findKey(pk, probe);
    if (i < 0) i = -i - 1;
    return i < pk.length && pk[i]!.startsWith(probe);
  };
  for (let i = 0; i < seq.length; i++) {
    let keys = [''];
    for (let len = 1; len <= index.maxPhraseLen && i + len <= seq.length && keys.length; len++) {
      const qt = seq[i + len - 1]!;
      const opts = qt.variants.length ? qt.variants.map((v) => v.term) : [qt.term];
      keys = keys.flatMap((k) => opts.map((o) => (k ? k + ' ' + o : o))).slice(0, 8);
      if (!(len === 1 && passage)) {
        let pIdf = 0;
        for (let j = i; j < i + len; j++) pIdf += seq[j]!.idf;
        for (const key of keys) {
          const ki = findKey(pk, key);
          if (ki >= 0) phraseBonus(index, ki, len === seq.length, passage, pIdf, topText, isTerm, pids, len === seq.length && plainQuery);
        }
      }
      keys = keys.filter(extends_);
    }
  }
  // The selection word for word, when it has stop words or a citation ("One Minneapolis",
  // "287(g) agreement"), against titles, aliases and keywords worded exactly so.
  const wordForWord = new Map<number, number>(); // entries titled (2) or aliased (1) exactly as the selection
  if (!passage && !plainQuery && seq.length && tokens.length <= EXACT_MAX_TOKENS) {
    const wording = tokens.map((t) => t.term).join(' ');
    let ki = findKey(pk, '=' + wording);
    // A title with no stop words is stored without "=": a citation in it ("287(g) agreement")
    // is what kept the query from matching it as plain words.
    if (ki < 0 && cites.length) ki = findKey(pk, wording);
    if (ki >= 0) {
      phraseBonus(index, ki, true, false, seq.reduce((s2, qt) => s2 + qt.idf, 0), topText, isTerm, pids, true);
      for (let x = index.phraseStart[ki]!; x < index.phraseStart[ki + 1]!; x++) {
        const kind = index.phraseData[x]! & 3;
        const id = index.phraseData[x]! >>> 3;
        if (kind === PHRASE.title || kind === PHRASE.alias) wordForWord.set(id, Math.max(wordForWord.get(id) ?? 0, kind === PHRASE.title ? 2 : 1));
      }
    }
  }
  const touch = (id: number, flag: number) => {
    if (flags[id] === 0) touched[nt++] = id;
    flags[id]! |= 1 | flag;
  };
  for (const id of pids) {
    touch(id, sc.pw[id] ? 2 : 0);
    acc[id] = acc[id]! + sc.pb[id]!;
    sc.pb[id] = 0;
    sc.pw[id] = 0;
  }
  for (const id of citeScore.keys()) touch(id, 4);

  // Read the candidates back into slot arrays (no object per candidate) and clear the scratch.
  const { text: textScore, final: finalScore, conf } = sc;
  const top = readBack(sc, nt);
  const keyIdf = passage ? terms.slice(0, 12).reduce((s, t) => s + t.idf, 0) || 1 : totalIdf;
  const textVia: LookupHit['via'] = passage ? 'passage' : fuzzy ? 'fuzzy' : 'exact';
  // A sentence or passage is a claim to check: the law that governs it comes before glossary terms.
  // Passages: the share of the selection's key terms (words the pack has never seen included, at
  // the highest IDF) that an entry matches; a passage mostly about other things matches little.
  const allIdf = passage
    ? [...qterms.values()]
        .map((t) => t.idf * (1 + Math.log(t.qtf)))
        .sort((a, b) => b - a)
        .slice(0, 12)
        .reduce((s, x) => s + x, 0) || 1
    : totalIdf;
  rate(sc, nt, isTerm, { passage, top, covBase: passage ? keyIdf : totalIdf, allIdf, unknownWords: unknownWords > 0 });
  for (let i = 0; i < nt; i++) {
    if (!(sc.fl[i]! & 4)) continue;
    const c = citeScore.get(touched[i]!)!;
    conf[i] = c.primary ? 2 : 1;
    finalScore[i] = c.score + 100 + textScore[i]!;
  }
  // A selection that carries a citation and is worded exactly as an entry's title or alias
  // ("287(g) agreement") names that entry: it ranks above what the citation alone points to,
  // a title above an alias.
  if (wordForWord.size && citeScore.size) {
    let bestCite = 0;
    for (const c of citeScore.values()) bestCite = Math.max(bestCite, c.score);
    for (let i = 0; i < nt; i++) {
      const exact = wordForWord.get(touched[i]!);
      if (!exact) continue;
      conf[i] = 2;
      finalScore[i] = Math.max(finalScore[i]!, bestCite + 100 + exact + textScore[i]!);
    }
  }
  let bestI = bestSlot(sc, nt);
  // Related entries of a confident top hit get a share of its score.
  if (bestI >= 0 && conf[bestI]! > 0 && entries[touched[bestI]!]!.related.length) {
    const byId = (index.cache.byId ??= new Map(entries.map((e, i) => [e.id, i])));
    const rel = new Set<number>();
    for (const rid of entries[touched[bestI]!]!.related) {
      const ri = byId.get(rid);
      if (ri !== undefined && ri !== touched[bestI]) rel.add(ri);
    }
    // A share of the best hit's text score: its citation rank (+100 and up) is not passed on.
    const bestCite = sc.fl[bestI]! & 4 ? citeScore.get(touched[bestI]!) : undefined;
    const bestS = finalScore[bestI]! - (bestCite ? bestCite.score + 100 : 0);
    for (let i = 0; i < nt; i++) {
      if (!rel.has(touched[i]!)) continue;
      finalScore[i] = finalScore[i]! + bestS * 0.15;
      if (conf[i] === 0 && textScore[i]! >= top * 0.25) conf[i] = 1;
    }
    bestI = bestSlot(sc, nt);
  }
  const bestScore = bestI >= 0 ? finalScore[bestI]! : 0;
  const shownI = pickTop(sc, nt, limit, bestScore * 0.3, []);
  type Cand = { id: number; s: number; conf: ResultConfidence; via: LookupHit['via']; pin?: string };
  const CONF: ResultConfidence[] = ['low', 'medium', 'high'];
  const cand = (i: number): Cand => {
    const c = sc.fl[i]! & 4 ? citeScore.get(touched[i]!) : undefined;
    return { id: touched[i]!, s: finalScore[i]!, conf: CONF[conf[i]!]!, via: c ? 'citation' : textVia, pin: c?.pinpoint };
  };
  // Which words of the query matched which field: stems of the field text against the query's
  // looked-up terms (no token objects), reported as the reader wrote them, in query order.
  const qtList = [...qterms.values()];
  const termToQ = new Map<string, number[]>();
  qtList.forEach((qt, qi) => {
    for (const v of qt.variants) {
      const l = termToQ.get(v.term);
      if (l) l.push(qi);
      else termToQ.set(v.term, [qi]);
    }
  });
  const firstSurface = qtList.map((qt) => qt.surfaces.values().next().value ?? qt.word);
  const flagsQ = new Uint8Array(qtList.length);
  // Cheap pre-check before tokenizing a field: a stem's first three characters occur in the
  // normalized text of any word it came from (the stemmer only changes word endings), except for
  // joined abbreviations ("u.s.c." → usc) and the stemmer's few irregular words.
  const probes = [...termToQ.keys()].map((t) => t.slice(0, 3));
  const scanAlways = probes.some((p) => p.length < 3 || IRREGULAR_STEMS.has(p));
  const mayContain = (ntext: string) => {
    if (scanAlways) return true;
    for (const p of probes) if (ntext.includes(p)) return true;
    if (!ntext.includes('.')) return false;
    const joined = ntext.replace(/\./g, '');
    for (const p of probes) if (joined.includes(p)) return true;
    return false;
  };
  const toHit = (h: Cand): LookupHit => {
    const e = entries[h.id]!;
    const matched: MatchedField[] = [];
    const c = citeScore.get(h.id);
    if (c) matched.push({ field: 'citation', terms: [c.surface] });
    if (termToQ.size) {
      for (const [field, txt, i] of fieldTexts(e)) {
        const ntext = norm(txt);
        if (!mayContain(ntext)) continue;
        flagsQ.fill(0);
        let any = false;
        scanTerms(ntext, (t) => {
          const qs = termToQ.get(t);
          if (!qs) return;
          any = true;
          for (const qi of qs) flagsQ[qi] = 1;
        });
        if (!any) continue;
        const ts: string[] = [];
        for (let qi = 0; qi < qtList.length && ts.length < 20; qi++) if (flagsQ[qi]) ts.push(firstSurface[qi]!);
        const m: MatchedField = { field, terms: ts };
        if (field === 'point' || field === 'exception' || field === 'alias' || field === 'keyword') m.index = i;
        matched.push(m);
        if (matched.length >= 12) break;
      }
    }
    const hit: LookupHit = { id: e.id, title: e.title, kind: e.kind, score: Math.round(h.s * 1000) / 1000, confidence: h.conf, via: h.via, matched };
    if (e.citation) hit.citation = e.citation;
    if (h.pin) hit.pinpoint = h.pin;
    return hit;
  };
  result.results = shownI.map((i) => toHit(cand(i)));
  const others = pickTop(sc, nt, limit, -1, shownI).map((i) => ({ ...toHit(cand(i)), confidence: 'low' as const }));
  result.others = others;
  return result;
}
