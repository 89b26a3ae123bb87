/**
 * The lookup engine: BM25F over stemmed terms (core/search/build.ts), citation keys derived from
 * each entry's citation and aliases, phrase matches on titles/aliases/keywords, fuse.js typo
 * expansion against the pack's words for short queries (core/search/fuzzy.ts), and top-IDF key
 * terms for long selections.
 */
import { normalize, originalSpan } from '../text/normalize';
import { tokenize, type Token } from '../text/tokenize';
import { extractCitations } from '../citations/extract';
import { citeRefs, contentTerms, fieldTexts, findKey, jurisName, PHRASE, type SearchIndex } from './build';
import { fuzzyCandidates } from './fuzzy';
import type { LookupHit, LookupOptions, LookupResult, MatchedField, ResultConfidence, UnknownCitation } from './types';

export { buildIndex, loadIndex, serializeIndex, INDEX_VERSION } from './build';
export type { SearchIndex, SerializedIndex } from './build';

/** Characters of a selection the engine reads; the rest is cut (`truncated`). */
export const MAX_QUERY_CHARS = 20000;
/** Weight of glossary terms among the answers to a sentence or passage. */
const TERM_IN_PASSAGE = 0.85;
/** Passages: the score is scaled by (COV_BASE + coverage of the selection's key terms). */
const COV_BASE = 1;

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
      if (!passage) {
        for (const c of fuzzyCandidates(index, qt.word)) {
          const ci = findKey(index.terms, c.term);
          if (ci >= 0) qt.variants.push({ term: c.term, t: ci, factor: c.factor });
        }
        if (qt.variants.length) fuzzy = true;
      }
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
  const { score: acc, matched: accM, seen, flags, touched } = sc;
  const bytes = index.postBytes;
  let nt = 0;
  for (const qt of terms) {
    const w = qt.idf * (passage ? 1 + Math.log(qt.qtf) : 1);
    const multi = qt.variants.length > 1;
    const stamp = multi ? (sc.stamp = (sc.stamp + 1) >>> 0 || 1) : 0;
    for (const v of qt.variants) {
      const f = (w * v.factor) / 255;
      const m = qt.idf * v.factor;
      let p = index.postStart[v.t]!;
      const end = index.postStart[v.t + 1]!;
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
        acc[id]! += f * wt;
        if (!multi) accM[id]! += m;
        else if (seen[id] !== stamp) {
          seen[id] = stamp;
          accM[id]! += m;
        }
      }
    }
  }
  let topText = 0;
  for (let i = 0; i < nt; i++) if (acc[touched[i]!]! > topText) topText = acc[touched[i]!]!;

  // Phrase matches against titles, aliases and keywords.
  const seq = words.map((t) => qterms.get(t.term)!);
  const phraseHit = new Map<number, number>();
  const wholeHit = new Set<number>();
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
        for (const key of keys) {
          const ki = findKey(pk, key);
          if (ki < 0) continue;
          let pIdf = 0;
          for (let j = i; j < i + len; j++) pIdf += seq[j]!.idf;
          const whole = len === seq.length;
          for (let x = index.phraseStart[ki]!; x < index.phraseStart[ki + 1]!; x++) {
            const id = index.phraseData[x]! >>> 2;
            const kind = index.phraseData[x]! & 3;
            if (kind === PHRASE.titlePrefix && (!whole || passage)) continue;
            // A selection that is exactly a title or alias outranks entries that only mention its words.
            // A reader who selects a word wants its definition first: term entries get a small edge.
            const def = entries[id]!.kind === 'term' ? 0.2 : 0;
            const rank = kind === PHRASE.title ? 1.2 : kind === PHRASE.alias ? 1 : kind === PHRASE.titlePrefix ? 0.8 : 0.6;
            const bonus = whole ? (rank + def) * topText + pIdf * (kind ? 1.5 : 0.5) : pIdf * 0.6;
            if (whole) wholeHit.add(id);
            phraseHit.set(id, Math.max(phraseHit.get(id) ?? 0, bonus));
          }
        }
      }
      keys = keys.filter(extends_);
    }
  }
  const touch = (id: number, flag: number) => {
    if (flags[id] === 0) touched[nt++] = id;
    flags[id]! |= 1 | flag;
  };
  for (const [id, b] of phraseHit) {
    touch(id, wholeHit.has(id) ? 2 : 0);
    acc[id]! += b;
  }
  for (const id of citeScore.keys()) touch(id, 4);

  // Read the candidates back into slot arrays (no object per candidate) and clear the scratch.
  const { text: textScore, cm, final: finalScore, conf } = sc;
  const fl = new Uint8Array(nt);
  let top = 0;
  for (let i = 0; i < nt; i++) {
    const id = touched[i]!;
    const s = acc[id]!;
    textScore[i] = s;
    cm[i] = accM[id]!;
    fl[i] = flags[id]!;
    if (s > top) top = s;
    acc[id] = 0;
    accM[id] = 0;
    flags[id] = 0;
  }
  const keyIdf = passage ? terms.slice(0, 12).reduce((s, t) => s + t.idf, 0) || 1 : totalIdf;
  const textVia: LookupHit['via'] = passage ? 'passage' : fuzzy ? 'fuzzy' : 'exact';
  const need = unknownWords ? 0.75 : 0.6;
  const covBase = passage ? keyIdf : totalIdf;
  for (let i = 0; i < nt; i++) {
    const s = textScore[i]!;
    if (fl[i]! & 4) {
      const c = citeScore.get(touched[i]!)!;
      conf[i] = c.primary ? 2 : 1;
      finalScore[i] = c.score + 100 + s;
      continue;
    }
    // A sentence or passage is a claim to check: the law that governs it comes before glossary terms.
    const cov = Math.min(1, cm[i]! / covBase);
    finalScore[i] = passage ? s * (entries[touched[i]!]!.kind === 'term' ? TERM_IN_PASSAGE : 1) * (COV_BASE + cov) : s;
    const rel = top ? s / top : 0;
    if (passage) {
      const q2 = cov * 0.6 + rel * 0.4;
      conf[i] = rel >= 0.6 && q2 >= 0.55 ? 2 : rel >= 0.45 && q2 >= 0.42 ? 1 : 0;
    } else {
      const q2 = fl[i]! & 2 ? Math.max(cov, 0.8) : cov;
      // A word the pack has never seen ("snow") is a sign the selection is about something else.
      conf[i] = q2 >= 0.8 && rel >= 0.5 && !unknownWords ? 2 : q2 >= need && rel >= 0.35 ? 1 : 0;
    }
  }
  const better = (a: number, b: number) => finalScore[a]! > finalScore[b]! || (finalScore[a] === finalScore[b] && touched[a]! < touched[b]!);
  let bestI = -1;
  for (let i = 0; i < nt; i++) if (bestI < 0 || better(i, bestI)) bestI = i;
  // Related entries of a confident top hit get a share of its score.
  if (bestI >= 0 && conf[bestI]! > 0 && entries[touched[bestI]!]!.related.length) {
    const byId = (index.cache.byId ??= new Map(entries.map((e, i) => [e.id, i])));
    const rel = new Set<number>();
    for (const rid of entries[touched[bestI]!]!.related) {
      const ri = byId.get(rid);
      if (ri !== undefined && ri !== touched[bestI]) rel.add(ri);
    }
    const bestS = finalScore[bestI]!;
    for (let i = 0; i < nt; i++) {
      if (!rel.has(touched[i]!)) continue;
      finalScore[i] = finalScore[i]! + bestS * 0.15;
      if (conf[i] === 0 && textScore[i]! >= top * 0.25) conf[i] = 1;
    }
    for (let i = 0; i < nt; i++) if (better(i, bestI)) bestI = i;
  }
  const bestScore = bestI >= 0 ? finalScore[bestI]! : 0;
  /** The best `k` candidate slots passing `ok`, best first. */
  const pick = (k: number, ok: (i: number) => boolean): number[] => {
    const out: number[] = [];
    for (let i = 0; i < nt; i++) {
      if (out.length === k && !better(i, out[k - 1]!)) continue;
      if (!ok(i)) continue;
      let j = out.length < k ? out.length : k - 1;
      out[j] = i;
      while (j > 0 && better(out[j]!, out[j - 1]!)) {
        [out[j], out[j - 1]] = [out[j - 1]!, out[j]!];
        j--;
      }
    }
    return out;
  };
  type Cand = { id: number; s: number; conf: ResultConfidence; via: LookupHit['via']; pin?: string };
  const CONF: ResultConfidence[] = ['low', 'medium', 'high'];
  const cand = (i: number): Cand => {
    const c = fl[i]! & 4 ? citeScore.get(touched[i]!) : undefined;
    return { id: touched[i]!, s: finalScore[i]!, conf: CONF[conf[i]!]!, via: c ? 'citation' : textVia, pin: c?.pinpoint };
  };
  const surfacesFor = (termSet: Set<string>) => {
    const out: string[] = [];
    for (const qt of qterms.values()) if (qt.variants.some((v) => termSet.has(v.term))) out.push([...qt.surfaces][0]!);
    return out;
  };
  const toHit = (h: Cand): LookupHit => {
    const e = entries[h.id]!;
    const matched: MatchedField[] = [];
    const c = citeScore.get(h.id);
    if (c) matched.push({ field: 'citation', terms: [c.surface] });
    for (const [field, txt, i] of fieldTexts(e)) {
      const ts = surfacesFor(new Set(contentTerms(txt)));
      if (!ts.length) continue;
      const m: MatchedField = { field, terms: ts.slice(0, 20) };
      if (field === 'point' || field === 'exception' || field === 'alias' || field === 'keyword') m.index = i;
      matched.push(m);
      if (matched.length >= 12) break;
    }
    const hit: LookupHit = { id: e.id, title: e.title, kind: e.kind, score: Math.round(h.s * 1000) / 1000, confidence: h.conf, via: h.via, matched };
    if (e.citation) hit.citation = e.citation;
    if (h.pin) hit.pinpoint = h.pin;
    return hit;
  };
  const shownI = pick(limit, (i) => conf[i]! > 0 && finalScore[i]! >= bestScore * 0.3);
  result.results = shownI.map((i) => toHit(cand(i)));
  const shown = new Set(shownI);
  const others = pick(limit, (i) => !shown.has(i)).map((i) => ({ ...toHit(cand(i)), confidence: 'low' as const }));
  result.others = others;
  return result;
}
