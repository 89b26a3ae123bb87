/**
 * Case and diacritics folding that keeps every offset: folded[i] stands for original[i], so the
 * scanner needs no offset map and a match's span is the page's own span. The same folding as
 * core/text/normalize.ts (NFKC, lower case, marks stripped, curly quotes and dashes straightened),
 * except where a character would change length: a character that folds to nothing (a combining
 * mark) becomes a soft hyphen, which the word splitter ignores inside a word; one that folds to
 * more is cut; a character outside the BMP (emoji) becomes spaces.
 */
const QUOTES: Record<string, string> = { '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'", '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"' };
const DASH = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/;
const MARKS = /\p{M}/gu;
const cache = new Map<string, string>();

function foldChar(ch: string): string {
  let out = cache.get(ch);
  if (out !== undefined) return out;
  const code = ch.charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdfff) out = ' ';
  else if (QUOTES[ch]) out = QUOTES[ch]!;
  else if (DASH.test(ch)) out = '-';
  else if (ch === '\u00a0' || ch === '\u2009' || ch === '\u202f' || ch === '\u2007') out = ' ';
  else {
    out = ch.normalize('NFKC').normalize('NFD').replace(MARKS, '').toLowerCase();
    if (DASH.test(out)) out = '-';
    if (out.length === 0) out = '\u00ad';
    else if (out.length > 1) out = out[0]!;
  }
  cache.set(ch, out);
  return out;
}

export function foldText(text: string): string {
  let lower = text.toLowerCase();
  if (lower.length !== text.length) lower = Array.from(text, (c) => (c.length === 1 ? (c.toLowerCase().length === 1 ? c.toLowerCase() : c) : c)).join('');
  // oxlint-disable-next-line no-control-regex -- control characters are what this strips
  return lower.replace(/[^\x00-\x7f]/g, foldChar);
}
