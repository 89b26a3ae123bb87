/**
 * Stage 2, citations: each citation in the selection ("§ 19.30(a)", "8 U.S.C. 1373",
 * "EO 2025-02") resolved to the entries that carry it, most specific key first. An entry's own
 * citation, title or aliases (primary) beat mentions in its text; local citations are narrowed
 * by a jurisdiction named near them ("Saint Paul Chapter 44") or, failing that, the page's city.
 */
import { originalSpan } from '../../text/normalize';
import { citeRefs, findKey, jurisName, type SearchIndex } from '../build';
import { RANKING } from '../ranking';
import type { UnknownCitation } from '../types';
import type { ParsedQuery } from './parse';

export interface CiteHit {
  score: number;
  pinpoint?: string;
  /** The citation as the reader wrote it. */
  surface: string;
  primary: boolean;
}

export interface CitationOutcome {
  /** Entry index → its best citation hit. */
  hits: Map<number, CiteHit>;
  unknown: UnknownCitation[];
}

export function entryJurisdiction(index: SearchIndex, i: number): string {
  return (index.cache.juris ??= jurisNames(index))[i] ?? '';
}

/** Each entry's normalized jurisdiction, normalizing each distinct name once (a whole code shares one). */
function jurisNames(index: SearchIndex): string[] {
  const seen = new Map<string, string>();
  return index.entries.map((e) => {
    let j = seen.get(e.jurisdiction);
    if (j === undefined) seen.set(e.jurisdiction, (j = jurisName(e.jurisdiction)));
    return j;
  });
}

export function resolveCitations(index: SearchIndex, q: ParsedQuery, pageCity: string | undefined): CitationOutcome {
  const W = RANKING.citations;
  const hits = new Map<number, CiteHit>();
  const unknown: UnknownCitation[] = [];
  for (const c of q.cites) {
    const surface = originalSpan(q.source, q.n, c.start, c.end).trim();
    let named: string | undefined;
    if (c.pattern.local) {
      const win = q.text.slice(Math.max(0, c.start - 60), Math.min(q.text.length, c.end + 40)).replace(/\bst\.?\s/g, 'saint ');
      named = index.jurisdictions.filter((j) => j.length > 2 && win.includes(j)).sort((a, b) => b.length - a.length)[0];
    }
    let found = false;
    for (const wantPrimary of [true, false]) {
      for (let k = 0; k < c.keys.length && !found; k++) {
        const ki = findKey(index.citeKeys, c.keys[k]!);
        if (ki < 0) continue;
        let refs = citeRefs(index, ki).filter((r) => r.primary === wantPrimary);
        if (named) refs = refs.filter((r) => entryJurisdiction(index, r.entry).includes(named!));
        if (!refs.length) continue;
        found = true;
        // Unnamed local citations: the page's city first, else the pack's home jurisdiction.
        const prefer = c.pattern.local && !named ? (pageCity ?? index.homeJurisdiction) : undefined;
        for (const r of refs) {
          let s = (r.primary ? W.primary : W.secondary) + r.level * W.perLevel + (r.exact ? W.exact : 0) - k;
          if (prefer && entryJurisdiction(index, r.entry) === prefer) s += 1;
          const pin = c.subsection && !(k === 0 && r.level === 3) ? c.subsection : undefined;
          const old = hits.get(r.entry);
          if (!old || old.score < s) hits.set(r.entry, { score: s, pinpoint: pin, surface, primary: r.primary });
        }
      }
      if (found) break;
    }
    if (!found && c.pattern.reportUnknown) unknown.push({ text: surface, message: `${surface}: no such ${c.pattern.noun} in this pack` });
  }
  return { hits, unknown };
}
