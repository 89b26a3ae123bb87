/**
 * Which points (or exceptions) of an entry answer what the reader selected, for the in-page
 * card's "What answers your selection". The engine marks a point as matched when it shares any
 * one word with the selection; on a card that put "police" or "city" points first for selections
 * that were about something else. Here a point answers only when it is the selection's pinpoint
 * ("19.30(a)(3)" → the (a)(3) point) or shares the selection's key terms: the words left once
 * stop words and everyday English ("city", "police", "section") are set aside, at least two of
 * them when the selection has two or more. Otherwise the card shows the entry's leading points.
 */
import type { Point } from '../schema/pack';
import { norm } from '../text/normalize';
import { scanTerms } from '../text/tokenize';
import { COMMON_WORDS } from '../scan/common-words';

/** The stems of the selection's key terms (stop words and everyday English left out). */
export function keyTerms(selection: string): Set<string> {
  const out = new Set<string>();
  scanTerms(norm(selection), (term, surface) => {
    const generic = VAGUE.has(surface) || COMMON_WORDS.has(surface) || (surface.endsWith('s') && COMMON_WORDS.has(surface.slice(0, -1)));
    if (surface.length > 1 && !generic) out.add(term);
  });
  return out;
}

/** Words that say nothing about a topic, beyond the stop words ("anyone", "people"). */
const VAGUE = new Set(['anyone', 'anybody', 'someone', 'somebody', 'everyone', 'everybody', 'nobody', 'anything', 'something', 'everything', 'nothing', 'people']);

function termsOf(text: string): Set<string> {
  const out = new Set<string>();
  scanTerms(norm(text), (term) => out.add(term));
  return out;
}

/** Does a subsection label fall under the pinpoint, or the pinpoint under it ("(a)" and "(a)(3)")? */
export function underPinpoint(subsection: string | undefined, pinpoint: string | undefined): boolean {
  if (!subsection || !pinpoint) return false;
  return subsection.startsWith(pinpoint) || pinpoint.startsWith(subsection);
}

/** Indexes of the items that answer the selection (see the file comment), in entry order. */
export function answeringIndexes(items: readonly Point[], selection: string, pinpoint?: string): number[] {
  const key = keyTerms(selection);
  const need = Math.min(2, key.size);
  const out: number[] = [];
  items.forEach((p, i) => {
    if (underPinpoint(p.subsection, pinpoint)) {
      out.push(i);
      return;
    }
    if (!need) return;
    const own = termsOf(p.text);
    let shared = 0;
    for (const t of key) if (own.has(t)) shared++;
    if (shared >= need) out.push(i);
  });
  return out;
}
