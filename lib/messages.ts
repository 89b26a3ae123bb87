/**
 * The extension's message protocol: one map, one line per message, plain serializable payloads.
 *
 * - `BackgroundProtocol`: what pages (popup, side panel, options) and the in-page card ask the
 *   background, which owns the index (`browser.runtime.sendMessage`).
 * - `CardProtocol`: what the background tells the in-page card (`browser.tabs.sendMessage`).
 *
 * Every message is `{ type, ...payload }`; every answer is plain data. "Nothing found" is a
 * result, never an error. The background never trusts a payload's size: text is capped.
 */
import type { Entry, EntryKind, Status } from '../core/schema/pack';
import type { LookupHit, LookupResult, PageContext } from '../core/search/types';
import { browser } from 'wxt/browser';
import type { CitationStyle } from './storage/settings';
import type { ClaimCheckView, PackTimelineView } from './claims-service';
import type { BeforeAfterView } from '../core/timeline/before-after';

/** Characters of a selection sent to the engine (the engine cuts at the same bound). */
export const MAX_SELECTION_CHARS = 20_000;
/** Characters of the selection the card echoes back to the reader. */
export const MAX_ECHO_CHARS = 160;

/** A link from one entry to another, with why it is shown ("Governing law", "Chapter" …). */
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

/** A pack the background searches (settings page list). */
export interface PackInfo {
  id: string;
  title: string;
  version: string;
  asOf: string;
  entries: number;
  /** Imported by the reader (false: bundled with the extension). */
  imported: boolean;
  /** Entries left out of the index because a bundled pack already uses their id. */
  hidden: number;
}

/** The answer to a lookup: the engine's result plus the entries the card shows in full. */
export interface LookupView {
  result: LookupResult;
  /** Full views of `result.results` (confident answers), keyed by entry id. */
  views: Record<string, EntryView>;
  /** The reader's citation style, so the card's copy button needs no storage access. */
  citationStyle: CitationStyle;
  /** Milliseconds the background spent (index + lookup), for the bench. */
  tookMs: number;
  /** Hits from imported packs: entry id → that pack's title (absent when every hit is bundled). */
  packOf?: Record<string, string>;
  /** The engine failed on this lookup and the answer is an empty stand-in (see lib/lookup-service.ts). */
  degraded?: true;
}

/** Where a lookup came from (only for history and diagnostics). */
export type LookupSource = 'card' | 'popup' | 'sidepanel' | 'passage';

/** A lookup the background handed to the side panel because no card could be shown. */
export interface PendingLookup {
  text: string;
  at: number;
  /** Why the card was not used: "pdf", "restricted", "injection-failed", "card-off" … */
  reason: string;
}

export interface BackgroundProtocol {
  /** Look `text` up in the bundled and imported packs. `record` adds it to the reader's local history. */
  lookup: { req: { text: string; source: LookupSource; record?: boolean; limit?: number; context?: PageContext }; res: LookupView };
  /** One entry in full, for a detail view (null if no such id). */
  entry: { req: { id: string }; res: EntryView | null };
  /** The side panel asks for the lookup handed to it in the last minute, if any. */
  takePending: { req: Record<string, never>; res: PendingLookup | null };
  /** The packs searched: bundled, then imported; and every entry id the bundled packs use (import refuses them). */
  packs: { req: Record<string, never>; res: { packs: PackInfo[]; bundledEntryIds: string[] } };
  /** The page blocked the card's copy: open the same lookup in the side panel, whose copy works. */
  panelForCopy: { req: { text: string }; res: { opened: boolean } };
  /** Claim check of a sentence or passage: each claim beside the point that speaks to it (lib/claims-service.ts). */
  check: { req: { text: string }; res: ClaimCheckView };
  /** The pack-wide timeline, filtered (dates are YYYY, YYYY-MM or YYYY-MM-DD). */
  timeline: { req: { since?: string; until?: string; jurisdictions?: string[]; kinds?: EntryKind[] }; res: PackTimelineView };
  /** The earlier rule beside the later one for an amended entry (null: none in the pack). */
  beforeAfter: { req: { id: string }; res: BeforeAfterView | null };
  /** A large pack was imported or removed (IndexedDB has no change events): reload the packs, build and keep their index; answers when ready. */
  packsChanged: { req: Record<string, never>; res: { entries: number } };
  /** Empties the history, in the background's queue of history writes (so a lookup being recorded cannot bring it back). */
  clearHistory: { req: Record<string, never>; res: { ok: boolean; message?: string } };
  /** Adds a query to the local history (respects the history setting). */
  recordHistory: { req: { query: string; topId?: string; topTitle?: string }; res: { ok: boolean } };
}

export interface CardProtocol {
  /**
   * Show a card for `view` beside the current selection. When `view` is absent the card reads
   * the page's selection itself (keyboard shortcut) and asks the background with `lookup`.
   * `t0` is the background's clock at the request, for the bench.
   */
  'card:show': { req: { view?: LookupView; text?: string; t0?: number }; res: { shown: boolean; reason?: string; paintedAt?: number } };
  /** Is the card script alive in this frame? (a re-injection guard) */
  'card:ping': { req: Record<string, never>; res: { alive: true } };
}

export type BackgroundMessage = { [K in keyof BackgroundProtocol]: { type: K } & BackgroundProtocol[K]['req'] }[keyof BackgroundProtocol];
export type CardMessage = { [K in keyof CardProtocol]: { type: K } & CardProtocol[K]['req'] }[keyof CardProtocol];

/** Ask the background; typed by message name. */
export async function askBackground<K extends keyof BackgroundProtocol>(
  type: K,
  req: BackgroundProtocol[K]['req'],
): Promise<BackgroundProtocol[K]['res']> {
  return (await browser.runtime.sendMessage({ type, ...req })) as BackgroundProtocol[K]['res'];
}

/** A hit without a full view, for "other results" lists. */
export type HitSummary = Pick<LookupHit, 'id' | 'title' | 'citation' | 'kind' | 'confidence' | 'pinpoint'>;

/** True when `x` looks like a message of the background protocol (a cheap guard before dispatch). */
export function isBackgroundMessage(x: unknown): x is BackgroundMessage {
  return typeof x === 'object' && x !== null && typeof (x as { type?: unknown }).type === 'string';
}
