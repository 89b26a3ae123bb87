/**
 * The lookup engine's contract: what the extension, the CLI and the tests rely on.
 * Everything here is plain serializable data ("not found" is a result, not an error).
 */
import type { EntryKind } from '../schema/pack';

/** How sure the engine is that a hit governs what the reader selected; the UI shows it. */
export type ResultConfidence = 'high' | 'medium' | 'low';

/** Which field of an entry matched, and which words of the query matched it. */
export interface MatchedField {
  field: 'id' | 'title' | 'citation' | 'alias' | 'summary' | 'point' | 'exception' | 'keyword';
  /** Words or phrases of the query (as the reader wrote them) that matched this field. */
  terms: string[];
  /** Index into entry.points / entry.exceptions when field is 'point' / 'exception'. */
  index?: number;
}

export interface LookupHit {
  id: string;
  title: string;
  citation?: string;
  kind: EntryKind;
  /** Higher is better; comparable within one lookup only. */
  score: number;
  confidence: ResultConfidence;
  /** How the hit was found. */
  via: 'citation' | 'exact' | 'fuzzy' | 'passage';
  matched: MatchedField[];
  /** Subsection the query named, for pinpoint citations: "(a)(3)". */
  pinpoint?: string;
  /** With `explain`: the signals the label was decided from (for `lens lookup --explain` and tuning). */
  signals?: HitSignals;
}

export interface HitSignals {
  /** Share of the selection's (key) terms' IDF this entry matches. */
  coverage: number;
  /** Passages: the same share counting words the pack has never seen. */
  coverageAll: number;
  /** Text score relative to the best text score. */
  relative: number;
  /** Final score relative to the next candidate's (≥ 1 for the first answer). */
  margin: number;
  /** The selection is wholly this entry's title, alias or keyword / names it inside a passage / cites it. */
  whole: boolean;
  named: boolean;
  cited: boolean;
  /** Multiplier from the page context (1 = none). */
  context: number;
}

/** A citation the reader selected that no entry of the pack carries ("§ 19.99"). */
export interface UnknownCitation {
  /** The citation as written in the query. */
  text: string;
  /** Plain words for the card: "§ 19.99: no such section in this pack". */
  message: string;
}

export interface LookupResult {
  query: string;
  mode: 'empty' | 'citation' | 'term' | 'passage';
  /** Answers the card presents as answers: confident ones only, best first. Empty = "nothing in this pack". */
  results: LookupHit[];
  /** Weaker candidates the card may list under "other results" / "possible matches". */
  others: LookupHit[];
  /**
   * What the card headlines: an answer (results), possible matches (no answer, but the best
   * other candidate clears the Possible bar: read before you cite), or "Nothing in this pack
   * covers this" (no candidate passes).
   */
  headline?: 'answer' | 'possible' | 'nothing';
  unknownCitations: UnknownCitation[];
  /** True when the query was longer than the engine reads and was cut. */
  truncated: boolean;
}

/**
 * What the page around a selection says, for one lookup only: the card sends it, the engine reads
 * it to decide what a short or referring selection means ("the ordinance") and whose law it is.
 * Never stored, never in history.
 */
export interface PageContext {
  /** Text of the enclosing block and its neighbours (the engine reads at most 2,000 characters). */
  text?: string;
  /** The page's title. */
  title?: string;
  /** The page's address (only its host and path words are read). */
  url?: string;
}

export interface LookupOptions {
  /** Maximum number of results (default 5). */
  limit?: number;
  /** The page around the selection, when the lookup comes from a page. */
  context?: PageContext;
  /** Attach each hit's ranking signals (`signals`). */
  explain?: boolean;
  /**
   * Search only these packs: their positions in the sizes given to `setPackSizes`
   * (core/search/pack-groups.ts). Absent: every pack.
   */
  packs?: readonly number[];
  /**
   * Build each hit's `matched` words (default true). False leaves `matched` with the citation
   * alone: the claim check reads only ids, scores and `via`, and reading every hit's fields back
   * was a tenth of a paragraph's check.
   */
  matched?: boolean;
}
