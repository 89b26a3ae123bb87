/** Tokenizer, stemmer (Porter2 without "-er", see stem.ts) and stop words. */
import { porterStem } from './stem';
export interface Token {
  /** Stemmed term. */
  term: string;
  /** Normalized surface form. */
  surface: string;
  start: number;
  end: number;
  stop: boolean;
}

export const STOPWORDS = new Set(
  ("a about above after again against all also am an and any are aren't as at be because been before being below between both but by can can't cannot could did didn't do does doesn't doing don't down during each few for from further had has have having he her here hers herself him himself his how i if in into is isn't it it's its itself just let's me more most my myself no nor not of off on once only or other our ours ourselves out over own s same she should so some such t than that that's the their theirs them themselves then there these they this those through to too under until up very was wasn't we were what when where which while who whom why will with won't would you your yours yourself yourselves said says say may might must shall one two new last later still week weeks").split(' '),
);

const WORD = /[\p{L}\p{N}]+(?:['.-][\p{L}\p{N}]+)*/gu;

/** The stem of one normalized word (see stem.ts); words with digits are kept as they are. */
export function stem(w: string): string {
  // Porter2's plural rule for three-letter words ("IDs", "ads", "ops" → id, ad, op): the rest of
  // the stemmer is not for words this short, but a pack's "ID" must match an article's "IDs".
  if (w.length === 3 && isShortPlural(w)) return w.slice(0, 2);
  if (w.length <= 3 || hasDigit(w)) return w;
  return porterStem(w);
}

// Character tests written out: a lookup stems every word of its hits' fields, and a regex test
// cost more than the stemmer's memo lookup that follows.
const isVowel = (c: number) => c === 97 || c === 101 || c === 105 || c === 111 || c === 117;

/** /^[aeiou][a-rt-z]s$/ for a three-letter word. */
function isShortPlural(w: string): boolean {
  const b = w.charCodeAt(1);
  return isVowel(w.charCodeAt(0)) && b >= 97 && b <= 122 && b !== 115 && w.charCodeAt(2) === 115;
}

/** /\d/: an ASCII digit anywhere. */
function hasDigit(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/**
 * Walks the words of normalized text (see normalize.ts) without building token objects:
 * `emit(surface, start, end)` for each word, for the parts of hyphenated and dotted words, and
 * "287g" for "287(g)". Stops after `maxTokens` emissions.
 */
export function scanWords(text: string, emit: (surface: string, start: number, end: number) => void, maxTokens = Infinity): void {
  let count = 0;
  const put = (surface: string, start: number, end: number) => {
    count++;
    emit(surface, start, end);
  };
  const re = new RegExp(WORD.source, 'gu');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && count < maxTokens) {
    let surface = m[0];
    const start = m.index;
    const end = start + surface.length;
    if (surface.length > 40) continue;
    if (surface.includes('.')) {
      const parts = surface.split('.');
      if (parts.every((p) => /^\p{L}$/u.test(p))) surface = parts.join('');
      else if (!/^[\d.]+$/.test(surface)) {
        for (const p of parts) if (p && count < maxTokens) put(p, start, end);
      }
    }
    if (count >= maxTokens) break;
    put(surface, start, end);
    if (surface.includes('-') && /\p{L}/u.test(surface)) {
      for (const p of surface.split('-')) if (p && p.length > 1 && count < maxTokens) put(p, start, end);
    }
    if (count < maxTokens && surface.charCodeAt(0) <= 57 && /^\d+$/.test(surface)) {
      const sub = /^\(([a-z0-9]{1,3})\)/.exec(text.slice(end, end + 6));
      if (sub) put(surface + sub[1], start, end + sub[0].length);
    }
  }
}

/** Tokenizes normalized text (see normalize.ts); emits parts of hyphenated words and "287g" for "287(g)". */
export function tokenize(text: string, maxTokens = 5000): Token[] {
  const out: Token[] = [];
  scanWords(text, (surface, start, end) => out.push(mk(surface, start, end)), maxTokens);
  return out;
}

/** Stemmed content terms (stop words left out) of normalized text, passed to `emit`. */
export function scanTerms(text: string, emit: (term: string, surface: string) => void): void {
  scanWords(text, (surface) => {
    if (!STOPWORDS.has(surface)) emit(stem(surface), surface);
  });
}

function mk(surface: string, start: number, end: number): Token {
  const stop = STOPWORDS.has(surface);
  return { term: stop ? surface : stem(surface), surface, start, end, stop };
}
