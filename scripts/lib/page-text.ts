/** A page file's visible text for the scanner: .html/.htm through core/scan/html-text, anything else as plain text. */
import { readFileSync } from 'node:fs';
import { htmlText } from '../../core/scan/html-text';
import { joinPieces } from '../../core/scan/visible-text';

export function readPageText(file: string): { text: string; title?: string } {
  const raw = readFileSync(file, 'utf8');
  if (!/\.x?html?$/i.test(file)) return { text: raw };
  const h = htmlText(raw);
  return { text: joinPieces(h.pieces).text, ...(h.title ? { title: h.title } : {}) };
}
