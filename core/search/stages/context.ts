/**
 * Stage 6, page context: what the page around a selection says decides two things.
 * - Whose law it is: the city the page is about (named most in its title, address and text,
 *   among the pack's places that have ordinances) ranks its own entries first; another city's
 *   local entries weigh less unless the selection names that city.
 * - What a short or referring selection means ("the ordinance", "executive order", "the
 *   council"): entries the surrounding text is about gain a share of their score.
 * Context is read for this lookup only; nothing here is kept.
 */
import { jurisName, type Scratch, type SearchIndex } from '../build';
import { RANKING } from '../ranking';
import type { PageContext } from '../types';
import { accumulateTerms } from './accumulate';
import { entryJurisdiction, resolveCitations } from './citations';
import { parseQuery, type ParsedQuery } from './parse';
import { expandTerms } from './terms';
import { entryStarts } from './page-date';
import { LABEL } from './labels';
import { SLOT } from './rate';
import { placesByInitials } from '../title-phrase';

export interface ContextSignal {
  /** The city the page is about, as a normalized jurisdiction name. */
  city?: string;
  /** Entry index → how much the surrounding text is about it (0–1, the best is 1). */
  about: Map<number, number>;
  /** The month the page was written, from its address (stages/page-date.ts). */
  month?: number;
  /** Places with ordinances the page never names (placesUnmentioned). */
  unmentioned?: Set<string>;
}

/** Kinds whose jurisdiction is a place a page can be about. */
export const ORDINANCE_KINDS: ReadonlySet<string> = new Set(['ordinance', 'ordinance-section', 'amendment']);

/** Places that have their own ordinances in the loaded packs: the ones a page can be "about". */
function competingPlaces(index: SearchIndex): string[] {
  if (index.cache.places) return index.cache.places;
  const places = new Set<string>();
  index.entries.forEach((e, i) => {
    if (ORDINANCE_KINDS.has(e.kind)) places.add(entryJurisdiction(index, i));
  });
  return (index.cache.places = [...places].filter((p) => p.length > 2));
}

function countMentions(text: string, place: string): number {
  let n = 0;
  for (let i = text.indexOf(place); i >= 0; i = text.indexOf(place, i + place.length)) n++;
  return n;
}

const normPlaceText = (s: string) => jurisName(s).replace(/[-_/.]+/g, ' ');

/** The city a page is about, if one is named clearly more than the others. */
export function pageCity(index: SearchIndex, ctx: PageContext | undefined): string | undefined {
  const counts = placeMentions(index, ctx).sort((a, b) => b[1] - a[1]);
  const [first, second] = counts;
  if (!first || first[1] === 0) return undefined;
  return !second || first[1] >= second[1] + RANKING.context.cityMargin ? first[0] : undefined;
}

/** How often the page (title, address, text) names each place that has its own ordinances. */
function placeMentions(index: SearchIndex, ctx: PageContext | undefined): (readonly [string, number])[] {
  if (!ctx) return [];
  const text = normPlaceText(`${ctx.title ?? ''} ${ctx.title ?? ''} ${hostAndPath(ctx.url)} ${(ctx.text ?? '').slice(0, RANKING.context.maxChars)}`);
  return competingPlaces(index).map((p) => [p, countMentions(text, p)] as const);
}

/** Places with ordinances that a page with text never names, in full or by initials ("D.C."): their local law is not what it is about. */
export function placesUnmentioned(index: SearchIndex, ctx: PageContext | undefined): Set<string> {
  if (!ctx?.text?.trim()) return new Set();
  const unnamed = new Set(placeMentions(index, ctx).filter(([, n]) => n === 0).map(([p]) => p));
  for (const p of placesByInitials(index, ctx)) unnamed.delete(p);
  return unnamed;
}

