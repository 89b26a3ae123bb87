/**
 * Stage 8, hits: the chosen candidates as the card shows them, with which words of the selection
 * matched which field of the entry (as the reader wrote them, in selection order).
 */
import { norm } from '../../text/normalize';
import { scanWords, stem, STOPWORDS } from '../../text/tokenize';
import { fieldTexts, type SearchIndex } from '../build';
import type { LookupHit, MatchedField, ResultConfidence } from '../types';
import type { CiteHit } from './citations';
import type { QueryTerm } from './terms';

/** Stems whose first letters are not those of every word they come from (dying → die, skies → sky). */
const IRREGULAR_STEMS = new Set(['die', 'lie', 'tie', 'sky']);

export interface Candidate {
  entry: number;
  score: number;
  confidence: ResultConfidence;
  via: LookupHit['via'];
  pinpoint?: string;
}

/**
 * A surface word of a field → the query terms its stem stands for (null: none, or a stop word),
 * as scanTerms and `termToQ` would find them. A stem begins with its word's first character (the
 * stemmer changes endings only, from the third character on, and its exceptions keep the first),
 * so a word whose first character begins no query term is passed over without stemming; the
 * others are remembered, as the same words recur across fields and hits.
 */
function wordsToQueryTerms(termToQ: Map<string, number[]>): (surface: string) => number[] | null {
  const first = new Uint8Array(128);
  let beyondAscii = false;
  for (const t of termToQ.keys()) {
    const c = t.charCodeAt(0);
    if (c < 128) first[c] = 1;
    else beyondAscii = true;
  }
  const memo = new Map<string, number[] | null>();
  return (surface) => {
    const c = surface.charCodeAt(0);
    if (c < 128 ? !first[c] : !beyondAscii) return null;
    let qs = memo.get(surface);
    if (qs === undefined) memo.set(surface, (qs = STOPWORDS.has(surface) ? null : (termToQ.get(stem(surface)) ?? null)));
    return qs;
  };
}

export function hitBuilder(index: SearchIndex, terms: QueryTerm[], cites: Map<number, CiteHit>): (c: Candidate) => LookupHit {
  const termToQ = new Map<string, number[]>();
  terms.forEach((qt, qi) => {
    for (const v of qt.variants) {
      const l = termToQ.get(v.term);
      if (l) l.push(qi);
      else termToQ.set(v.term, [qi]);
    }
  });
  const firstSurface = terms.map((qt) => qt.surfaces.values().next().value ?? qt.word);
  const seen = new Uint8Array(terms.length);
  // Each distinct word of the hits' fields → the query terms its stem stands for (null: none or
  // a stop word), as scanTerms would find them: the same words recur across fields and hits, and
  // one map lookup costs less than the stop-word test, the stemmer's checks and its memo.
  const queryTermsOf = wordsToQueryTerms(termToQ);
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
  return (h) => {
    const e = index.entries[h.entry]!;
    const matched: MatchedField[] = [];
    const c = cites.get(h.entry);
    if (c) matched.push({ field: 'citation', terms: [c.surface] });
    if (termToQ.size) {
      for (const [field, txt, i] of fieldTexts(e)) {
        const ntext = norm(txt);
        if (!mayContain(ntext)) continue;
        seen.fill(0);
        let any = false;
        scanWords(ntext, (surface) => {
          const qs = queryTermsOf(surface);
          if (!qs) return;
          any = true;
          for (const qi of qs) seen[qi] = 1;
        });
        if (!any) continue;
        const ts: string[] = [];
        for (let qi = 0; qi < terms.length && ts.length < 20; qi++) if (seen[qi]) ts.push(firstSurface[qi]!);
        const m: MatchedField = { field, terms: ts };
        if (field === 'point' || field === 'exception' || field === 'alias' || field === 'keyword') m.index = i;
        matched.push(m);
        if (matched.length >= 12) break;
      }
    }
    const hit: LookupHit = { id: e.id, title: e.title, kind: e.kind, score: Math.round(h.score * 1000) / 1000, confidence: h.confidence, via: h.via, matched };
    if (e.citation) hit.citation = e.citation;
    if (h.pinpoint) hit.pinpoint = h.pinpoint;
    return hit;
  };
}
