/**
 * Messages of "Explain this page" (kept apart from lib/messages.ts: the page scan has its own
 * listener in the background, lib/scan/background.ts). Every type starts with "scan:", so the
 * lookup listener can leave them alone.
 *
 * - page → background: `scan:page` (scan this visible text), `scan:report` (what is marked now,
 *   for the side panel), `scan:cleared`;
 * - popup / side panel → background: `scan:explain` (start in the active tab), `scan:jump`;
 * - popup / settings → background: `scan:always-on`, `scan:always-off` (a site's "always here");
 * - background → page: `scan:start` (collect and mark, or rescan), `scan:jump`, `scan:clear`.
 */
import { browser } from 'wxt/browser';
import { unwrapReply } from '../reply';
import type { EntryKind, Status } from '../../core/schema/pack';
import { SESSION_KEYS } from '../storage/keys';

/** Characters of visible text one scan request may carry. */
export const MAX_SCAN_CHARS = 3_000_000;
/** Marks drawn at most; the rest are counted ("N more"). */
export const MAX_MARKS = 1500;
/** Rule sentences listed per entry for the claim check (the background sends at most this many per scan). */
export const MAX_CLAIMS_LISTED = 3;

export interface ScanMark {
  start: number;
  end: number;
  id: string;
}

/** What the list and the toolbar show about an entry. */
export interface ScanEntryInfo {
  id: string;
  title: string;
  citation?: string;
  kind: EntryKind;
  status: Status;
  /** "primary": an official text says at least one of its points; "reported": only press reports do. */
  confidence: 'primary' | 'reported';
}

/** One entry mentioned on the page, for the side panel's "On this page". */
export interface PageListItem extends ScanEntryInfo {
  count: number;
  /** Order of its first mention on the page. */
  first: number;
  /** Sentences of the page around its mentions that read as a rule, for the claim check (core/scan/claim-sentences.ts). */
  claims?: string[];
}

export interface PageReport {
  tabId: number;
  title: string;
  items: PageListItem[];
  marks: number;
  /** Mentions found but not marked (the cap). */
  more: number;
  at: number;
  /** Milliseconds from the request to the first marks, the longest slice of page work, and the first scan's parts: collecting the text, the round trip to the background, its scan. */
  stats?: { firstMarksMs: number; longestSliceMs: number; collectMs: number; askMs: number; scanMs: number };
}

export interface ScanProtocol {
  'scan:page': { req: { text: string; title?: string; host?: string }; res: { marks: ScanMark[]; entries: Record<string, ScanEntryInfo>; claims: Record<string, string[]>; ms: number } };
  'scan:report': { req: { report: Omit<PageReport, 'tabId' | 'at'> }; res: { ok: boolean } };
  'scan:cleared': { req: Record<string, never>; res: { ok: boolean } };
  'scan:explain': { req: Record<string, never>; res: { ok: boolean; reason?: string } };
  'scan:jump': { req: { tabId: number; id: string; n: number }; res: { ok: boolean } };
  /** "Always explain pages on this site": the popup or settings asked for the site's permission (lib/scan/always-here.ts). */
  'scan:always-on': { req: { site: string }; res: { ok: boolean; reason?: string } };
  /** Stop it: unregister, forget the site, give the permission back. */
  'scan:always-off': { req: { site: string }; res: { ok: boolean; permissionRemoved: boolean } };
}

export interface PageScanProtocol {
  'scan:start': { req: Record<string, never>; res: { ok: boolean; marks?: number } };
  'scan:jump': { req: { id: string; n: number }; res: { ok: boolean } };
  'scan:clear': { req: Record<string, never>; res: { ok: boolean } };
}

export type ScanMessage = { [K in keyof ScanProtocol]: { type: K } & ScanProtocol[K]['req'] }[keyof ScanProtocol];
export type PageScanMessage = { [K in keyof PageScanProtocol]: { type: K } & PageScanProtocol[K]['req'] }[keyof PageScanProtocol];

export function isScanMessage(x: unknown): x is ScanMessage {
  return typeof x === 'object' && x !== null && typeof (x as { type?: unknown }).type === 'string' && (x as { type: string }).type.startsWith('scan:');
}

/** Ask the background's page scan; rejects with a `MessageError` (lib/reply.ts) when it failed or did not answer. */
export function askScan<K extends keyof ScanProtocol>(type: K, req: ScanProtocol[K]['req']): Promise<ScanProtocol[K]['res']> {
  return unwrapReply(type, Promise.resolve().then(() => browser.runtime.sendMessage({ type, ...req })));
}

/**
 * Ask the page-scan script in a tab's top frame (background → page). Its answer is a Reply
 * (lib/scan/page-listener.ts) whose value must have a boolean `ok`; anything else rejects with a
 * `MessageError` saying why (failed, unanswered, not a reply).
 */
export function askPageScan<K extends keyof PageScanProtocol>(tabId: number, type: K, req: PageScanProtocol[K]['req']): Promise<PageScanProtocol[K]['res']> {
  const sent = Promise.resolve().then(() => browser.tabs.sendMessage(tabId, { type, ...req }, { frameId: 0 }));
  return unwrapReply(type, sent, (v): v is PageScanProtocol[K]['res'] => typeof v === 'object' && v !== null && typeof (v as { ok?: unknown }).ok === 'boolean');
}

/** The storage.session key the side panel watches. */
export const REPORT_KEY = SESSION_KEYS.pageScanReport;