function hostAndPath(url: string | undefined): string {
  if (!url) return '';
  const m = /^[a-z]+:\/\/([^/?#]*)([^?#]*)/i.exec(url);
  return m ? `${m[1]} ${m[2]}` : '';
}

/** Places the selection itself names ("St. Paul's ordinance"): their entries are never weighed down. */
export function placesNamed(index: SearchIndex, q: ParsedQuery): Set<string> {
  const t = normPlaceText(q.text);
  return new Set(competingPlaces(index).filter((p) => t.includes(p)));
}

/**
 * Which entries the surrounding text is about: the context (without the selection) scored as a
 * passage (its strongest terms), the best entry 1. Uses the scratch arrays and leaves them clean.
 */
export function contextAbout(index: SearchIndex, ctx: PageContext | undefined, selection = ''): Map<number, number> {
  const about = new Map<number, number>();
  // The block around a selection contains the selection itself: leave it out, so "about" says
  // what the surrounding text adds, not the selection's own words a second time.
  let around = (ctx?.text ?? '').slice(0, RANKING.context.maxChars);
  const sel = selection.trim();
  if (sel.length > 2) {
    const at = around.indexOf(sel);
    if (at >= 0) around = `${around.slice(0, at)} ${around.slice(at + sel.length)}`;
  }
  const text = `${ctx?.title ?? ''}\n${around}`.trim();
  if (!text) return about;
  const q = parseQuery(text);
  // Laws the page cites ("Chapter 44" in a Saint Paul clerk's page title) are what it is about.
  const cited = q.cites.length ? resolveCitations(index, q, pageCity(index, ctx)).hits : new Map();
  if (!q.words.length) {
    for (const [id, hit] of cited) if (hit.primary) about.set(id, 1);
    return about;
  }
  const expanded = expandTerms(index, { ...q, passage: true });
  // A word found in thousands of entries says nothing about which one the page is about, and its
  // postings are most of this pass's cost in a large pack (never reached by a pack of hundreds).
  const terms = { ...expanded, scored: expanded.scored.filter((t) => t.variants.every((v) => index.df[v.t]! <= RANKING.context.maxEntriesPerWord)) };
  const near = nearBest(index.scratch, accumulateTerms(index, terms, true));
  if (near.top > 0) {
    const ranked: [number, number][] = [];
    for (let i = 0; i < near.ids.length; i++) {
      const share = near.scores[i]! / near.top;
      if (share >= 0.5) ranked.push([near.ids[i]!, share]);
    }
    ranked.sort((a, b) => b[1] - a[1]);
    for (const [id, share] of ranked.slice(0, 12)) about.set(id, share);
  }
  for (const [id, hit] of cited) if (hit.primary) about.set(id, 1);
  return about;
}

/**
 * The best score of the context pass's `nt` touched entries, and those (in touched order) that
 * may score at least half of it: at least half the best so far when read, which the best only
 * raises (a margin of 1e-9 for rounding; the caller divides again). Clears the accumulators in
 * the same pass: a page of common words touches most of a large pack.
 */
function nearBest(sc: Scratch, nt: number): { top: number; ids: number[]; scores: number[] } {
  const { score, matched, flags, touched } = sc;
  const ids: number[] = [];
  const scores: number[] = [];
  let top = 0;
  for (let i = 0; i < nt; i++) {
    const id = touched[i]!;
    const s = score[id]!;
    if (s > top) top = s;
    if (s > 0 && s >= top * 0.5 * (1 - 1e-9)) {
      ids.push(id);
      scores.push(s);
    }
    score[id] = 0;
    matched[id] = 0;
    flags[id] = 0;
  }
  return { top, ids, scores };
}

/**
 * Multiplier of each candidate's score from the page context (`touched`: the slots' entries),
 * into `out`. Without a page, every one is 1; with one, each rule is read from per-entry arrays,
 * and whether an entry is another place's law is decided once per jurisdiction: a selection of
 * common words has a slot for most of a large pack.
 */
export function contextFactors(index: SearchIndex, touched: Uint32Array, nt: number, signal: ContextSignal, named: Set<string>, reading: 'passage' | 'short' | 'referring', out: Float64Array): void {
  const { about, month } = signal;
  if (!about.size && !month && !signal.city) {
    out.fill(1, 0, nt);
    return;
  }
  const C = RANKING.context;
  const agreement = reading === 'referring' ? C.referringAgreement : reading === 'short' ? C.shortAgreement : C.agreement;
  const starts = month ? entryStarts(index) : undefined;
  const other = new Map<string, boolean>();
  // The few entries the page is about, marked per entry: a Map lookup per slot cost more.
  const mark = index.scratch.mark;
  for (const id of about.keys()) mark[id] = 1;
  for (let i = 0; i < nt; i++) {
    const entry = touched[i]!;
    let f = 1;
    const a = mark[entry] ? about.get(entry) : undefined;
    if (a) f *= 1 + a * agreement;
    if (starts && starts[entry]! > month! + 1) f *= C.laterThanPage;
    if (signal.city) {
      const j = entryJurisdiction(index, entry);
      let o = other.get(j);
      if (o === undefined) other.set(j, (o = otherPlace(index, entry, signal, named)));
      if (o) f *= C.otherCity;
    }
    out[i] = f;
  }
  for (const id of about.keys()) mark[id] = 0;
}

/** The entry is local law of another place than the page's, and the selection does not name that place. */
export function otherPlace(index: SearchIndex, entry: number, signal: ContextSignal, named: Set<string>): boolean {
  if (!signal.city) return false;
  const j = entryJurisdiction(index, entry);
  return j !== signal.city && !named.has(j) && competingPlaces(index).includes(j);
}

/**
 * A place's own ordinances answer a selection only on a page about that place: when the page is
 * about another city, or its text never names the place, such an entry is at most a possible
 * match, unless the selection names the place or cites the entry. Only local law is held back:
 * an order, a policy or an event of another city may well be what the page reports on.
 */
export function capForeignLaw(index: SearchIndex, nt: number, signal: ContextSignal, named: Set<string>): void {
  if (!signal.city && !signal.unmentioned?.size) return;
  const sc = index.scratch;
  for (let i = 0; i < nt; i++) {
    const entry = sc.touched[i]!;
    if (sc.fl[i]! & SLOT.cite || sc.conf[i]! <= LABEL.possible || !ORDINANCE_KINDS.has(index.entries[entry]!.kind)) continue;
    const j = entryJurisdiction(index, entry);
    if (!named.has(j) && (otherPlace(index, entry, signal, named) || signal.unmentioned?.has(j))) sc.conf[i] = LABEL.possible;
  }
}
