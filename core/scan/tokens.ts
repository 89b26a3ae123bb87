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
 *
 * A page's words are not turned into strings: each token carries a 32-bit hash of its key,
 * computed while reading the characters (no allocation per word), and `keyAt` builds the string
 * only where a match must be confirmed. That keeps a 50,000-word scan to a few milliseconds.
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

/** Character classes of the BMP: 1 letter or digit, 2 separator punctuation (a token of its own). */
const CLASS = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) {
  if ((c >= 0xd800 && c <= 0xdfff) || c === 0xad) continue;
  if (/[\p{L}\p{N}]/u.test(String.fromCharCode(c))) CLASS[c] = 1;
}
for (const ch of '(),;:/&§[]') CLASS[ch.charCodeAt(0)] = 2;
const LOWER = /\p{Ll}/u;

const FNV = 0x811c9dc5 | 0;
const step = (h: number, c: number) => Math.imul(h ^ c, 16777619);

/** 30 bits: a small integer to V8, so the token arrays and the trie's maps hold no boxed numbers. */
const SMI = 0x3fffffff;

/** The hash the scanner gives a key (FNV-1a over UTF-16 units, 30 bits). */
export function hashKey(s: string): number {
  let h = FNV;
  for (let i = 0; i < s.length; i++) h = step(h, s.charCodeAt(i));
  return h & SMI;
}
const SYNONYM_HASH = new Map([...SYNONYM].map(([a, b]) => [hashKey(a), hashKey(b)]));
const H_BREAK = hashKey(BREAK);
const H_LINE = hashKey(LINE);

/** "agents" → "agent", "parties" → "party"; words of 3 letters or fewer, "-ss", "-us", "-is" are kept. */
export function foldPlural(w: string): string {
  const n = w.length;
  if (n <= 3 || w.charCodeAt(n - 1) !== 115 /* s */) return w;
  const p = w.charCodeAt(n - 2);
  if (p === 115 || p === 117 || p === 105 || (p >= 48 && p <= 57)) return w; // -ss -us -is, digits
  if (n > 4 && p === 101 && w.charCodeAt(n - 3) === 105) return w.slice(0, -3) + 'y';
  return w.slice(0, -1);
}

export interface Tokens {
  count: number;
  hash: Int32Array;
  /** Text span of each token. */
  start: Int32Array;
  end: Int32Array;
  /** 1: the token's text holds characters that are not part of its key (soft hyphen, line-end hyphen, initials' dots); 2: a separator. */
  kind: Uint8Array;
}

function cleanWord(raw: string): string {
  let w = raw.replace(/\u00ad|-[ \t]*\n[ \t]*/g, '');
  if (/^[\p{L}\p{N}](?:\.[\p{L}\p{N}])+\.?$/u.test(w)) w = w.replace(/\./g, '');
  return w;
}

function wordKey(raw: string): string {
  return SYNONYM.get(raw) ?? foldPlural(raw);
}

/** The key of token `k` as a string (to confirm a match, and for the pack's names). */
export function keyAt(text: string, t: Tokens, k: number): string {
  const raw = text.slice(t.start[k], t.end[k]);
  if (t.kind[k] === 2) return raw === '\n' ? LINE : raw === '.' || raw === '!' || raw === '?' || raw === '-' ? BREAK : (SYNONYM.get(raw) ?? raw);
  return wordKey(t.kind[k] === 1 ? cleanWord(raw) : raw);
}

/** Is token `k`'s key `key`? (keyAt without building the string, for the common case.) */
export function keyIs(text: string, t: Tokens, k: number, key: string): boolean {
  if (t.kind[k] !== 0) return keyAt(text, t, k) === key;
  const s = t.start[k]!;
  const len = t.end[k]! - s;
  if (len === 5) return keyAt(text, t, k) === key; // "saint"
  let keyLen = len;
  let y = false;
  if (len > 3 && text.charCodeAt(s + len - 1) === 115) {
    const p = text.charCodeAt(s + len - 2);
    if (!(p === 115 || p === 117 || p === 105 || (p >= 48 && p <= 57))) {
      if (len > 4 && p === 101 && text.charCodeAt(s + len - 3) === 105) {
        keyLen = len - 2;
        y = true;
      } else keyLen = len - 1;
    }
  }
  if (key.length !== keyLen) return false;
  const last = y ? keyLen - 1 : keyLen;
  for (let i = 0; i < last; i++) if (text.charCodeAt(s + i) !== key.charCodeAt(i)) return false;
  return !y || key.charCodeAt(keyLen - 1) === 121;
}

/** Was token `k` a plural the key folded ("ordinances" → "ordinance")? */
export function foldedPlural(text: string, t: Tokens, k: number): boolean {
  if (t.kind[k] !== 0) return false;
  const s = t.start[k]!;
  const len = t.end[k]! - s;
  if (len <= 3 || text.charCodeAt(s + len - 1) !== 115) return false;
  const p = text.charCodeAt(s + len - 2);
  return !(p === 115 || p === 117 || p === 105 || (p >= 48 && p <= 57));
}

