/**
 * The extension's message protocol: one map, one line per message, plain serializable payloads.
 *
 * - `BackgroundProtocol`: what pages (popup, side panel, options) and the in-page card ask the
 *   background, which owns the index (`browser.runtime.sendMessage`).
 * - `CardProtocol`: what the background tells the in-page card (`browser.tabs.sendMessage`).
 *
 * Every message is `{ type, ...payload }`; every answer is a `Reply` (lib/reply.ts): the plain
 * data, or the error that reaches the sender. "Nothing found" is a result, never an error. The background never trusts a payload's size: text is capped.
 */
import type { EntryKind, Pack } from '../core/schema/pack';
import type { PageContext } from '../core/search/types';
import type { ClaimCheckView, EntryView, LookupView, PackInfo, PackTimelineView } from '../core/view/types';
import { browser } from 'wxt/browser';
import type { BeforeAfterView } from '../core/timeline/before-after';
import { unwrapReply } from './reply';

export { MAX_SELECTION_CHARS, type EntryView, type LookupView, type PackInfo, type RelatedLink } from '../core/view/types';
/** Characters of the selection the card echoes back to the reader. */
export const MAX_ECHO_CHARS = 160;

/**
 * Where a lookup came from (only for history and diagnostics). 'claim-check': text pasted into the
 * popup's claim check ("passage" is the engine's word for a long selection, core/search).
 */
export type LookupSource = 'card' | 'popup' | 'sidepanel' | 'claim-check';

/** A lookup the background handed to the side panel because no card could be shown. */
export interface PendingLookup {
  text: string;
  at: number;
  /** Why the card was not used: "pdf", "restricted", "injection-failed", "card-off" … */
  reason: string;
  /** "Open full entry" on the card: show this entry's detail view rather than a search. */
  entryId?: string;
}

export interface BackgroundProtocol {
  /** Look `text` up in the bundled and imported packs. `record` adds it to the reader's local history. */
  lookup: { req: { text: string; source: LookupSource; record?: boolean; limit?: number; context?: PageContext; typeahead?: boolean; /** Only this pack (the popup's "Search in"). */ pack?: string }; res: LookupView };
  /** One entry in full, for a detail view (null if no such id). */
  entry: { req: { id: string }; res: EntryView | null };
  /** The side panel asks for the lookup handed to it in the last minute, if any. */
  takePending: { req: Record<string, never>; res: PendingLookup | null };
  /** The packs searched: bundled, then imported; and every entry id the bundled packs use (import refuses them). */
  packs: { req: Record<string, never>; res: { packs: PackInfo[]; bundledEntryIds: string[] } };
  /** The page blocked the card's copy: open the same lookup in the side panel, whose copy works. */
  panelForCopy: { req: { text: string }; res: { opened: boolean } };
  /** "Open full entry" on the card: the entry's detail view in the side panel / sidebar, else in a tab (lib/open-entry.ts). */
  openEntry: { req: { id: string }; res: { opened: 'panel' | 'tab' | 'none' } };
  /** Claim check of a sentence or passage: each claim beside the point that speaks to it (lib/claims-service.ts). */
  check: { req: { text: string }; res: ClaimCheckView };
  /** The pack-wide timeline, filtered (dates are YYYY, YYYY-MM or YYYY-MM-DD). */
  timeline: { req: { since?: string; until?: string; jurisdictions?: string[]; kinds?: EntryKind[] }; res: PackTimelineView };
  /** The earlier rule beside the later one for an amended entry (null: none in the pack). */
  beforeAfter: { req: { id: string }; res: BeforeAfterView | null };
  /**
   * The bundled packs whole, as the background searches them: a large import builds the search
   * index in its worker (lib/large-pack-index.ts) and needs them (a second copy in the settings
   * page's bundle would double the pack in the archive).
   */
  bundledPacks: { req: Record<string, never>; res: Pack[] };
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

/**
 * Ask the background; typed by message name. Resolves with the handler's answer; rejects with a
 * `MessageError` (lib/reply.ts) when the handler failed, refused the sender, or nobody answered,
 * so a caller can never mistake a failure for an answer.
 */
export function askBackground<K extends keyof BackgroundProtocol>(type: K, req: BackgroundProtocol[K]['req']): Promise<BackgroundProtocol[K]['res']> {
  return unwrapReply(type, Promise.resolve().then(() => browser.runtime.sendMessage({ type, ...req })));
}

/** What a card or a search list shows when the lookup itself failed: an empty answer marked `degraded`, said as a failure. */
export function failedLookupView(text: string): LookupView {
  return { result: { query: text.slice(0, 200), mode: 'empty', results: [], others: [], unknownCitations: [], truncated: false }, views: {}, citationStyle: 'short', tookMs: 0, degraded: true };
}

/** True when `x` looks like a message of the background protocol (a cheap guard before dispatch). */
export function isBackgroundMessage(x: unknown): x is BackgroundMessage {
  return typeof x === 'object' && x !== null && typeof (x as { type?: unknown }).type === 'string';
}
