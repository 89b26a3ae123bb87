/**
 * Finds every name and citation of the scan index in a page's visible text.
 *
 * One pass over the page's word keys walks the trie from each word (cost: page words × the
 * longest name, independent of the number of entries); the citation patterns run once over the
 * normalized text. Then the leftmost, longest match wins where matches overlap. When a name
 * belongs to entries of different jurisdictions, the page decides: a jurisdiction named just
 * before the mention, else the one the page's title, host and text name most.
 */
import { extractCitations } from '../citations/extract';
import type { NameRef, ScanIndex, TrieNode } from './build';
import { foldedPlural, keyIs, tokenize, wordTokens, type Tokens } from './tokens';
import { foldText } from './fold';

export interface PageContext {
  title?: string;
  /** The page's host name ("www.minneapolismn.gov"). */
  host?: string;
}

export interface ScanMatch {
  /** UTF-16 offsets into the scanned text. */
  start: number;
  end: number;
  /** The page's own words for it. */
  text: string;
  id: string;
  via: 'name' | 'citation';
  /** Other entries the same words name (the page context chose `id`). */
  alternatives?: string[];
}

/** How far back (normalized characters) a jurisdiction's name decides the next mention. */
const NEAR = 400;

interface Candidate {
  start: number;
  end: number;
  refs: NameRef[];
  via: 'name' | 'citation';
  local: boolean;
}

function isCaps(src: string): boolean {
  return src !== src.toLowerCase() && src === src.toUpperCase();
}

export function scanText(index: ScanIndex, text: string, context: PageContext = {}): ScanMatch[] {
  const folded = foldText(text);
  const t = tokenize(folded);
  const hash = t.hash;
  const count = t.count;
  const candidates: Candidate[] = [];
  const jurisAt: number[] = []; // text position, jurisdiction id (pairs)
  const jurisCount = new Float64Array(index.jurisdictions.length);
  const rootNext = index.root.next;

  for (let i = 0; i < count; i++) {
    let node: TrieNode | undefined = rootNext?.get(hash[i]!);
    if (!node) continue;
    let best: Candidate | undefined;
    for (let j = i; node; ) {
      if (node.juris >= 0 && confirm(folded, t, i, node.keys!)) {
        jurisAt.push(t.start[i]!, node.juris);
        jurisCount[node.juris]! += 1;
      }
      if (node.refs && confirm(folded, t, i, node.keys!)) {
        const refs = node.refs;
        // A plural where the pack names one instrument in the singular ("other cities' separation
        // ordinances") speaks of a kind of law, not of that one: only a glossary term may take it.
        const plural = foldedPlural(folded, t, j);
        const ok =
          plural || refs.some((r) => r.caps)
            ? refs.filter((r) => capsOk(r.caps, text, t.start, t.end, i, j) && (!plural || r.plural || index.entries[r.entry]!.term))
            : refs;
        if (ok.length) best = { start: t.start[i]!, end: t.end[j]!, refs: ok, via: 'name', local: false };
      }
      j++;
      if (j >= count) break;
      node = node.next?.get(hash[j]!);
    }
    if (best) candidates.push(best);
  }

  for (const c of extractCitations(folded, 100_000)) {
    if (c.pattern.name === 'bare-section') continue;
    for (const key of c.keys) {
      const refs = index.cites.get(key);
      if (refs) {
        candidates.push({ start: c.start, end: c.end, refs, via: 'citation', local: c.pattern.local });
        break;
      }
    }
  }

  // Leftmost first, then longest; a citation beats a name of the same span.
  candidates.sort((a, b) => a.start - b.start || b.end - a.end || (a.via === 'citation' ? -1 : 1));
  const pageScore = pageJurisdictionScore(index, context, jurisCount);
  const cited = citedJurisdictions(index, candidates);
  const out: ScanMatch[] = [];
  let lastEnd = -1;
  let jp = 0; // pointer into jurisAt
  let nearJuris = -1;
  let nearPos = -Infinity;
  for (const c of candidates) {
    if (c.start < lastEnd) continue;
    while (jp < jurisAt.length && jurisAt[jp]! < c.start) {
      nearPos = jurisAt[jp]!;
      nearJuris = jurisAt[jp + 1]!;
      jp += 2;
    }
    const near = c.start - nearPos <= NEAR ? nearJuris : -1;
    const refs = c.local ? placedRefs(index, c.refs, (j) => j === near || pageScore[j]! > 0 || cited.has(j)) : c.refs;
    if (!refs.length) continue;
    const chosen = choose(index, refs, near, pageScore);
    lastEnd = c.end;
    const start = c.start;
    const end = c.end;
    const m: ScanMatch = { start, end, text: text.slice(start, end), id: index.entries[chosen[0]!]!.id, via: c.via };
    if (chosen.length > 1) m.alternatives = chosen.slice(1).map((e) => index.entries[e]!.id);
    out.push(m);
  }
  return out;
}

