/**
 * A page's visible text as one string, with a map back to the pieces it came from (the DOM's text
 * nodes, or the text runs of an HTML file). Pieces of one block run together ("§ 19.30" in one
 * element and "(a)(3)" in the next read as "§ 19.30(a)(3)"); a block boundary becomes a line
 * break, which no name crosses. Whitespace inside a piece becomes a space of the same length, so
 * every offset maps back one to one.
 */
export interface TextPiece {
  text: string;
  /** A block boundary (paragraph, heading, list item, line break) comes before this piece. */
  block?: boolean;
}

export interface VisibleText {
  text: string;
  /** Offset of each piece in `text`. */
  starts: number[];
  lengths: number[];
}

export function joinPieces(pieces: readonly TextPiece[]): VisibleText {
  const parts: string[] = [];
  const starts: number[] = [];
  const lengths: number[] = [];
  let at = 0;
  let lastNewline = true;
  for (const p of pieces) {
    if (p.block && !lastNewline) {
      parts.push('\n');
      at++;
      lastNewline = true;
    }
    const t = p.text.replace(/[\t\n\r\f\v]/g, ' ');
    starts.push(at);
    lengths.push(t.length);
    parts.push(t);
    at += t.length;
    if (t.length) lastNewline = false;
  }
  return { text: parts.join(''), starts, lengths };
}

/** The piece and offset in it for a text offset (a boundary offset belongs to the piece that starts there; `end` = the piece that ends there). */
export function locate(vt: VisibleText, offset: number, end = false): { piece: number; offset: number } | undefined {
  let lo = 0;
  let hi = vt.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const s = vt.starts[mid]!;
    const e = s + vt.lengths[mid]!;
    if (end ? offset <= s : offset < s) hi = mid - 1;
    else if (end ? offset > e : offset >= e) lo = mid + 1;
    else return { piece: mid, offset: offset - s };
  }
  return undefined;
}
