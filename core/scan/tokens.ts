/**
 * Word keys for the page scanner. Runs on folded text (./fold.ts: case, diacritics, quotes and
 * dashes folded, offsets kept) and is used both for the pack's names and for the page, so the
 * two sides always agree on what a "word" is:
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
const SYNONYM = new Map([
  ['saint', 'st'],
  ['&', 'and'],
]);
export const BREAK = '.';
export const LINE = '\n';

export interface WordTokens {
  keys: string[];
  /** Text span of each token. */
  starts: number[];
  ends: number[];
}

/** Character classes of the BMP: 1 letter or digit, 2 separator punctuation (a token of its own). */
const CLASS = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) {
  const ch = String.fromCharCode(c);
  if (c >= 0xd800 && c <= 0xdfff) continue;
  if (c === 0xad) continue;
  if (/[\p{L}\p{N}]/u.test(ch)) CLASS[c] = 1;
}
for (const ch of '(),;:/&§[]') CLASS[ch.charCodeAt(0)] = 2;
const isWord = (c: number) => CLASS[c] === 1;
const LOWER = /\p{Ll}/u;

/** "agents" → "agent", "parties" → "party"; words of 3 letters or fewer, "-ss", "-us", "-is" are kept. */
export function foldPlural(w: string): string {
  const n = w.length;
  if (n <= 3 || w.charCodeAt(n - 1) !== 115 /* s */) return w;
  const p = w.charCodeAt(n - 2);
  if (p === 115 || p === 117 || p === 105 || (p >= 48 && p <= 57)) return w; // -ss -us -is, digits
  if (n > 4 && p === 101 && w.charCodeAt(n - 3) === 105) return w.slice(0, -3) + 'y';
  return w.slice(0, -1);
}

/** Splits folded text into word keys and separator tokens (see the header). */
export function wordTokens(text: string): WordTokens {
  const keys: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isWord(c)) {
      const start = i;
      let dirty = false; // the word's text holds characters that are not part of its key
      let initials = true; // "u.s.": single letters joined by dots
      let possessive = false;
      i++;
      for (;;) {
        while (i < n && isWord(text.charCodeAt(i))) i++;
        if (i >= n) break;
        const d = text.charCodeAt(i);
        const next = text.charCodeAt(i + 1);
        if (d === 0xad) {
          dirty = true;
          i++;
          continue;
        }
        if (d === 39 /* ' */ && isWord(next)) {
          if (next === 115 /* s */ && !isWord(text.charCodeAt(i + 2))) {
            possessive = true;
            break;
          }
          i++;
          continue;
        }
        if (d === 46 /* . */) {
          // "19.30": digits on both sides; "u.s": single letters on both sides.
          const prev = text.charCodeAt(i - 1);
          if (prev >= 48 && prev <= 57 && next >= 48 && next <= 57) {
            i++;
            continue;
          }
          if (initials && isWord(next) && !isWord(text.charCodeAt(i + 2)) && (i - 1 === start || text.charCodeAt(i - 2) === 46)) {
            dirty = true;
            i++;
            continue;
          }
          break;
        }
        if (d === 45 /* - */ && LOWER.test(text[i - 1]!)) {
          // "separa-\ntion": a line-end hyphen before a lower-case letter joins the word.
          let j = i + 1;
          while (j < n && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
          if (text.charCodeAt(j) === 10) {
            j++;
            while (j < n && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
            if (j < n && LOWER.test(text[j]!)) {
              dirty = true;
              i = j;
              continue;
            }
          }
        }
        break;
      }
      let end = i;
      // A trailing "." after initials ("u.s.") belongs to the word.
      let raw = text.slice(start, end);
      if (dirty) {
        raw = raw.replace(/\u00ad|-[ \t]*\n[ \t]*/g, '');
        if (/^[\p{L}\p{N}](?:\.[\p{L}\p{N}])+$/u.test(raw)) {
          raw = raw.replace(/\./g, '');
          if (text.charCodeAt(end) === 46) end = ++i;
        }
      }
      if (initials && raw.length === 1 && text.charCodeAt(end) === 46) end = ++i; // "N." of a name
      keys.push(SYNONYM.get(raw) ?? foldPlural(raw));
      starts.push(start);
      ends.push(possessive ? end : end);
      if (possessive) i += 2;
      else if (text.charCodeAt(i) === 46 && end === i) {
        // A dot after a word: a sentence ends unless the word is an abbreviation.
        if (!ABBREV.has(raw)) {
          keys.push(BREAK);
          starts.push(i);
          ends.push(i + 1);
        }
        i++;
      }
      continue;
    }
    if (CLASS[c] === 2) {
      const k = text[i]!;
      keys.push(SYNONYM.get(k) ?? k);
      starts.push(i);
      ends.push(i + 1);
    } else if (c === 10) {
      keys.push(LINE);
      starts.push(i);
      ends.push(i + 1);
    } else if (c === 33 || c === 63 || (c === 46 && i > 0 && text.charCodeAt(i - 1) !== 46) || (c === 45 && text.charCodeAt(i - 1) === 32 && text.charCodeAt(i + 1) === 32)) {
      // "!", "?", a stray ".", and " - " as a dash end a phrase.
      keys.push(BREAK);
      starts.push(i);
      ends.push(i + 1);
    }
    i++;
  }
  return { keys, starts, ends };
}
