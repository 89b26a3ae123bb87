/**
 * Stage 5, phrases: titles, aliases and keywords that the selection is, or contains. A selection
 * that is exactly an entry's title or alias outranks entries that only mention its words; a
 * title or alias found inside a longer selection names that entry.
 */
import { EXACT_MAX_TOKENS, findKey, PHRASE, type SearchIndex } from '../build';
import { RANKING } from '../ranking';
import { KIND_CLASS, kindClasses } from './kinds';
import type { ParsedQuery } from './parse';
import type { ExpandedTerms } from './terms';

/** One packed phrase posting (index.phraseData): entry × 8 + 4 when worded exactly + kind. */
export interface PhrasePosting {
  entry: number;
  kind: (typeof PHRASE)[keyof typeof PHRASE];
  /** The field is worded exactly so, stop words included. */
  exact: boolean;
}

export function decodePhrase(v: number): PhrasePosting {
  return { entry: v >>> 3, kind: (v & 3) as PhrasePosting['kind'], exact: (v & 4) !== 0 };
}

/** Marks kept in scratch.pw per entry. */
export const PHRASE_MARK = { whole: 1, named: 2, wholeName: 4 } as const;

export interface PhraseOutcome {
  /** Entries that received a phrase bonus (scratch.pb / scratch.pw hold it until applied). */
  entries: number[];
  /** Entries titled (2) or aliased (1) word for word as the selection. */
  wordForWord: Map<number, number>;
}

const RANK_OF_KIND: Record<number, number> = {
  [PHRASE.title]: RANKING.phrases.title,
  [PHRASE.alias]: RANKING.phrases.alias,
  [PHRASE.titlePrefix]: RANKING.phrases.titlePrefix,
  [PHRASE.keyword]: RANKING.phrases.keyword,
};

interface BonusArgs {
  whole: boolean;
  passage: boolean;
  /** Sum of the phrase's terms' IDF. */
  idf: number;
  /** Number of words in the phrase. */
  len: number;
  topText: number;
  kinds: Uint8Array;
  exactQuery: boolean;
  /** Product of the variant factors the phrase was reached through (1 for the words as written). */
  factor?: number;
}

/** Applies the bonus of phrase key `ki` to the entries carrying it, keeping each entry's highest. */
function phraseBonus(index: SearchIndex, ki: number, a: BonusArgs, out: number[]): void {
  const P = RANKING.phrases;
  const { pb, pw } = index.scratch;
  for (let x = index.phraseStart[ki]!; x < index.phraseStart[ki + 1]!; x++) {
    const p = decodePhrase(index.phraseData[x]!);
    if (p.kind === PHRASE.titlePrefix && (!a.whole || a.passage)) continue;
    let bonus: number;
    if (a.whole) {
      const exact = a.exactQuery && p.exact ? P.exactWording : 0;
      bonus = (RANK_OF_KIND[p.kind]! + exact + (a.kinds[p.entry] === KIND_CLASS.term ? P.termEntry : 0)) * a.topText + a.idf * (p.kind ? P.wholeIdf : P.wholePrefixIdf);
    } else {
      // Inside a longer selection: a multi-word title or alias of a passage names the entry.
      const names = a.passage && a.len >= 2 && (p.kind === PHRASE.title || p.kind === PHRASE.alias);
      bonus = a.idf * (names ? P.passageNameIdf : P.partIdf);
      if (names) pw[p.entry]! |= PHRASE_MARK.named;
    }
    bonus *= a.factor ?? 1;
    if (pb[p.entry] === 0 && !(pw[p.entry]! & PHRASE_MARK.whole)) out.push(p.entry);
    if (bonus > pb[p.entry]!) pb[p.entry] = bonus;
    if (a.whole) pw[p.entry]! |= PHRASE_MARK.whole | (p.kind === PHRASE.title || p.kind === PHRASE.alias ? PHRASE_MARK.wholeName : 0);
  }
}

