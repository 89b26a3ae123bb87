/**
 * Word keys for the page scanner. Runs on normalized text (core/text/normalize.ts: lower case,
 * diacritics folded, quotes and dashes straightened) and is used both for the pack's names and
 * for the page, so the two sides always agree on what a "word" is:
 *
 * - a word is a run of letters and digits; a hyphen inside a word separates two words
 *   ("city-owned" = "city owned"), and a hyphen at a line end joins them ("separa-\ntion");
 *   a soft hyphen (U+00AD) is ignored;
 * - possessives are dropped ("Frey's", "agents'") and simple plurals folded ("agents" = "agent");
 * - initials are joined ("U.S." = "US"), and "saint" is "st";
 * - punctuation that separates ideas becomes a token of its own ("(", ",", "§" …), and so do a
 *   sentence end and a line break, so a name never matches across them.
 */

/** Abbreviations whose dot does not end a sentence ("St. Paul", "Exec. Order", "No. 1056"). */
const ABBREV = new Set(
  'st no nos sec secs ch ord exec minn gen att op inc co corp dept gov govt rep sen stat jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr vs v ct app art ave blvd tit subd para'.split(' '),
);
const SYNONYM: Record<string, string> = { saint: 'st', '&': 'and' };
/** Characters that become tokens of their own: they separate ideas, so a name must contain them to match across them. */
const PUNCT = new Set(['(', ')', ',', ';', ':', '/', '&', '§', '[', ']']);
export const BREAK = '.';
export const LINE = '\n';

export interface WordTokens {
  keys: string[];
  /** Normalized-text span of each token. */
  starts: number[];
  ends: number[];
}

const isWordCode = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c > 127 && c !== 0xad && /[\p{L}\p{N}]/u.test(String.fromCharCode(c)));

/** "agents" → "agent", "parties" → "party"; words of 3 letters or fewer, "-ss", "-us", "-is" are kept. */
export function foldPlural(w: string): string {
  const n = w.length;
  if (n <= 3 || w.charCodeAt(n - 1) !== 115 /* s */) return w;
  if (/\d/.test(w)) return w;
  if (n > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.endsWith('ss') || w.endsWith('us') || w.endsWith('is')) return w;
  return w.slice(0, -1);
}

function finish(raw: string): string {
  return SYNONYM[raw] ?? foldPlural(raw);
}

/** Splits normalized text into word keys and separator tokens (see the header). */
export function wordTokens(text: string): WordTokens {
  const keys: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const n = text.length;
  let i = 0;
  let word = '';
  let wStart = -1;
  let wEnd = -1;
  const flush = () => {
    if (wStart < 0) return;
    keys.push(finish(word));
    starts.push(wStart);
    ends.push(wEnd);
    word = '';
    wStart = -1;
  };
  const sep = (k: string, at: number) => {
    keys.push(k);
    starts.push(at);
    ends.push(at + 1);
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isWordCode(c)) {
      if (wStart < 0) wStart = i;
      word += text[i];
      wEnd = i + 1;
      i++;
      continue;
    }
    if (c === 0xad && wStart >= 0) {
      i++;
      continue;
    }
    if (c === 39 /* ' */ && wStart >= 0 && i + 1 < n && isWordCode(text.charCodeAt(i + 1))) {
      // Possessive "'s" (not "'sa…"): the word ends here and the "'s" is dropped.
      if ((text[i + 1] === 's') && (i + 2 >= n || !isWordCode(text.charCodeAt(i + 2)))) {
        flush();
        i += 2;
        continue;
      }
      word += "'"; // "don't", "att'y"
      i++;
      continue;
    }
    if (c === 45 /* - */ && wStart >= 0) {
      // "separa-\ntion": a line-end hyphen between letters joins the word.
      let j = i + 1;
      while (j < n && (text[j] === ' ' || text[j] === '\t')) j++;
      if (text[j] === '\n' && /\p{L}/u.test(text[i - 1] ?? '')) {
        j++;
        while (j < n && (text[j] === ' ' || text[j] === '\t')) j++;
        if (j < n && /\p{Ll}/u.test(text[j]!)) {
          i = j;
          continue;
        }
      }
      flush();
      i++;
      continue;
    }
    if (c === 46 /* . */ && wStart >= 0) {
      const w = word;
      const next = text.charCodeAt(i + 1);
      // Initials ("u.s.", "h.f.") are joined into one word.
      if (w.length === 1 || /^(?:[a-z]\.)+[a-z]$/.test(w)) {
        if (i + 2 <= n && isWordCode(next) && !isWordCode(text.charCodeAt(i + 2))) {
          word += '.' + text[i + 1];
          wEnd = i + 2;
          i += 2;
          continue;
        }
        word = word.replace(/\./g, '');
        flush();
        i++;
        continue;
      }
      // "19.30", "287.7": a dot between digits stays inside the word.
      if (/\d$/.test(w) && next >= 48 && next <= 57) {
        word += '.';
        i++;
        continue;
      }
      const abbrev = ABBREV.has(w);
      flush();
      if (!abbrev) sep(BREAK, i);
      i++;
      continue;
    }
    if (wStart >= 0) {
      if (/\./.test(word)) word = word.replace(/\./g, '');
      flush();
    }
    if (c === 10) sep(LINE, i);
    else if (c === 33 || c === 63) sep(BREAK, i);
    else if (c === 45 && text[i - 1] === ' ' && text[i + 1] === ' ') sep(BREAK, i); // " - " as a dash
    else if (PUNCT.has(text[i]!)) {
      const k = text[i]!;
      keys.push(SYNONYM[k] ?? k);
      starts.push(i);
      ends.push(i + 1);
    }
    i++;
  }
  if (wStart >= 0) {
    if (/\./.test(word) && !/\d\.\d/.test(word)) word = word.replace(/\./g, '');
    flush();
  }
  return { keys, starts, ends };
}
