/**
 * Which path a query typed in the popup takes: a few words jump to entries as the reader types
 * (core/typeahead), a sentence or anything longer goes to the lookup engine only.
 */

/** More words than this is text to look up, not a name being typed. */
export const TYPEAHEAD_MAX_WORDS = 3;

/** Longer than any title a reader would type out (the longest bundled titles run ~90). */
const TYPEAHEAD_MAX_CHARS = 60;

export function isTypeaheadQuery(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > TYPEAHEAD_MAX_CHARS) return false;
  // A sentence: end punctuation followed by more text, or a full stop / question at the end of several words.
  if (/[.!?;]\s+\S/.test(t) || /\s\S+[.!?]$/.test(t)) return false;
  return t.split(/\s+/).length <= TYPEAHEAD_MAX_WORDS;
}
