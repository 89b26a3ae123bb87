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

export function normalize(input: string): Normalized {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
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
  // oxlint-disable-next-line no-control-regex -- control characters are what this strips
  if (/^[\x00-\x7f]*$/.test(input)) return input.toLowerCase();
  return normalize(input).text;
}

/** The original substring for the normalized span [start, end). */
export function originalSpan(src: string, n: Normalized, start: number, end: number): string {
  if (end <= start || start >= n.starts.length) return '';
  return src.slice(n.starts[start], n.ends[Math.min(end, n.ends.length) - 1]);
}
