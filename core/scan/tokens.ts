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

/**
 * Character classes of the BMP: 1 letter or digit, 2 separator punctuation (a token of its own).
 * Filled by the first `tokenize` (every reader of CLASS runs under it), not when the module is
 * evaluated: testing 65,536 characters takes 14 ms, and the background's first lookup after a
 * worker stop, which never scans, must not wait for it (decision 0011).
 */
let CLASS: Uint8Array = new Uint8Array(0);
function characterClasses(): Uint8Array {
  const table = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) {
    if ((c >= 0xd800 && c <= 0xdfff) || c === 0xad) continue;
    if (/[\p{L}\p{N}]/u.test(String.fromCharCode(c))) table[c] = 1;
  }
  for (const ch of '(),;:/&§[]') table[ch.charCodeAt(0)] = 2;
  return table;
}
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

/**
 * How a word of `len` characters at `s` ends: 0 not a plural; 1 a plural that drops its "s"
 * ("agents"); 2 one whose "ies" is "y" ("parties"). Words of 3 letters or fewer, and "-ss",
 * "-us", "-is" or a digit before the "s", are not plurals.
 */
function pluralFold(text: string, s: number, len: number): 0 | 1 | 2 {
  if (len <= 3 || text.charCodeAt(s + len - 1) !== 115 /* s */) return 0;
  const p = text.charCodeAt(s + len - 2);
  if (p === 115 || p === 117 || p === 105 || (p >= 48 && p <= 57)) return 0; // -ss -us -is, digits
  return len > 4 && p === 101 && text.charCodeAt(s + len - 3) === 105 ? 2 : 1;
}

/** "agents" → "agent", "parties" → "party"; words of 3 letters or fewer, "-ss", "-us", "-is" are kept. */
export function foldPlural(w: string): string {
  const fold = pluralFold(w, 0, w.length);
  return fold === 0 ? w : fold === 2 ? w.slice(0, -3) + 'y' : w.slice(0, -1);
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
  const fold = pluralFold(text, s, len);
  const keyLen = len - fold;
  const y = fold === 2;
  if (key.length !== keyLen) return false;
  const last = y ? keyLen - 1 : keyLen;
  for (let i = 0; i < last; i++) if (text.charCodeAt(s + i) !== key.charCodeAt(i)) return false;
  return !y || key.charCodeAt(keyLen - 1) === 121;
}

/** Was token `k` a plural the key folded ("ordinances" → "ordinance")? */
export function foldedPlural(text: string, t: Tokens, k: number): boolean {
  if (t.kind[k] !== 0) return false;
  const s = t.start[k]!;
  return pluralFold(text, s, t.end[k]! - s) !== 0;
}

/** Scratch arrays for short texts (names): reused, so building an index of 80,000 names allocates no buffer per name. */
const SHORT = 1024;
const scratch = { hash: new Int32Array(SHORT + 1), start: new Int32Array(SHORT + 1), end: new Int32Array(SHORT + 1), kind: new Uint8Array(SHORT + 1) };

/**
 * Splits folded text into tokens (see the header). `reuse`: a short text may use the shared
 * scratch arrays (valid until the next call; wordTokens copies them out at once).
 */
export function tokenize(text: string, reuse = false): Tokens {
  if (!CLASS.length) CLASS = characterClasses();
  const n = text.length;
  // At most one token per character, plus one.
  const cap = n + 1;
  const small = reuse && n <= SHORT;
  const t: Tokens = {
    count: 0,
    hash: small ? scratch.hash : new Int32Array(cap),
    start: small ? scratch.start : new Int32Array(cap),
    end: small ? scratch.end : new Int32Array(cap),
    kind: small ? scratch.kind : new Uint8Array(cap),
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (CLASS[c] === 1) {
      i = readWord(text, i, t);
      continue;
    }
    if (CLASS[c] === 2) {
      const ch = text[i]!;
      addSeparator(t, hashKey(SYNONYM.get(ch) ?? ch), i);
    } else if (c === 10) addSeparator(t, H_LINE, i);
    else if (c === 33 || c === 63 || (c === 46 && i > 0 && text.charCodeAt(i - 1) !== 46) || (c === 45 && text.charCodeAt(i - 1) === 32 && text.charCodeAt(i + 1) === 32)) {
      // "!", "?", a stray ".", and " - " as a dash end a phrase.
      addSeparator(t, H_BREAK, i);
    }
    i++;
  }
  return t;
}

function addToken(t: Tokens, hash: number, start: number, end: number, kind: number): void {
  t.hash[t.count] = hash;
  t.start[t.count] = start;
  t.end[t.count] = end;
  t.kind[t.count++] = kind;
}

const addSeparator = (t: Tokens, hash: number, at: number) => addToken(t, hash, at, at + 1, 2);

/**
 * The word being read: where reading stands, its prefix hashes (h after all characters, p1..p3
 * before the last 1..3, so a folded plural's key needs no second pass), whether its text holds
 * characters that are not part of its key, and whether a possessive "'s" ended it. One shared
 * object (JS is single-threaded), so reading a word allocates nothing.
 */
const word = { i: 0, h: FNV, p1: FNV, p2: FNV, p3: FNV, dirty: false, possessive: false };
type WordState = typeof word;

