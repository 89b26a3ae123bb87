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
import { wordTokens } from './tokens';
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
  const t = wordTokens(folded);
  const keys = t.keys;
  const candidates: Candidate[] = [];
  const jurisAt: number[] = []; // normalized position, jurisdiction id (pairs)
  const jurisCount = new Float64Array(index.jurisdictions.length);

  for (let i = 0; i < keys.length; i++) {
    let node: TrieNode | undefined = index.root.next?.get(keys[i]!);
    let best: Candidate | undefined;
    for (let j = i; node; ) {
      if (node.juris >= 0) {
        jurisAt.push(t.starts[i]!, node.juris);
        jurisCount[node.juris]! += 1;
      }
      if (node.refs) {
        const refs = node.refs;
        const ok = refs.some((r) => r.caps) ? refs.filter((r) => capsOk(r.caps, text, t.starts, t.ends, i, j)) : refs;
        if (ok.length) best = { start: t.starts[i]!, end: t.ends[j]!, refs: ok, via: 'name', local: false };
      }
      j++;
      if (j >= keys.length) break;
      node = node.next?.get(keys[j]!);
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
    const chosen = choose(index, c.refs, near, pageScore);
    lastEnd = c.end;
    const start = c.start;
    const end = c.end;
    const m: ScanMatch = { start, end, text: text.slice(start, end), id: index.entries[chosen[0]!]!.id, via: c.via };
    if (chosen.length > 1) m.alternatives = chosen.slice(1).map((e) => index.entries[e]!.id);
    out.push(m);
  }
  return out;
}

function capsOk(caps: number, src: string, ts: number[], te: number[], i: number, j: number): boolean {
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