/** Jurisdictions the page cites in full ("D.C. Code § 24-211.07": a citation form that names its code). */
function citedJurisdictions(index: ScanIndex, candidates: readonly Candidate[]): Set<number> {
  const out = new Set<number>();
  for (const c of candidates) if (c.via === 'citation' && !c.local) for (const r of c.refs) out.add(index.entries[r.entry]!.jurisdiction);
  return out;
}

/**
 * A section number written without its code ("§ 3-202") means a whole imported code's section
 * only on a page that names or cites that code's place: "Md. Code, Crim. Law § 3-202" is not the
 * D.C. Code's. The bundled packs' entries are kept as before.
 */
function placedRefs(index: ScanIndex, refs: NameRef[], placed: (jurisdiction: number) => boolean): NameRef[] {
  return refs.filter((r) => {
    const e = index.entries[r.entry]!;
    return !e.codeOnly || placed(e.jurisdiction);
  });
}

/** The page's words i… are the name's keys (the hashes agreed; this rules out a collision). */
function confirm(folded: string, t: Tokens, i: number, keys: string[]): boolean {
  for (let k = 0; k < keys.length; k++) if (!keyIs(folded, t, i + k, keys[k]!)) return false;
  return true;
}

function capsOk(caps: number, src: string, ts: Int32Array, te: Int32Array, i: number, j: number): boolean {
  if (!caps) return true;
  for (let k = i; k <= j; k++) {
    if (caps & (1 << (k - i)) && !isCaps(src.slice(ts[k]!, te[k]!))) return false;
  }
  return true;
}

/** How strongly the page as a whole is about each jurisdiction: text mentions, title, host. */
function pageJurisdictionScore(index: ScanIndex, ctx: PageContext, counts: Float64Array): Float64Array {
  const score = Float64Array.from(counts);
  if (ctx.title) {
    const tk = ` ${wordTokens(foldText(ctx.title)).keys.join(' ')} `;
    index.jurisdictions.forEach((j, k) => {
      if (tk.includes(` ${j} `)) score[k]! += 5;
    });
  }
  if (ctx.host) {
    const host = ctx.host.toLowerCase().replace(/[^a-z0-9]/g, '');
    index.jurisHost.forEach((j, k) => {
      if (j.length >= 4 && host.includes(j)) score[k]! += 10;
    });
  }
  return score;
}

/** Entries for one mention, the chosen one first (unique entries). */
function choose(index: ScanIndex, refs: NameRef[], near: number, page: Float64Array): number[] {
  const byEntry = new Map<number, number>();
  for (const r of refs) byEntry.set(r.entry, Math.max(byEntry.get(r.entry) ?? 0, r.rank));
  const list = [...byEntry.keys()];
  if (list.length === 1) return list;
  const juris = new Set(list.map((e) => index.entries[e]!.jurisdiction));
  const ctx = (e: number): number => {
    if (juris.size < 2) return 0;
    const j = index.entries[e]!.jurisdiction;
    return (j === near ? 1000 : 0) + page[j]!;
  };
  return list.sort((a, b) => ctx(b) - ctx(a) || byEntry.get(b)! - byEntry.get(a)! || a - b);
}
