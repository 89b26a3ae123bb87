/**
 * Splits a selection into the claims it makes: sentences first, then clauses joined by
 * semicolons, "but", "while", "whereas", or "and" when what follows "and" is a new clause (it has
 * its own verb), not the next item of a list ("the FBI or ATF", "drug trafficking, human
 * trafficking and gang prosecutions" stay whole). "except" and "unless" never split: they belong
 * to the rule they qualify, and modality.ts reads them there.
 *
 * Offsets are into the original text, so the UI can point at the words the reader selected.
 */
export interface Clause {
  text: string;
  start: number;
  end: number;
}

/** Words that end a sentence with a period but do not end a sentence ("U.S.", "Dec.", "Minn."). */
const ABBREVIATIONS = new Set(
  'u.s u.s.c c.f.r dr mr mrs ms st no nos sec secs vs v jan feb mar apr jun jul aug sep sept oct nov dec minn stat subd inc co corp e.g i.e etc gov rep sen ave approx art ch para'.split(' '),
);

/** Verbs that start a new clause after "and" when the subject is shared ("bars X and restricts Y"). */
const CLAUSE_VERBS = new Set(
  ('is are was were has have had does do did will would can cannot could may might must shall should ' +
    'bars prohibits requires allows permits restricts limits adds expands prevents declares says sets covers bans forbids keeps makes ' +
    'states provides gives directs tells asks applies authorizes refuses stops remains remain became becomes took takes opened issued ' +
    'signed adopted approved passed voted sued filed granted denied reversed ruled found noted said announced launched urged bars ' +
    'barred prohibited required allowed permitted restricted limited added expanded prevented declared ordered removed stopped')
    .split(' '),
);
/** Verbs of a rule's purpose after "and to" ("to prohibit … and to limit …"). */
const PURPOSE_VERBS = new Set('bar ban prohibit forbid limit restrict prevent stop require allow permit ensure protect provide create establish add expand keep make set end block'.split(' '));
const SUBJECT_WORDS = new Set('it they he she we i you this that these those officers police city mpd ice officials the a an council staff employees residents agents'.split(' '));

const MIN_WORDS = 4;
/** Words before a colon for it to end a claim (shorter: a heading or a label, "The decision:"). */
const COLON_MIN_WORDS = 8;

function words(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? [];
}

/** Sentence spans: a period, "!" or "?" followed by space and a capital, a quote or a digit. */
export function sentenceSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  const re = /[.!?]["'”’)\]]*(?:\s*\[\d+\])*\s+(?=["“'‘(]?[\p{Lu}\d])/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    // Only the last word matters: read the few characters before the stop, not the whole
    // sentence so far (an end-anchored regex over it made long texts quadratic).
    const before = text.slice(Math.max(start, m.index - WORD_REACH), m.index);
    const lastWord = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase().replace(/\.$/, '');
    // "U.S." ends with its own period; "Dec. 11" and single initials ("Gregory A. Smith") do not end a sentence.
    if (text[m.index] === '.' && lastWord && (ABBREVIATIONS.has(lastWord) || /^\p{L}$/u.test(lastWord) || /^(\p{L}\.)+\p{L}$/u.test(lastWord))) continue;
    const end = m.index + 1;
    spans.push([start, end]);
    start = m.index + m[0].length;
  }
  if (start < text.length) spans.push([start, text.length]);
  // Text without capitals after its periods (pasted lists, lower-case notes): a very long "sentence" is cut at its stops.
  return spans.flatMap(([a, b]) => {
    if (b - a <= LONG_SENTENCE) return [[a, b] as [number, number]];
    const out: [number, number][] = [];
    const stop = /[.!?;]\s+/g;
    stop.lastIndex = a;
    let from = a;
    let m: RegExpExecArray | null;
    while ((m = stop.exec(text)) && m.index < b) {
      out.push([from, m.index + 1]);
      from = m.index + m[0].length;
    }
    if (from < b) out.push([from, b]);
    return out;
  });
}
const LONG_SENTENCE = 600;
/** Characters before a stop read for its last word (abbreviations and initials are shorter). */
const WORD_REACH = 40;

/** Is the text after a joining "and" a clause of its own (a verb near its start)? */
function startsClause(after: string, reach = 4): boolean {
  const w = words(after).slice(0, reach);
  if (!w.length) return false;
  // "restaurants and bars in the District", "fees and permits for events": a plural noun, not a verb.
  if (NOUN_VERBS.has(w[0]!) && PREPOSITIONS.has(w[1] ?? '')) return false;
  if (CLAUSE_VERBS.has(w[0]!)) return true;
  // "bars X from entering agreements and from using resources …": a second thing barred is a claim of its own.
  if (w[0] === 'from' && (w[1] ?? '').endsWith('ing')) return true;
  // "to prohibit staging … and to limit access …": a second thing the rule is for.
  if (w[0] === 'to' && PURPOSE_VERBS.has(w[1] ?? '')) return true;
  // "and officials must …", "and a federal judge issued …": a short subject, then a verb.
  if (SUBJECT_WORDS.has(w[0]!)) return w.slice(1).some((x) => CLAUSE_VERBS.has(x));
  return false;
}

