/**
 * Text normalization with an offset map back to the original string.
 * NFKC, lower case, diacritics stripped (matrícula = matricula), curly quotes to straight,
 * dashes to "-", lone surrogates to spaces. `starts[i]`/`ends[i]` give the original span of
 * normalized character i.
 */
export interface Normalized {
  text: string;
  starts: number[];
  ends: number[];
}

const QUOTES: Record<string, string> = { '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'", '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"' };
const DASH = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;
const MARKS = /\p{M}/gu;
// oxlint-disable-next-line no-control-regex -- every ASCII character, control characters included
const ASCII = /^[\x00-\x7f]*$/;

export function normalize(input: string): Normalized {
  const starts: number[] = [];
  const ends: number[] = [];
  // ASCII maps to itself but for A–Z, one character each: the same text and offsets as the
  // loop below, without building the text a character at a time (a page's context is 2,000).
  if (ASCII.test(input)) {
    for (let i = 0; i < input.length; i++) {
      starts.push(i);
      ends.push(i + 1);
    }
    return { text: input.toLowerCase(), starts, ends };
  }
  let text = '';
  for (let i = 0; i < input.length; ) {
    const code = input.charCodeAt(i);
    if (code < 128) {
      text += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : input[i];
      starts.push(i);
      ends.push(i + 1);
      i++;
      continue;
    }
    let width = 1;
    let ch: string;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = input.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        width = 2;
        ch = input.slice(i, i + 2);
      } else ch = ' ';
    } else if (code >= 0xdc00 && code <= 0xdfff) ch = ' ';
    else ch = input[i]!;
    let out = QUOTES[ch] ?? ch.normalize('NFKC').normalize('NFD').replace(MARKS, '').toLowerCase().replace(DASH, '-');
    if (out.length > 8) out = out.slice(0, 8);
    for (let k = 0; k < out.length; k++) {
      starts.push(i);
      ends.push(i + width);
    }
    text += out;
    i += width;
  }
  return { text, starts, ends };
}

/** Normalizes without keeping the offset map. */
export function norm(input: string): string {
  if (ASCII.test(input)) return input.toLowerCase();
  return normalize(input).text;
}

/** The original substring for the normalized span [start, end). */
export function originalSpan(src: string, n: Normalized, start: number, end: number): string {
  if (end <= start || start >= n.starts.length) return '';
  return src.slice(n.starts[start], n.ends[Math.min(end, n.ends.length) - 1]);
}