export function matchPhrases(index: SearchIndex, q: ParsedQuery, terms: ExpandedTerms, topText: number): PhraseOutcome {
  const kinds = kindClasses(index);
  const seq = terms.sequence;
  const out: number[] = [];
  const pk = index.phraseKeys;
  const extendsKey = (key: string) => {
    const probe = key + ' ';
    let i = findKey(pk, probe);
    if (i < 0) i = -i - 1;
    return i < pk.length && pk.at(i)!.startsWith(probe);
  };
  for (let i = 0; i < seq.length; i++) {
    // Each key carries the product of its words' variant factors: a phrase reached through a
    // misspelling's closer candidate ("detainr" → detainer 0.85) beats one through a looser one
    // (→ detain 0.8).
    let keys: { key: string; factor: number }[] = [{ key: '', factor: 1 }];
    for (let len = 1; len <= index.maxPhraseLen && i + len <= seq.length && keys.length; len++) {
      const qt = seq[i + len - 1]!;
      const opts = qt.variants.length ? qt.variants : [{ term: qt.term, factor: 1 }];
      keys = keys.flatMap((k) => opts.map((o) => ({ key: k.key ? k.key + ' ' + o.term : o.term, factor: k.factor * o.factor }))).slice(0, 8);
      if (!(len === 1 && q.passage)) {
        let pIdf = 0;
        for (let j = i; j < i + len; j++) pIdf += seq[j]!.idf;
        const whole = len === seq.length;
        for (const { key, factor } of keys) {
          const ki = findKey(pk, key);
          if (ki >= 0) phraseBonus(index, ki, { whole, passage: q.passage, idf: pIdf, len, topText, kinds, exactQuery: whole && q.plain, factor }, out);
        }
      }
      keys = keys.filter((k) => extendsKey(k.key));
    }
  }
  // A sentence that puts a title or alias in quotation marks ("…to declare themselves a
  // "welcoming city"…") names that entry as surely as a selection of the words alone.
  if (q.passage) {
    for (const span of quotedSpans(q, terms)) {
      const key = span.map((qt) => (qt.variants[0]?.term ?? qt.term)).join(' ');
      const ki = findKey(pk, key);
      if (ki < 0) continue;
      const pIdf = span.reduce((s2, qt) => s2 + qt.idf, 0);
      phraseBonus(index, ki, { whole: false, passage: true, idf: pIdf * RANKING.phrases.quotedNameBoost, len: Math.max(2, span.length), topText, kinds, exactQuery: false }, out);
    }
  }
  // The selection word for word, when it has stop words or a citation ("One Minneapolis",
  // "287(g) agreement"), against titles, aliases and keywords worded exactly so.
  const wordForWord = new Map<number, number>();
  if (!q.passage && !q.plain && seq.length && q.tokens.length <= EXACT_MAX_TOKENS) {
    const wording = q.tokens.map((t) => t.term).join(' ');
    let ki = findKey(pk, '=' + wording);
    // A title with no stop words is stored without "=": a citation in it ("287(g) agreement")
    // is what kept the query from matching it as plain words.
    if (ki < 0 && q.cites.length) ki = findKey(pk, wording);
    if (ki >= 0) {
      phraseBonus(index, ki, { whole: true, passage: false, idf: seq.reduce((s, qt) => s + qt.idf, 0), len: seq.length, topText, kinds, exactQuery: true }, out);
      for (let x = index.phraseStart[ki]!; x < index.phraseStart[ki + 1]!; x++) {
        const p = decodePhrase(index.phraseData[x]!);
        if (p.kind === PHRASE.title || p.kind === PHRASE.alias) wordForWord.set(p.entry, Math.max(wordForWord.get(p.entry) ?? 0, p.kind === PHRASE.title ? 2 : 1));
      }
    }
  }
  return { entries: out, wordForWord };
}

/** Query terms of each short quoted span ("…", at most 6 content words) in the selection. */
function quotedSpans(q: ParsedQuery, terms: ExpandedTerms): ExpandedTerms['sequence'][] {
  const byTerm = new Map(terms.all.map((t) => [t.term, t]));
  const spans: ExpandedTerms['sequence'][] = [];
  const re = /"([^"]{2,80})"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(q.text))) {
    const start = m.index + 1;
    const end = start + m[1]!.length;
    const inside = q.words.filter((t) => t.start >= start && t.end <= end);
    if (inside.length && inside.length <= 6) spans.push(inside.map((t) => byTerm.get(t.term)!).filter(Boolean));
  }
  return spans;
}
