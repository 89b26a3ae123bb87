/** Splits a field into plain and matched pieces, for rendering highlights as elements (never as HTML). */
import type { Range } from './typeahead';

export interface Segment {
  text: string;
  matched: boolean;
}

/** Ranges may overlap or be out of order or out of bounds; the pieces always join back to `text`. */
export function segments(text: string, ranges: readonly Range[] | undefined): Segment[] {
  if (!ranges?.length) return text ? [{ text, matched: false }] : [];
  const sorted = ranges
    .map(([s, e]) => [Math.max(0, s), Math.min(text.length, e)] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const out: Segment[] = [];
  let at = 0;
  for (const [s, e] of sorted) {
    if (e <= at) continue;
    const from = Math.max(s, at);
    if (from > at) out.push({ text: text.slice(at, from), matched: false });
    out.push({ text: text.slice(from, e), matched: true });
    at = e;
  }
  if (at < text.length) out.push({ text: text.slice(at), matched: false });
  return out;
}
