/**
 * A short selection that is a phrase inside an entry's title ("immigration detainer" in
 * "District compliance with federal immigration detainers") names that entry, as a whole title
 * or its first words do (stage 5, phrases.ts, matches those from the index's phrase table; a
 * phrase inside a title is not in the table, and adding every inner phrase of 21,000 headings
 * would grow it several-fold). Found among the entries that already matched every word of the
 * selection, by reading their titles: a few dozen titles per lookup.
 *
 * Weighed as a title's first words are (RANKING.phrases.titlePrefix). On a page about the
 * entry's own place (the page's city, stage 6, or a place written by its initials: "D.C."), the
 * selection is that place's own law under its heading's words, and such entries go first among
 * the word matches (`ownTitlesFirst`; citations still rank above): "immigration detainer" on a
 * D.C. page means D.C. Code § 24-211.07 ("District compliance with federal immigration
 * detainers"), where without the page the federal rule and the glossary's Detainer come first.
 */
import { groupCount, groupOfEntry } from './pack-groups';
import { norm } from '../text/normalize';
import { tokenize } from '../text/tokenize';
import type { SearchIndex } from './build';
import type { PageContext } from './types';
import { RANKING } from './ranking';
import { entryJurisdiction } from './stages/citations';
import { PHRASE_MARK } from './stages/phrases';
import { SLOT } from './stages/rate';
import type { ParsedQuery } from './stages/parse';
import type { ExpandedTerms } from './stages/terms';

/** Titles read at most per lookup (entries matching every word, in index order). */
const MAX_TITLES = 400;

type Stems = readonly (readonly string[])[];
const contentWords = (title: string) => tokenize(norm(title)).filter((t) => !t.stop).map((t) => t.term);
const holdsAt = (words: readonly string[], seq: Stems, at: number) => seq.every((options, k) => options.includes(words[at + k]!));

/** Does `title`'s content-word sequence hold `seq` (each position: any of its stems) after its first word? */
function innerPhrase(title: string, seq: Stems): boolean {
  const words = contentWords(title);
  for (let at = 1; at + seq.length <= words.length; at++) if (holdsAt(words, seq, at)) return true;
  return false;
}

/** Is `title` the selection itself (the same content words)? */
function isTitle(title: string, seq: Stems): boolean {
  const words = contentWords(title);
  return words.length === seq.length && holdsAt(words, seq, 0);
}

export interface OwnTitles {
  /** Entries of the page's place whose title holds the selection inside it. */
  own: Set<number>;
  stems: Stems;
  place?: string;
}

/** "district of columbia" → "d.c.": a place of two or more words, by the initials of its content words. */
function initials(place: string): string | undefined {
  const words = tokenize(place).filter((t) => !t.stop);
  return words.length >= 2 ? words.map((t) => `${t.surface[0]}.`).join('') : undefined;
}

/**
 * The place the page is about: stage 6's city, else the one place with ordinances whose
 * initials ("D.C.") the page's title, address or text writes, where the full name is rarer.
 */
export function pagePlace(index: SearchIndex, ctx: PageContext | undefined, city: string | undefined): string | undefined {
  if (city || !ctx) return city;
  const found = placesByInitials(index, ctx);
  return found.length === 1 ? found[0] : undefined;
}

/** Places with ordinances whose initials ("D.C.") the page's title, address or text writes. */
export function placesByInitials(index: SearchIndex, ctx: PageContext | undefined): string[] {
  if (!ctx) return [];
  const host = /^[a-z]+:\/\/([^/?#]*)/i.exec(ctx.url ?? '')?.[1]?.toLowerCase() ?? '';
  const text = `${ctx.title ?? ''} ${(ctx.text ?? '').slice(0, RANKING.context.maxChars)}`.toLowerCase().replace(/\.\s+(?=[a-z]\.)/g, '.');
  return (index.cache.places ?? []).filter((p) => {
    const i = initials(p);
    if (!i) return false;
    const bare = i.replace(/\./g, '');
    return new RegExp(`(^|[^a-z.])${i.replace(/\./g, '\\.')}`).test(text) || new RegExp(`(^|[.-])${bare}([.-]|$)`).test(host);
  });
}

/**
 * Adds the bonus to scratch.pb / pw of each touched entry (of the first `nt`) whose title holds
 * the selection as an inner phrase; appends newly marked entries to `out` (stage 5's list).
 */
export function titlePhrases(index: SearchIndex, q: ParsedQuery, terms: ExpandedTerms, topText: number, nt: number, city: string | undefined, out: number[]): OwnTitles {
  const seq = terms.sequence;
  const stems = seq.map((qt) => (qt.variants.length ? qt.variants.map((v) => v.term) : [qt.term]));
  const own = new Set<number>();
  if (city === undefined || q.passage || seq.length < 2 || seq.length !== terms.all.length || terms.unknownWords > 0) return { own, stems };
  const idf = seq.reduce((s, qt) => s + qt.idf, 0);
  const sc = index.scratch;
  const P = RANKING.phrases;
  // The selection's IDF as each pack counts it (matched IDF is counted so: core/search/pack-groups.ts).
  const totals = Array.from({ length: groupCount(index) }, (_, g) => terms.all.reduce((s, t) => s + t.idfIn[g]!, 0));
  let read = 0;
  for (let i = 0; i < nt && read < MAX_TITLES; i++) {
    const id = sc.touched[i]!;
    // Every word matched (matched IDF is the selection's), and no whole-selection phrase yet.
    if (sc.matched[id]! < totals[groupOfEntry(index, id)]! * 0.999 || sc.pw[id]! & PHRASE_MARK.whole) continue;
    read++;
    if (entryJurisdiction(index, id) !== city || !innerPhrase(index.entries[id]!.title, stems)) continue;
    own.add(id);
    const bonus = P.titlePrefix * topText + idf * P.wholePrefixIdf;
    if (sc.pb[id] === 0) out.push(id);
    if (bonus > sc.pb[id]!) sc.pb[id] = bonus;
    sc.pw[id]! |= PHRASE_MARK.whole;
  }
  return { own, stems, place: city };
}

/**
 * After the final scores (stage 7, scoreSlots): the page's own entries found by titlePhrases
 * rank above every other word match, in their own order (each gains the best other score);
 * unless the selection already names an entry outright: it is an entry's whole title ("sanctuary
 * city", the glossary's), or the whole title or alias of one of the page's place's own entries
 * ("separation ordinance", Minneapolis' Chapter 19). Then that entry is the one meant.
 */
export function ownTitlesFirst(index: SearchIndex, nt: number, t: OwnTitles): void {
  const { own, stems, place } = t;
  if (!own.size) return;
  const sc = index.scratch;
  for (let i = 0; i < nt; i++) {
    if (!(sc.fl[i]! & SLOT.wholeName)) continue;
    const id = sc.touched[i]!;
    if (entryJurisdiction(index, id) === place || isTitle(index.entries[id]!.title, stems)) return;
  }
  let best = 0;
  for (let i = 0; i < nt; i++) if (!own.has(sc.touched[i]!) && sc.final[i]! > best) best = sc.final[i]!;
  for (let i = 0; i < nt; i++) if (own.has(sc.touched[i]!)) sc.final[i] = sc.final[i]! + best;
}
