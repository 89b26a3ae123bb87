/** Finds citations in normalized text using the pattern table; earlier rows win overlaps. */
import { CITATION_PATTERNS, type CitationPattern, type CitationParse } from './patterns';

export interface FoundCitation extends CitationParse {
  pattern: CitationPattern;
  /** Span in the normalized text. */
  start: number;
  end: number;
}

export function extractCitations(text: string, max = 50): FoundCitation[] {
  const found: FoundCitation[] = [];
  for (const pattern of CITATION_PATTERNS) {
    const re = pattern.regex;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) && found.length < max) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const lead = m[0].length - m[0].trimStart().length;
      const start = m.index + lead;
      const end = m.index + m[0].trimEnd().length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      found.push({ ...pattern.parse(m), pattern, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
