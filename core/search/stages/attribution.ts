/**
 * Part of stage 1, parse: who is speaking is not what a sentence is about. In "Police Chief Brian
 * O'Hara says following federal agents is not unlawful" or "…, said Feist, an immigration
 * attorney", the speaker's name would match an entry about that person (a resignation, a
 * lawsuit) while the claim is about following agents. The words of the attribution, a capitalized
 * name and title at the edge of a clause beside a verb of saying, are left out of a passage's
 * words. Only names are dropped: "the council said" keeps "council".
 */
import { originalSpan, type Normalized } from '../../text/normalize';
import type { Token } from '../../text/tokenize';

const SAYING = new Set(['say', 'says', 'said', 'saying', 'told', 'tells', 'argued', 'argues', 'added', 'adds', 'noted', 'notes', 'explained', 'wrote', 'writes', 'stated', 'states', 'testified', 'recalled']);
/** Small words that may sit inside a name and title ("Chief of Police", "Sheriff of Hennepin County"). */
const INSIDE_NAME = new Set(['of', 'the', 'and', 'for']);
/**
 * A speaker's place says whose law it is ("Hennepin County Sheriff Richard Stanek said…" is about
 * Hennepin County's jail) and stays; their name and rank ("Sheriff Richard Stanek", "Police
 * Chief Brian O'Hara") go. The place is the words up to and including one of these.
 */
const PLACE_WORDS = new Set(['county', 'city', 'state', 'ward', 'township', 'district']);
/** At most this many words of a name and rank ("Police Chief Brian O'Hara"). */
const MAX_NAME_WORDS = 5;

/** Capitalized as written ("O'Hara", "Gov.", "ICE"), not a lower-case word. */
const capitalized = (src: string, n: Normalized, t: Token) => /^[A-Z]/.test(originalSpan(src, n, t.start, t.end));

/** Something between two tokens that ends a clause: punctuation or a quotation mark. */
const clauseBreak = (text: string, from: number, to: number) => /[.,;:!?"“”()—–]/.test(text.slice(from, to));

/** Indexes of the tokens of a name just before a verb of saying, reaching back to a clause start (nearest the verb first). */
function nameBefore(tokens: Token[], k: number, text: string, src: string, n: Normalized): number[] {
  const out: number[] = [];
  for (let i = k - 1; i >= 0 && (capitalized(src, n, tokens[i]!) || (INSIDE_NAME.has(tokens[i]!.surface) && out.length)); i--) {
    out.push(i);
    if (clauseBreak(text, tokens[i - 1]?.end ?? 0, tokens[i]!.start)) break;
  }
  while (out.length && !capitalized(src, n, tokens[out[out.length - 1]!]!)) out.pop();
  if (!out.length) return [];
  const first = out[out.length - 1]!;
  const before = first === 0 ? '.' : text.slice(tokens[first - 1]!.end, tokens[first]!.start);
  if (!clauseBreak(text, first === 0 ? 0 : tokens[first - 1]!.end, tokens[first]!.start) && first !== 0) return [];
  // One capitalized word opening a sentence may be any noun ("Officers said"): a name needs two there.
  if (/[.!?]/.test(before) && out.length < 2) return [];
  return personalName(tokens, out);
}

/** Of a speaker's words (nearest the verb first), the name and rank: up to the speaker's place. */
function personalName(tokens: Token[], nearestFirst: number[]): number[] {
  const name: number[] = [];
  for (const i of nearestFirst) {
    if (PLACE_WORDS.has(tokens[i]!.surface) || INSIDE_NAME.has(tokens[i]!.surface) || name.length === MAX_NAME_WORDS) break;
    name.push(i);
  }
  return name;
}

/** Indexes of the tokens of a name just after a verb of saying that follows a clause break ("…,” said Feist"). */
function nameAfter(tokens: Token[], k: number, text: string, src: string, n: Normalized): number[] {
  if (k === 0 || !clauseBreak(text, tokens[k - 1]!.end, tokens[k]!.start)) return [];
  const out: number[] = [];
  for (let i = k + 1; i < tokens.length && capitalized(src, n, tokens[i]!); i++) {
    out.push(i);
    if (clauseBreak(text, tokens[i]!.end, tokens[i + 1]?.start ?? text.length)) break;
  }
  return personalName(tokens, out.reverse()).reverse();
}

/** The tokens of the selection that name who is speaking ("according to X", "X said", "said X"). */
export function attributionTokens(tokens: Token[], text: string, src: string, n: Normalized): Set<Token> {
  const out = new Set<Token>();
  for (let k = 0; k < tokens.length; k++) {
    const w = tokens[k]!.surface;
    if (w === 'according' && tokens[k + 1]?.surface === 'to') {
      const after: number[] = [];
      for (let i = k + 2; i < tokens.length && capitalized(src, n, tokens[i]!); i++) after.push(i);
      for (const i of personalName(tokens, after.reverse())) out.add(tokens[i]!);
      continue;
    }
    if (!SAYING.has(w)) continue;
    for (const i of [...nameBefore(tokens, k, text, src, n), ...nameAfter(tokens, k, text, src, n)]) out.add(tokens[i]!);
  }
  return out;
}
