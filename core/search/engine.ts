/**
 * The lookup engine: a BM25F inverted index over stemmed terms, citation keys derived from each
 * entry's citation and aliases, phrase matches on titles/aliases/keywords, typo expansion against
 * the vocabulary for short queries, and top-IDF key terms for long selections.
 */
import type { Entry } from '../schema/pack';
import { normalize, norm, originalSpan } from '../text/normalize';
import { tokenize, type Token } from '../text/tokenize';
import { boundedDistance } from '../text/distance';
import { extractCitations } from '../citations/extract';
import type { LookupHit, LookupOptions, LookupResult, MatchedField, ResultConfidence, UnknownCitation } from './types';

/** Characters of a selection the engine reads; the rest is cut (`truncated`). */
export const MAX_QUERY_CHARS = 20000;

type FieldName = MatchedField['field'];
const FIELD_WEIGHTS: [FieldName, number, number][] = [
  // field, weight, length normalization b
  ['title', 3, 0.5],
  ['alias', 3, 0.3],
  ['citation', 2, 0.3],
  ['keyword', 1.5, 0.3],
  ['id', 0.5, 0.3],
  ['summary', 1.5, 0.75],
  ['point', 1, 0.75],
  ['exception', 1, 0.75],
];
const K1 = 1.2;

interface CitationRef {
  entry: number;
  primary: boolean;
  /** The field is nothing but this citation ("287(g)" as an alias). */
  exact: boolean;
  /** 3 the entry's citation, 2 its title or an alias, 1 a keyword, 0 a mention in its text. */
  level: number;
}
const CITE_LEVEL: Partial<Record<FieldName, number>> = { citation: 3, title: 2, alias: 2, keyword: 1 };

export interface SearchIndex {
  entries: readonly Entry[];
  /** term -> [entry indexes, saturated BM25F tf weights] */
  postings: Map<string, { ids: number[]; w: number[] }>;
  /** vocabulary by length, for typo expansion */
  vocabByLen: Map<number, string[]>;
  /** phrase (content stems joined by space) -> entries whose title/alias/keyword is that phrase, with a kind (2 title, 1 alias or keyword, 0 a prefix of the title) */
  phrases: Map<string, [number, number][]>;
  maxPhraseLen: number;
  citationKeys: Map<string, CitationRef[]>;
  jurisdictions: string[];
  homeJurisdiction: string;
  /** Scratch accumulators reused by lookups (one JS thread; reset after each use). */
  scratch: { score: Float64Array; matched: Float64Array };
}

function fieldTexts(e: Entry): [FieldName, string, number][] {
  const out: [FieldName, string, number][] = [['title', e.title, 0], ['id', e.id.replace(/[-.]/g, ' '), 0], ['summary', e.summary, 0]];
  if (e.citation) out.push(['citation', e.citation, 0]);
  e.aliases.forEach((a, i) => out.push(['alias', a, i]));
  e.keywords.forEach((k, i) => out.push(['keyword', k, i]));
  e.points.forEach((p, i) => out.push(['point', p.text, i]));
  e.exceptions.forEach((p, i) => out.push(['exception', p.text, i]));
  return out;
}

function contentTerms(text: string): string[] {
  return tokenize(norm(text)).filter((t) => !t.stop).map((t) => t.term);
}

const jurisName = (s: string) => norm(s).replace(/\bst\.?\s/g, 'saint ').trim();