/** "with" + a short subject + a participle ("with city officials disputing …"), not "with the exception of …". */
function withClause(after: string): boolean {
  const w = words(after).slice(1, 6);
  const at = w.findIndex((x, i) => i > 0 && x.length > 4 && x.endsWith('ing') && !NOT_PARTICIPLES.has(x));
  return at > 0 && !w.slice(0, at).some((x) => PREPOSITIONS.has(x));
}
/** Clause verbs that are also plural nouns ("bars", "permits"): before a preposition they are the noun. */
const NOUN_VERBS = new Set('bars permits limits bans'.split(' '));
const PREPOSITIONS = new Set('of to for in on at by from about into over under'.split(' '));
const NOT_PARTICIPLES = new Set('including regarding concerning following during pending according nothing anything something everything morning evening building housing funding hearing meeting training spending ruling'.split(' '));

/** After a colon: a clause, or a sentence of its own ("…: Mayor Jacob Frey issued an order …"). */
function opensSentence(after: string): boolean {
  if (startsClause(after, 5)) return true;
  return /^["“]?\p{Lu}/u.test(after) && words(after).slice(1, 5).some((x) => CLAUSE_VERBS.has(x));
}

/** Splits one sentence at clause joints; pieces shorter than MIN_WORDS stay with their neighbour. */
function clauseSpans(text: string, from: number, to: number): [number, number][] {
  const s = text.slice(from, to);
  const cuts: { at: number; skip: number }[] = [];
  const joint = /\s*;\s*|,?\s+\b(but|while|whereas|although|though)\b,?\s+|,?\s+\band\b\s+|:\s+|,\s+(?=with\s)/giu;
  let m: RegExpExecArray | null;
  while ((m = joint.exec(s))) {
    const j = m[0].trim().replace(/^,\s*|,$/g, '').toLowerCase();
    if (j === 'and' && !startsClause(s.slice(m.index + m[0].length))) continue;
    // A colon mostly opens a list, a quote or the point of a heading ("The decision: …"); it joins
    // two claims when a sentence of its own comes before it and a clause follows it.
    // ", with officials disputing the account": a second claim in a participle clause with its own subject.
    if (j === '' && !withClause(s.slice(m.index + m[0].length))) continue;
    if (j === ':' && (words(s.slice(0, m.index)).length < COLON_MIN_WORDS || !opensSentence(s.slice(m.index + m[0].length)))) continue;
    // "while preserving …", "but not …": a participle or bare "not" after the joint is still a clause of the claim.
    cuts.push({ at: m.index, skip: m[0].length });
  }
  const spans: [number, number][] = [];
  let start = 0;
  for (const c of cuts) {
    const piece = s.slice(start, c.at);
    const rest = s.slice(c.at + c.skip);
    if (words(piece).length < MIN_WORDS || words(rest).length < MIN_WORDS) continue;
    spans.push([from + start, from + c.at]);
    start = c.at + c.skip;
  }
  spans.push([from + start, to]);
  return spans;
}

/** Trims spaces, bullets, footnote markers ("[1] [2]") and a leading "(4)" from a span. */
function trimSpan(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  const head = /^(?:\s|[•·\-–—*]|\(\d{1,2}\)|\[\d+\])+/u.exec(text.slice(s, e));
  if (head) s += head[0].length;
  const tail = /(?:\s|\[\d+\]|[,;:—–])+$/u.exec(text.slice(s, e));
  if (tail) e -= tail[0].length;
  return [s, Math.max(s, e)];
}

/**
 * Blocks of a selection: a selection across a page's elements carries a line break between its
 * headings, list items and paragraphs, and none of them ends a sentence with a stop ("City Seal",
 * "- Limited collaboration … remains allowed"). A break ends a block unless the next line starts
 * in lower case (a line wrapped inside a sentence, as in text pasted from a PDF).
 */
function blockSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  const re = /[ \t]*\r?\n\s*(?=[^\s\p{Ll}])/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m.index > start) spans.push([start, m.index]);
    start = m.index + m[0].length;
  }
  if (start < text.length) spans.push([start, text.length]);
  return spans;
}

/** The claims of a selection, in reading order. Text with no words gives no claims. */
export function splitClaims(text: string, maxClauses = 40): Clause[] {
  const out: Clause[] = [];
  const sentences = blockSpans(text).flatMap(([a, b]) => sentenceSpans(text.slice(a, b)).map(([s, e]) => [a + s, a + e] as [number, number]));
  for (const [a, b] of sentences) {
    for (const [c, d] of clauseSpans(text, a, b)) {
      const [s, e] = trimSpan(text, c, d);
      const piece = text.slice(s, e);
      if (!/[\p{L}]/u.test(piece)) continue;
      out.push({ text: piece, start: s, end: e });
      if (out.length >= maxClauses) return out;
    }
  }
  return out;
}