function addChar(w: WordState, c: number): void {
  w.p3 = w.p2;
  w.p2 = w.p1;
  w.p1 = w.h;
  w.h = step(w.h, c);
}

/** Reads the word starting at `s` into `t`, and the sentence end after it; returns where reading goes on. */
function readWord(text: string, s: number, t: Tokens): number {
  const w = word;
  readWordChars(text, s, w);
  const key = w.dirty ? dirtyWordHash(text, s, w) : cleanWordHash(text, s, w);
  const e = w.i;
  addToken(t, key & SMI, s, e, w.dirty ? 1 : 0);
  if (w.possessive) return e + 2;
  if (text.charCodeAt(e) !== 46) return e;
  // A dot after a word ends a sentence unless the word is an abbreviation.
  if (e - s > 4 || !ABBREV.has(text.slice(s, e))) addSeparator(t, H_BREAK, e);
  return e + 1;
}

/** Advances `w.i` from `s` to the end of the word, hashing its characters on the way. */
function readWordChars(text: string, s: number, w: WordState): void {
  const n = text.length;
  w.i = s;
  w.h = w.p1 = w.p2 = w.p3 = FNV;
  w.dirty = w.possessive = false;
  for (;;) {
    // The hot loop, on locals (a page's every letter passes here).
    let i = w.i;
    let h = w.h;
    let p1 = w.p1;
    let p2 = w.p2;
    let p3 = w.p3;
    let d = text.charCodeAt(i);
    while (i < n && CLASS[d] === 1) {
      p3 = p2;
      p2 = p1;
      p1 = h;
      h = step(h, d);
      d = text.charCodeAt(++i);
    }
    w.i = i;
    w.h = h;
    w.p1 = p1;
    w.p2 = p2;
    w.p3 = p3;
    // Only a soft hyphen, an apostrophe, a dot or a hyphen may continue a word.
    if (i >= n || (d !== 0xad && d !== 39 && d !== 46 && d !== 45) || !wordGoesOn(text, s, w, d)) return;
  }
}

/** At `d`, a character that is no letter or digit: does the word go on past it? (Moves `w.i` past it if so.) */
function wordGoesOn(text: string, s: number, w: WordState, d: number): boolean {
  const next = text.charCodeAt(w.i + 1);
  if (d === 0xad) {
    w.dirty = true;
    w.i++;
    return true;
  }
  if (d === 39 /* ' */ && CLASS[next] === 1) {
    if (next === 115 /* s */ && CLASS[text.charCodeAt(w.i + 2)] !== 1) {
      w.possessive = true;
      return false;
    }
    addChar(w, d);
    w.i++;
    return true;
  }
  if (d === 46 /* . */) return dotGoesOn(text, s, w, next);
  // "separa-\ntion": a line-end hyphen before a lower-case letter joins the word.
  if (d === 45 /* - */ && LOWER.test(text[w.i - 1]!)) return lineEndHyphenGoesOn(text, w);
  return false;
}

function dotGoesOn(text: string, s: number, w: WordState, next: number): boolean {
  const i = w.i;
  const prev = text.charCodeAt(i - 1);
  // "19.30": digits on both sides stay one word.
  if (prev >= 48 && prev <= 57 && next >= 48 && next <= 57) {
    addChar(w, 46);
    w.i++;
    return true;
  }
  // "u.s": single letters joined by dots.
  if (CLASS[next] === 1 && CLASS[text.charCodeAt(i + 2)] !== 1 && (i - 1 === s || text.charCodeAt(i - 2) === 46)) {
    w.dirty = true;
    w.i++;
    return true;
  }
  return false;
}

function lineEndHyphenGoesOn(text: string, w: WordState): boolean {
  let j = skipBlanks(text, w.i + 1);
  if (text.charCodeAt(j) !== 10) return false;
  j = skipBlanks(text, j + 1);
  if (j >= text.length || !LOWER.test(text[j]!)) return false;
  w.dirty = true;
  w.i = j;
  return true;
}

/** The first position from `j` that is not a space or a tab. */
function skipBlanks(text: string, j: number): number {
  while (j < text.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
  return j;
}

/** The key hash of a word whose text is not its key (soft hyphens, initials…): built from the cleaned string. */
function dirtyWordHash(text: string, s: number, w: WordState): number {
  let raw = text.slice(s, w.i);
  if (/\.[\p{L}\p{N}]$/u.test(raw) && text.charCodeAt(w.i) === 46) {
    raw += '.';
    w.i++; // the dot after initials ("u.s.") is theirs
  }
  return hashKey(wordKey(cleanWord(raw)));
}

/** The key hash of a plain word, from its prefix hashes: plurals folded, "saint" as "st". */
function cleanWordHash(text: string, s: number, w: WordState): number {
  const e = w.i;
  const len = e - s;
  const fold = pluralFold(text, s, len);
  let key = fold === 0 ? w.h : fold === 1 ? w.p1 : step(w.p3, 121 /* y */);
  if (len === 5) key = SYNONYM_HASH.get(key & SMI) ?? key; // "saint" (confirmed by keyAt)
  if (len === 1 && text.charCodeAt(e) === 46) w.i++; // "N." of a name: its dot
  return key;
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