export function buildIndex(entries: readonly Entry[]): SearchIndex {
  const postings = new Map<string, { ids: number[]; w: number[] }>();
  const phrases = new Map<string, [number, number][]>();
  const citationKeys = new Map<string, CitationRef[]>();
  let maxPhraseLen = 1;
  const perEntry: Map<string, number[]>[] = [];
  const lens = new Map<FieldName, number[]>();
  entries.forEach((e, idx) => {
    const tf = new Map<string, number[]>(); // term -> tf per field slot
    const fieldLen = new Array<number>(FIELD_WEIGHTS.length).fill(0);
    for (const [field, text] of fieldTexts(e)) {
      const slot = FIELD_WEIGHTS.findIndex((f) => f[0] === field);
      const terms = contentTerms(text);
      fieldLen[slot]! += terms.length;
      for (const t of terms) {
        let arr = tf.get(t);
        if (!arr) tf.set(t, (arr = new Array<number>(FIELD_WEIGHTS.length).fill(0)));
        arr[slot]!++;
      }
      if ((field === 'title' || field === 'alias' || field === 'keyword') && terms.length > 0 && terms.length <= 8) {
        const add = (key: string, kind: number) => {
          const list = phrases.get(key) ?? [];
          const old = list.find((x) => x[0] === idx);
          if (old) old[1] = Math.max(old[1], kind);
          else list.push([idx, kind]);
          phrases.set(key, list);
        };
        add(terms.join(' '), field === 'title' ? 2 : 1);
        if (field === 'title') for (let k = 1; k < terms.length; k++) add(terms.slice(0, k).join(' '), 0);
        maxPhraseLen = Math.max(maxPhraseLen, terms.length);
      }
      const primary = field === 'citation' || field === 'alias' || field === 'title' || field === 'keyword';
      if (field !== 'id' && (primary || /\d/.test(text))) {
        const ntext = norm(text).trim();
        for (const c of extractCitations(ntext)) {
          const exact = primary && c.end - c.start >= ntext.length - 1;
          for (const key of c.keys) {
            const refs = citationKeys.get(key) ?? [];
            const level = CITE_LEVEL[field] ?? 0;
            const old = refs.find((r) => r.entry === idx);
            if (old) {
              old.primary ||= primary;
              old.exact ||= exact;
              old.level = Math.max(old.level, level);
            } else refs.push({ entry: idx, primary, level, exact });
            citationKeys.set(key, refs);
          }
        }
      }
    }
    perEntry.push(tf);
    FIELD_WEIGHTS.forEach(([f], s) => {
      const l = lens.get(f) ?? [];
      l.push(fieldLen[s]!);
      lens.set(f, l);
    });
  });
  const avg = FIELD_WEIGHTS.map(([f]) => {
    const l = lens.get(f) ?? [];
    return Math.max(1, l.reduce((a, b) => a + b, 0) / Math.max(1, l.length));
  });
  perEntry.forEach((tf, idx) => {
    for (const [term, counts] of tf) {
      let t = 0;
      counts.forEach((c, s) => {
        if (!c) return;
        const [f, w, b] = FIELD_WEIGHTS[s]!;
        const len = lens.get(f)![idx]!;
        t += (w * c) / (1 - b + (b * len) / avg[s]!);
      });
      const sat = t / (K1 + t);
      let p = postings.get(term);
      if (!p) postings.set(term, (p = { ids: [], w: [] }));
      p.ids.push(idx);
      p.w.push(sat);
    }
  });
  const vocabByLen = new Map<number, string[]>();
  for (const term of postings.keys()) {
    if (term.length < 4 || /\d/.test(term)) continue;
    const l = vocabByLen.get(term.length) ?? [];
    l.push(term);
    vocabByLen.set(term.length, l);
  }
  const jcount = new Map<string, number>();
  for (const e of entries) {
    const j = jurisName(e.jurisdiction);
    jcount.set(j, (jcount.get(j) ?? 0) + 1);
  }
  const jurisdictions = [...jcount.keys()].flatMap((j) => [j, j.split(',')[0]!.trim()]).filter((j, i, a) => j && a.indexOf(j) === i);
  const homeJurisdiction = [...jcount.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const scratch = { score: new Float64Array(entries.length), matched: new Float64Array(entries.length) };
  return { entries, postings, vocabByLen, phrases, maxPhraseLen, citationKeys, jurisdictions, homeJurisdiction, scratch };
}

function idf(index: SearchIndex, df: number): number {
  const n = index.entries.length;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

interface QueryTerm {
  term: string;
  surfaces: Set<string>;
  /** terms actually looked up (the term itself or typo candidates) with a factor */
  variants: { term: string; factor: number }[];
  idf: number;
  qtf: number;
}

function typoCandidates(index: SearchIndex, term: string): { term: string; factor: number }[] {
  if (term.length < 5 || /\d/.test(term)) return [];
  const max = term.length >= 8 ? 2 : 1;
  let best: { term: string; d: number }[] = [];
  for (let l = term.length - max; l <= term.length + max; l++) {
    for (const v of index.vocabByLen.get(l) ?? []) {
      if (v.charCodeAt(0) !== term.charCodeAt(0)) continue;
      const d = boundedDistance(term, v, max);
      if (d <= max) best.push({ term: v, d });
    }
  }
  const minD = Math.min(...best.map((b) => b.d));
  best = best.filter((b) => b.d === minD).slice(0, 5);
  return best.map((b) => ({ term: b.term, factor: b.d === 1 ? 0.85 : 0.7 }));
}

export function lookup(index: SearchIndex, query: string, options: LookupOptions = {}): LookupResult {
  try {
    return lookupUnsafe(index, query, options);
  } catch {
    return { query: String(query ?? '').slice(0, 200), mode: 'empty', results: [], others: [], unknownCitations: [], truncated: false };
  }
}

function lookupUnsafe(index: SearchIndex, rawQuery: string, options: LookupOptions): LookupResult {
  const limit = Math.max(1, Math.min(50, options.limit ?? 5));
  const truncated = rawQuery.length > MAX_QUERY_CHARS;
  const q = truncated ? rawQuery.slice(0, MAX_QUERY_CHARS) : rawQuery;
  const result: LookupResult = { query: rawQuery.length > 2000 ? rawQuery.slice(0, 2000) : rawQuery, mode: 'empty', results: [], others: [], unknownCitations: [], truncated };
  const n = normalize(q);
  const text = n.text;
  const tokens = tokenize(text, 4000);
  const content = tokens.filter((t) => !t.stop);
  const cites = extractCitations(text, 20);
  if (!content.length && !cites.length) return result;

  // Citations
  const citeScore = new Map<number, { score: number; pinpoint?: string; surface: string; primary: boolean }>();
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
        let refs = (index.citationKeys.get(c.keys[k]!) ?? []).filter((r) => r.primary === wantPrimary);
        if (named) refs = refs.filter((r) => jurisName(index.entries[r.entry]!.jurisdiction).includes(named!));
        if (!refs.length) continue;
        found = true;
        for (const r of refs) {
          let s = (r.primary ? 100 : 40) + r.level * 2 + (r.exact ? 3 : 0) - k;
          if (!named && c.pattern.local && jurisName(index.entries[r.entry]!.jurisdiction) === index.homeJurisdiction) s += 1;
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
    if (!qt) qterms.set(t.term, (qt = { term: t.term, surfaces: new Set(), variants: [], idf: 0, qtf: 0 }));
    qt.qtf++;
    qt.surfaces.add(originalSpan(q, n, t.start, t.end));
  }
  const maxIdf = idf(index, 0);
  for (const qt of qterms.values()) {
    const p = index.postings.get(qt.term);
    if (p) {
      qt.variants.push({ term: qt.term, factor: 1 });
      qt.idf = idf(index, p.ids.length);
    } else {
      if (!passage) qt.variants.push(...typoCandidates(index, qt.term));
      const best = qt.variants[0] ? index.postings.get(qt.variants[0].term) : undefined;
      qt.idf = best ? idf(index, best.ids.length) : maxIdf;
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
  const acc = index.scratch.score;
  const accM = index.scratch.matched;
  const touched: number[] = [];
  for (const qt of terms) {
    const w = qt.idf * (passage ? 1 + Math.log(qt.qtf) : 1);
    const multi = qt.variants.length > 1;
    const seen = multi ? new Set<number>() : undefined;
    for (const v of qt.variants) {
      const p = index.postings.get(v.term);
      if (!p) continue;
      const ids = p.ids;
      const ws = p.w;
      const f = w * v.factor;
      const m = qt.idf * v.factor;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        if (acc[id] === 0 && accM[id] === 0) touched.push(id);
        acc[id]! += f * ws[i]!;
        if (!seen || !seen.has(id)) {
          seen?.add(id);
          accM[id]! += m;
        }
      }
    }
  }
  const score = new Map<number, number>();
  const matchedIdf = new Map<number, number>();
  if (touched.length) {
    // Keep the best candidates only (the rest cannot reach the results).
    // Entries under a tenth of the best cannot be confident (results need 0.3 of the best).
    let cut = 0;
    if (touched.length > 200) {
      let max = 0;
      for (const id of touched) if (acc[id]! > max) max = acc[id]!;
      cut = max * 0.1;
    }
    for (const id of touched) {
      if (acc[id]! >= cut && acc[id]! > 0) {
        score.set(id, acc[id]!);
        matchedIdf.set(id, accM[id]!);
      }
      acc[id] = 0;
      accM[id] = 0;
    }
  }
  // Phrase matches against titles, aliases and keywords.
  const seq = words.map((t) => qterms.get(t.term)!);
  const phraseHit = new Map<number, number>();
  const wholeHit = new Set<number>();
  const topText = Math.max(0, ...score.values());
  const seqVariants = seq.map((qt) => qt.variants.map((v) => v.term));
  for (let i = 0; i < seq.length; i++) {
    let keys = [''];
    for (let len = 1; len <= index.maxPhraseLen && i + len <= seq.length; len++) {
      const vs = seqVariants[i + len - 1]!;
      const opts = vs.length ? vs : [seq[i + len - 1]!.term];
      keys = keys.flatMap((k) => opts.map((o) => (k ? k + ' ' + o : o))).slice(0, 8);
      if (len === 1 && passage) continue;
      for (const key of keys) {
        const ids = index.phrases.get(key);
        if (!ids) continue;
        let pIdf = 0;
        for (let j = i; j < i + len; j++) pIdf += seq[j]!.idf;
        const whole = len === seq.length;
        for (const [id, kind] of ids) {
          if (kind === 0 && (!whole || passage)) continue;
          // A selection that is exactly a title or alias outranks entries that only mention its words.
          // A reader who selects a word wants its definition first: term entries get a small edge.
          const def = index.entries[id]!.kind === 'term' ? 0.2 : 0;
          const bonus = whole ? ((kind === 2 ? 1.2 : kind === 1 ? 1 : 0.8) + def) * topText + pIdf * (kind ? 1.5 : 0.5) : pIdf * 0.6;
          if (whole) wholeHit.add(id);
          phraseHit.set(id, Math.max(phraseHit.get(id) ?? 0, bonus));
        }
      }
    }
  }
  for (const [id, b] of phraseHit) score.set(id, (score.get(id) ?? 0) + b);

  // Rank
  const cands = [...new Set([...score.keys(), ...citeScore.keys()])];
  const top = Math.max(0, ...score.values());
  const hits: { id: number; s: number; conf: ResultConfidence; via: LookupHit['via']; pin?: string }[] = [];
  const keyIdf = passage ? terms.slice(0, 12).reduce((s, t) => s + t.idf, 0) || 1 : totalIdf;
  for (const id of cands) {
    const s = score.get(id) ?? 0;
    const c = citeScore.get(id);
    const cov = Math.min(1, (matchedIdf.get(id) ?? 0) / (passage ? keyIdf : totalIdf));
    let conf: ResultConfidence;
    let via: LookupHit['via'];
    if (c) {
      conf = c.primary ? 'high' : 'medium';
      via = 'citation';
    } else {
      const rel = top ? s / top : 0;
      const phr = wholeHit.has(id);
      if (passage) {
        const q2 = cov * 0.6 + rel * 0.4;
        conf = rel >= 0.6 && q2 >= 0.55 ? 'high' : rel >= 0.45 && q2 >= 0.42 ? 'medium' : 'low';
      } else {
        const q2 = phr ? Math.max(cov, 0.8) : cov;
        // A word the pack has never seen ("snow") is a sign the selection is about something else.
        const need = unknownWords ? 0.75 : 0.6;
        conf = q2 >= 0.8 && rel >= 0.5 && !unknownWords ? 'high' : q2 >= need && rel >= 0.35 ? 'medium' : 'low';
      }
      via = passage ? 'passage' : [...qterms.values()].some((qt) => qt.variants.some((v) => v.factor < 1)) ? 'fuzzy' : 'exact';
    }
    hits.push({ id, s: (c ? c.score + 100 : 0) + s, conf, via, pin: c?.pinpoint });
  }
  // Related entries of a confident top hit get a share of its score.
  hits.sort((a, b) => b.s - a.s);
  const best = hits[0];
  if (best && best.conf !== 'low') {
    for (const rid of index.entries[best.id]!.related) {
      const h = hits.find((x) => index.entries[x.id]!.id === rid);
      if (h && h !== best) {
        h.s += best.s * 0.15;
        if (h.conf === 'low' && (score.get(h.id) ?? 0) >= top * 0.25) h.conf = 'medium';
      }
    }
    hits.sort((a, b) => b.s - a.s);
  }
  const surfacesFor = (termSet: Set<string>) => {
    const out: string[] = [];
    for (const qt of qterms.values()) if (qt.variants.some((v) => termSet.has(v.term))) out.push([...qt.surfaces][0]!);
    return out;
  };
  const toHit = (h: (typeof hits)[number]): LookupHit => {
    const e = index.entries[h.id]!;
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
  const bestScore = hits[0]?.s ?? 0;
  const confident = hits.filter((h) => h.conf !== 'low' && h.s >= bestScore * 0.3);
  result.results = confident.slice(0, limit).map(toHit);
  const shown = new Set(result.results.map((r) => r.id));
  result.others = hits
    .filter((h) => !shown.has(index.entries[h.id]!.id))
    .slice(0, limit)
    .map((h) => ({ ...toHit(h), confidence: 'low' as const }));
  return result;
}