/** Scratch arrays for short texts (names): reused, so building an index of 80,000 names allocates no buffer per name. */
const SHORT = 1024;
const scratch = { hash: new Int32Array(SHORT + 1), start: new Int32Array(SHORT + 1), end: new Int32Array(SHORT + 1), kind: new Uint8Array(SHORT + 1) };

/**
 * Splits folded text into tokens (see the header). `reuse`: a short text may use the shared
 * scratch arrays (valid until the next call; wordTokens copies them out at once).
 */
export function tokenize(text: string, reuse = false): Tokens {
  const n = text.length;
  // At most one token per character, plus one.
  const cap = n + 1;
  const small = reuse && n <= SHORT;
  const hash = small ? scratch.hash : new Int32Array(cap);
  const start = small ? scratch.start : new Int32Array(cap);
  const end = small ? scratch.end : new Int32Array(cap);
  const kind = small ? scratch.kind : new Uint8Array(cap);
  let count = 0;
  const sep = (h: number, at: number) => {
    hash[count] = h;
    start[count] = at;
    end[count] = at + 1;
    kind[count++] = 2;
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (CLASS[c] === 1) {
      const s = i;
      let dirty = false;
      let possessive = false;
      // Prefix hashes of the word: h after all characters, p1..p3 before the last 1..3.
      let h = FNV;
      let p1 = FNV;
      let p2 = FNV;
      let p3 = FNV;
      for (;;) {
        let d = text.charCodeAt(i);
        while (i < n && CLASS[d] === 1) {
          p3 = p2;
          p2 = p1;
          p1 = h;
          h = step(h, d);
          d = text.charCodeAt(++i);
        }
        if (i >= n) break;
        const next = text.charCodeAt(i + 1);
        if (d === 0xad) {
          dirty = true;
          i++;
          continue;
        }
        if (d === 39 /* ' */ && CLASS[next] === 1) {
          if (next === 115 /* s */ && CLASS[text.charCodeAt(i + 2)] !== 1) {
            possessive = true;
            break;
          }
          p3 = p2;
          p2 = p1;
          p1 = h;
          h = step(h, d);
          i++;
          continue;
        }
        if (d === 46 /* . */) {
          const prev = text.charCodeAt(i - 1);
          // "19.30": digits on both sides stay one word.
          if (prev >= 48 && prev <= 57 && next >= 48 && next <= 57) {
            p3 = p2;
            p2 = p1;
            p1 = h;
            h = step(h, d);
            i++;
            continue;
          }
          // "u.s": single letters joined by dots.
          if (CLASS[next] === 1 && CLASS[text.charCodeAt(i + 2)] !== 1 && (i - 1 === s || text.charCodeAt(i - 2) === 46)) {
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
      let e = i;
      let key: number;
      if (dirty) {
        let raw = text.slice(s, e);
        if (/\.[\p{L}\p{N}]$/u.test(raw) && text.charCodeAt(e) === 46) {
          raw += '.';
          e = ++i; // the dot after initials ("u.s.") is theirs
        }
        key = hashKey(wordKey(cleanWord(raw)));
      } else {
        const len = e - s;
        key = h;
        if (len > 3 && text.charCodeAt(e - 1) === 115) {
          const p = text.charCodeAt(e - 2);
          if (!(p === 115 || p === 117 || p === 105 || (p >= 48 && p <= 57))) key = len > 4 && p === 101 && text.charCodeAt(e - 3) === 105 ? step(p3, 121 /* y */) : p1;
        }
        if (len === 5) key = SYNONYM_HASH.get(key & SMI) ?? key; // "saint" (confirmed by keyAt)
        if (len === 1 && text.charCodeAt(e) === 46) e = ++i; // "N." of a name: its dot
      }
      hash[count] = key & SMI;
      start[count] = s;
      end[count] = e;
      kind[count++] = dirty ? 1 : 0;
      if (possessive) i += 2;
      else if (text.charCodeAt(i) === 46 && e === i) {
        // A dot after a word ends a sentence unless the word is an abbreviation.
        if (e - s > 4 || !ABBREV.has(text.slice(s, e))) sep(H_BREAK, i);
        i++;
      }
      continue;
    }
    if (CLASS[c] === 2) {
      const ch = text[i]!;
      sep(hashKey(SYNONYM.get(ch) ?? ch), i);
    } else if (c === 10) sep(H_LINE, i);
    else if (c === 33 || c === 63 || (c === 46 && i > 0 && text.charCodeAt(i - 1) !== 46) || (c === 45 && text.charCodeAt(i - 1) === 32 && text.charCodeAt(i + 1) === 32)) {
      // "!", "?", a stray ".", and " - " as a dash end a phrase.
      sep(H_BREAK, i);
    }
    i++;
  }
  return { count, hash, start, end, kind };
}

/** The keys of a short text (a name) as strings, with their spans. */
export function wordTokens(text: string): { keys: string[]; starts: number[]; ends: number[] } {
  const t = tokenize(text, true);
  const keys: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (let k = 0; k < t.count; k++) {
    keys.push(keyAt(text, t, k));
    starts.push(t.start[k]!);
    ends.push(t.end[k]!);
  }
  return { keys, starts, ends };
}
