/**
 * Why a lookup hit matched, in words for a person at a terminal: "matched the alias "ICE hold" and
 * the words ICE, hold in its summary and 3 points". The engine reports matched words as the reader
 * wrote them; a misspelled word is shown as what it was read as ("seperation" read as
 * "separation"), never listed as a matched word itself.
 */
import { norm } from '../../core/text/normalize';
import type { Entry } from '../../core/schema/pack';
import type { LookupHit, MatchedField, ResultConfidence } from '../../core/search/index';
import { editDistance } from './cli-args';

/** The card's words for the engine's labels (components/ConfidenceBadge.tsx). */
export const MATCH_LABEL: Record<ResultConfidence, string> = { high: 'Strong match', medium: 'Likely match', low: 'Possible match' };

/** The entry text a matched field refers to. */
function fieldText(e: Entry, m: MatchedField): string {
  const i = m.index ?? 0;
  switch (m.field) {
    case 'title':
      return e.title;
    case 'id':
      return e.id.replace(/[-.]/g, ' ');
    case 'summary':
      return e.summary;
    case 'citation':
      return e.citation ?? '';
    case 'alias':
      return e.aliases[i] ?? '';
    case 'keyword':
      return e.keywords[i] ?? '';
    case 'point':
      return e.points[i]?.text ?? '';
    case 'exception':
      return e.exceptions[i]?.text ?? '';
  }
}

const words = (text: string) => norm(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Two forms of one word (hold / holds, ask / asking, detainer / detainers): the engine's stemming, roughly. */
function sameWord(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.startsWith(short) && long.length - short.length <= 3) return true;
  // Shared stem with different endings: certify / certified, detention / detentions.
  const stem = (w: string) => w.replace(/(ing|ed|es|s|y|ies|ion|ions)$/, '');
  return stem(a).length >= 4 && stem(a) === stem(b);
}

/**
 * The word of `text` a query word was read as, when the text does not hold the word itself (a
 * misspelling or a shortened form the engine expanded); undefined when it does or none is close.
 */
export function readAs(surface: string, text: string): string | undefined {
  const w = norm(surface);
  if (!/^[\p{L}]+$/u.test(w)) return undefined;
  const candidates = words(text);
  if (candidates.some((c) => sameWord(c, w))) return undefined;
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(w.length / 3)) + 1;
  for (const c of candidates) {
    const d = c.startsWith(w.slice(0, 5)) && w.length >= 5 ? 1 : editDistance(w, c);
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best;
}

const NAMED_RANK: Partial<Record<MatchedField['field'], number>> = { title: 3, alias: 2, keyword: 1 };
const PLACE_WORDS: Partial<Record<MatchedField['field'], [string, string]>> = {
  title: ['title', 'title'],
  summary: ['summary', 'summary'],
  alias: ['an alias', 'aliases'],
  keyword: ['a keyword', 'keywords'],
  point: ['a point', 'points'],
  exception: ['an exception', 'exceptions'],
  citation: ['citation', 'citation'],
};

const isCitationMatch = (m: MatchedField, hit: LookupHit) => m.field === 'citation' && (hit.via === 'citation' || m.terms.some((t) => /[§\d]/.test(t)));

function listWords(ws: readonly string[]): string {
  return ws.length <= 1 ? ws.join('') : `${ws.slice(0, -1).join(', ')} and ${ws.at(-1)}`;
}

/** "its summary, 3 points and a keyword" for the fields other than the named one. */
function places(fields: readonly MatchedField[]): string {
  const counts = new Map<MatchedField['field'], number>();
  for (const m of fields) if (PLACE_WORDS[m.field]) counts.set(m.field, (counts.get(m.field) ?? 0) + 1);
  const parts = [...counts].map(([f, n]) => {
    const [one, many] = PLACE_WORDS[f]!;
    return n === 1 ? one : `${n} ${many}`;
  });
  return parts.length ? `in its ${listWords(parts)}`.replace(/in its (an?) /, 'in $1 ') : '';
}

/** One line saying why `hit` matched, from its matched fields and the entry's own text. */
export function whyMatched(hit: LookupHit, entry: Entry | undefined): string {
  const readings = new Map<string, string>();
  // Only a hit found through a misspelling or a shortened word has words to read differently.
  if (entry && hit.via === 'fuzzy') {
    for (const m of hit.matched) {
      if (isCitationMatch(m, hit)) continue;
      for (const t of m.terms) {
        const r = readAs(t, fieldText(entry, m));
        if (r && !readings.has(t)) readings.set(t, r);
      }
    }
  }
  const cite = hit.matched.find((m) => isCitationMatch(m, hit));
  const textFields = hit.matched.filter((m) => !isCitationMatch(m, hit) && m.field !== 'id');
  const named = textFields.filter((m) => NAMED_RANK[m.field]).sort((a, b) => b.terms.length - a.terms.length || NAMED_RANK[b.field]! - NAMED_RANK[a.field]!)[0];
  const said = [...new Set(textFields.flatMap((m) => m.terms.map((t) => readings.get(t) ?? t)))];
  const parts: string[] = [];
  if (cite) parts.push(`the citation ${cite.terms.join(', ')}`);
  if (named && entry) parts.push(named.field === 'title' ? 'its title' : `the ${named.field} "${fieldText(entry, named)}"`);
  const rest = textFields.filter((m) => m !== named);
  if (said.length && rest.length) parts.push(`the word${said.length > 1 ? 's' : ''} ${listWords(said)} ${places(rest)}`.trim());
  else if (said.length && !cite) parts.push(`the word${said.length > 1 ? 's' : ''} ${listWords(said)}`);
  const why = parts.length ? `matched ${listWords(parts)}` : hit.via === 'passage' ? 'found from the passage as a whole' : 'found from the page around the selection';
  const notes = [...readings].map(([from, to]) => `"${from}" read as "${to}"`);
  return notes.length ? `${why} (${notes.join('; ')})` : why;
}
