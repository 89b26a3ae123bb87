/**
 * Stage 1, parse: the selection as the engine reads it: normalized text (with its offset map),
 * tokens, the citations in it, and the content words outside citations. Bare numbers and
 * footnote markers ("[1] [2]", "15") are not words of the query: they match nothing.
 */
import { normalize, type Normalized } from '../../text/normalize';
import { tokenize, type Token } from '../../text/tokenize';
import { extractCitations, type FoundCitation } from '../../citations/extract';
import { RANKING } from '../ranking';
import type { LookupResult } from '../types';

export interface ParsedQuery {
  /** The selection as given (cut at RANKING.query.maxChars). */
  source: string;
  n: Normalized;
  /** Normalized text. */
  text: string;
  tokens: Token[];
  cites: FoundCitation[];
  /** Content words outside citations, in order. */
  words: Token[];
  /** More than RANKING.query.passageWords content words: a sentence or passage. */
  passage: boolean;
  /** No stop words or citation tokens: the content words are the whole wording. */
  plain: boolean;
  mode: LookupResult['mode'];
  truncated: boolean;
}

/** A number alone (a footnote marker, a count, a page number) says nothing about which law is meant. */
const isBareNumber = (t: Token) => /^\d+$/.test(t.surface);
/** Month names: with a year, a date. */
const MONTHS = new Set(['january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
const isDateWord = (t: Token) => MONTHS.has(t.surface);
/** Words of a dateline or byline around a date. */
const DATELINE_WORDS = new Set(['updated', 'update', 'checked', 'posted', 'published', 'modified', 'reviewed', 'accessed', 'retrieved', 'am', 'pm', 'et', 'ct', 'edt', 'cdt', 'est', 'cst', 'utc', 'gmt', 'today', 'yesterday']);
/** A North American telephone number: (612) 673-3000, 612-673-3000, and 1-8xx numbers spelled with letters (1-866-DHS-2-ICE). */
const PHONE = /(?:\b1[-. ]\d{3}[-. ](?=[0-9a-z-]*[a-z])[0-9a-z]{1,4}(?:-[0-9a-z]{1,4}){1,3}|(?:\(\d{3}\)\s?|\b\d{3}[-. ])\d{3}[-. ]\d{4})\b/g;
const isYear = (t: Token) => /^(?:19|20)\d\d$/.test(t.surface);

export function parseQuery(raw: string): ParsedQuery {
  const truncated = raw.length > RANKING.query.maxChars;
  const source = truncated ? raw.slice(0, RANKING.query.maxChars) : raw;
  const n = normalize(source);
  const text = n.text;
  const tokens = tokenize(text, RANKING.query.maxTokens);
  const cites = extractCitations(text, 20);
  const inCite = (t: Token) => cites.some((c) => t.start >= c.start && t.end <= c.end);
  // A money amount ("$19.30") is never a section number.
  const isAmount = (t: Token) => text[t.start - 1] === '$' && /^\d/.test(t.surface);
  // Nor is a telephone number, even spelled with letters ("1-866-DHS-2-ICE" names no agency's law).
  const phones = [...text.matchAll(PHONE)].map((m) => [m.index, m.index + m[0].length] as const);
  const inPhone = (t: Token) => phones.some(([a, b]) => t.start >= a && t.end <= b);
  let words = tokens.filter((t) => !t.stop && !inCite(t) && !(isBareNumber(t) && !isYear(t)) && !isAmount(t) && !inPhone(t));
  if (words.length <= RANKING.query.passageWords) {
    // A short selection that is only dates and dateline words ("Checked on January 18, 2026",
    // "May 26, 2003 // UPDATED 10:50 am") names no law. With a real word beside them, the date
    // stays: it picks the amendment ("December 2025 separation ordinance").
    const undated = words.filter((t) => !isDateWord(t) && !isYear(t));
    if (undated.every((t) => DATELINE_WORDS.has(t.surface))) words = [];
  }
  const passage = words.length > RANKING.query.passageWords;
  const mode: LookupResult['mode'] = cites.length && words.length <= 2 ? 'citation' : passage ? 'passage' : words.length || cites.length ? 'term' : 'empty';
  return { source, n, text, tokens, cites, words, passage, plain: words.length === tokens.length, mode, truncated };
}
