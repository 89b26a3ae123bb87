/**
 * Every weight and threshold of the lookup's ranking, in one place. The stages that use each
 * group are named beside it (core/search/stages/). Figures were set on the tune split of the
 * real-page set and the 81 tuning queries (docs/decisions/0004-real-text-evaluation.md); the
 * test split is only measured.
 */
export const RANKING = {
  query: {
    /** Characters of a selection the engine reads; the rest is cut (`truncated`). */
    maxChars: 20000,
    /** Tokens read from a selection. */
    maxTokens: 4000,
    /** More content words than this (outside citations) make the selection a passage. */
    passageWords: 6,
  },
  terms: {
    /** Passages score at most this many of their strongest terms. */
    passageTerms: 32,
    /** Key terms of a passage: the strongest N decide coverage. */
    keyTerms: 12,
    /**
     * A word the pack has never seen counts in a passage's coverage at this share of the
     * highest IDF: names of people and places outside the pack are common in real prose and
     * should not drown what the sentence names, but a sentence mostly about other things must
     * still fall short.
     */
    unknownWordWeight: 0.6,
  },
  citations: {
    /** Score of an entry whose own citation, title or alias carries the key; mentions in text score less. */
    primary: 100,
    secondary: 40,
    /** Per level of specificity of the key matched (section 2, subsection 3 …). */
    perLevel: 2,
    /** The key is the entry's exact citation. */
    exact: 3,
    /** Added to a citation hit's final score so citation answers rank above word matches. */
    rankBoost: 100,
  },
  phrases: {
    /** × the best text score, for a selection that is wholly an entry's title / alias / title prefix / keyword. */
    title: 1.2,
    alias: 1,
    titlePrefix: 0.8,
    keyword: 0.5,
    /** Extra for a glossary term (a reader who selects a word wants its definition first). */
    termEntry: 0.2,
    /** Extra when the selection matches word for word, stop words included. */
    exactWording: 1,
    /** Whole-selection phrase: × the phrase's IDF, added (titles/aliases/keywords vs title prefixes). */
    wholeIdf: 1.5,
    wholePrefixIdf: 0.5,
    /** A title, alias or keyword inside a longer selection: × its IDF. */
    partIdf: 0.6,
    /** … and for a passage, a multi-word title or alias found inside it: × its IDF (it names the entry). */
    passageNameIdf: 1.2,
    /** A title or alias in quotation marks inside a sentence: its IDF counts this many times. */
    quotedNameBoost: 2,
  },
  context: {
    /** Characters of page context read (the enclosing block and neighbours). */
    maxChars: 2000,
    /** Words of the context found in more entries than this are not read (stages/context.ts). */
    maxEntriesPerWord: 4000,
    /** An entry the context is about gains up to this share of its score. */
    agreement: 0.35,
    /** A short selection: context only breaks near-ties. */
    shortAgreement: 0.15,
    /** A short, referring selection ("the ordinance") leans on context more. */
    referringAgreement: 1.2,
    /** The surrounding text "is about" an entry at this share of its best entry's score. */
    agreesAt: 0.8,
    /** Entries of another city than the page's: × this. */
    otherCity: 0.55,
    /** The page's city needs this many more mentions than any other to be "the page's city". */
    cityMargin: 1,
    /** Entries that began more than a month after the page was written (its address dates it): × this. */
    laterThanPage: 0.5,
    /** The selection's own words about which version of a law it means (stages/version-cues.ts). */
    version: {
      /** "updated", "amended", "strengthened": amendment entries × this. */
      amendedCue: 1.25,
      /** "first enacted", "originally": amendment entries × this. */
      originalCue: 0.8,
    },
  },
  passage: {
    /** Glossary terms weigh this much among the answers to a sentence (the governing law first). */
    termEntry: 0.8,
    /** … and dated events (a sentence naming a person or an event is usually a claim about a rule). */
    eventEntry: 1,
    /** A passage that names an entry (title or alias inside it) counts as covering it at least this much. */
    namedCoverageFloor: 0.5,
    /** Passage scores scale by (coverageBase + coverage of the key terms). */
    coverageBase: 1,
  },
  related: {
    /** Related entries of a confident first answer get this share of its text score. */
    share: 0.15,
    /** … and pass as answers when their own text score is this share of the best. */
    minTextShare: 0.25,
  },
  rate: {
    /** Short selections (terms, phrases, citations written as words). */
    short: {
      /** The first answer is Strong only this far ahead of the next candidate (final score ratio). */
      strongMargin: 1.15,
      /** Share of the query's IDF a Likely answer covers (a word the pack has never seen raises the bar), and a Possible one. */
      likelyCoverage: 0.6,
      likelyCoverageWithUnknown: 0.75,
      possibleCoverage: 0.5,
      /** Text score relative to the best, for any label. */
      minRel: 0.35,
    },
    /** Sentences and passages: coverage counts words the pack has never seen (see `terms`). */
    passage: {
      strongMargin: 1.6,
      /** A passage that names the entry (its title or alias inside) needs this much coverage. */
      namedCoverage: 0.3,
      strongCoverage: 0.5,
      /** A citation found inside a passage makes a Strong answer only with this much coverage. */
      citedStrongCoverage: 0.4,
      likelyCoverage: 0.4,
      /** … when the text around the selection is about the same entry. */
      likelyCoverageInContext: 0.25,
      possibleCoverage: 0.3,
      minRel: 0.45,
    },
  },
  answers: {
    /** Shown answers score at least this share of the best. */
    minShareOfBest: 0.3,
  },
} as const;
