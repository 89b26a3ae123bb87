/**
 * What the background sends every surface (card, popup, side panel, settings) and the CLI prints:
 * plain serializable views built in lib/ from core data. They live in core/ because every layer
 * above reads them (docs/decisions/0007-layers.md).
 */
import type { CitationStyleName } from '../format/citation';
import type { Entry, EntryKind, Pack, Status } from '../schema/pack';
import type { LookupResult } from '../search/types';
import { RANKING } from '../search/ranking';
import type { ClaimResult } from '../claims/index';
import type { PackTimelineItem, UndatedEntry } from '../timeline/pack';
import type { Suggestion } from '../typeahead/index';

/** Characters of a selection sent to the engine: the engine reads no more (RANKING.query.maxChars). */
export const MAX_SELECTION_CHARS = RANKING.query.maxChars;

/** A link from one entry to another, with why it is shown ("Governing law", "Chapter" …; core/view/words.ts). */
export interface RelatedLink {
  id: string;
  title: string;
  citation?: string;
  kind: EntryKind;
  status: Status;
  /** Plain words for the relation, from the reader's point of view. */
  relation: string;
}

/** Everything a card or a detail view shows about one entry. */
export interface EntryView {
  entry: Entry;
  packId: string;
  packTitle: string;
  /** The pack's "current as of" date (YYYY-MM-DD). */
  asOf: string;
  related: RelatedLink[];
  /** From a pack the reader imported (not curated by Ordinance Lens): the UI names the pack. */
  imported?: true;
}

/** A pack as lists show it (settings page, import messages). */
export interface PackSummary {
  id: string;
  title: string;
  version: string;
  asOf: string;
  entries: number;
}

/** A pack the background searches. */
export interface PackInfo extends PackSummary {
  /** Imported by the reader (false: bundled with the extension). */
  imported: boolean;
  /** Entries left out of the index because a bundled pack already uses their id. */
  hidden: number;
}

export function summarize(pack: Pick<Pack, 'id' | 'title' | 'version' | 'asOf' | 'entries'>): PackSummary {
  return { id: pack.id, title: pack.title, version: pack.version, asOf: pack.asOf, entries: pack.entries.length };
}

/** The answer to a lookup: the engine's result plus the entries the card shows in full. */
export interface LookupView {
  result: LookupResult;
  /** Full views of `result.results` (confident answers), keyed by entry id. */
  views: Record<string, EntryView>;
  /** The reader's citation style, so the card's copy button needs no storage access. */
  citationStyle: CitationStyleName;
  /** Milliseconds the background spent (index + lookup), for the bench. */
  tookMs: number;
  /** As-you-type (a short query asked with `typeahead`): entries the typed letters match by title, alias or citation. */
  suggestions?: Suggestion[];
  /** Hits and suggestions from imported packs: entry id → that pack's title (absent when all are bundled). */
  packOf?: Record<string, string>;
  /** The engine failed on this lookup and the answer is an empty stand-in (see lib/lookup-service.ts). */
  degraded?: true;
  /** How many packs are searched (the popup's "Search in" lists them again when this changes). */
  packCount?: number;
  /** The pack asked for ("Search in") is no longer there: every pack was searched. */
  packGone?: true;
}

/** What the UI shows about the entry beside a claim. */
export interface ClaimEntryInfo {
  title: string;
  cite: string;
  kind: EntryKind;
  status: Status;
  /** The imported pack the entry comes from (not our curated data), as a lookup names it. */
  pack?: string;
}

export interface ClaimCheckView {
  clauses: (ClaimResult & { source?: { publisher: string; url: string } })[];
  entries: Record<string, ClaimEntryInfo>;
  truncated: boolean;
  asOf: string;
  memo: { markdown: string; plain: string };
}

export interface PackTimelineView {
  items: PackTimelineItem[];
  undated: UndatedEntry[];
  jurisdictions: string[];
  kinds: EntryKind[];
  /** Entries with a before/after view. */
  beforeAfter: { id: string; title: string }[];
  asOf: string;
  memo: { markdown: string; plain: string };
  /**
   * Large packs (a whole imported code) whose history is not in this timeline: tens of thousands
   * of dated facts, read from every section; each section's card shows its own history.
   */
  notCovered?: { title: string; entries: number }[];
}
