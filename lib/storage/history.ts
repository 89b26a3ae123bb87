/**
 * The reader's lookup history, stored under `history` in storage.local as `{ v, data }`.
 * It stays on this machine; the reader can turn it off (Settings.historyEnabled), clear it,
 * export and import it.
 *
 * - `readHistory()` never throws; newest first; at most MAX_HISTORY items; each query at most
 *   MAX_HISTORY_QUERY_CHARS characters. Damaged items are dropped (the rest kept) and the repair is
 *   reported; a damaged or vanished list is replaced by an empty one.
 * - `addHistory(item)` puts the item first (a repeat of the newest query replaces it), trims
 *   to the bounds, and writes in one call. With history turned off it stores nothing.
 * - `clearHistory()` empties it.
 *
 * Version history: v1 is the shape below (the first stored shape; no migrations yet).
 */
import { z } from '../../core/schema/zod';
import { KEYS, readRaw, serialized, writeAtomic, type Envelope } from './area';
import { envelopeOf, migrate, readVersioned, type Salvaged, type VersionedValue } from './versioned';
import { fail, OK, type WriteResult } from './result';
import { readSettings, UNREADABLE_NOT_SAVED } from './settings';
import { reportRepair } from './repair';

export interface HistoryItem {
  /** What the reader looked up (capped at MAX_HISTORY_QUERY_CHARS). */
  query: string;
  /** When, in epoch milliseconds. */
  at: number;
  /** The id of the top result, if any. */
  topId?: string;
  /** Its title, as shown then. */
  topTitle?: string;
}

export const HISTORY_VERSION = 1;
export const MAX_HISTORY = 200;
/** Characters of a query kept in history (a lookup reads up to MAX_SELECTION_CHARS; history keeps a reminder). */
export const MAX_HISTORY_QUERY_CHARS = 500;
const MAX_ID_CHARS = 200;
const MAX_TITLE_CHARS = 300;

/** Cuts at `max` UTF-16 units without leaving half a surrogate pair. */
export function capText(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = s.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return cut;
}

/** A stored (or imported) item: lenient on length (we cap), strict on types. */
export const historyItemSchema = z.object({
  query: z.string().transform((s) => capText(s.trim(), MAX_HISTORY_QUERY_CHARS)).refine((s) => s.length > 0, 'empty query'),
  at: z.number().finite().nonnegative(),
  topId: z.string().transform((s) => capText(s, MAX_ID_CHARS)).optional(),
  topTitle: z.string().transform((s) => capText(s, MAX_TITLE_CHARS)).optional(),
});

export const MIGRATIONS: Record<number, (data: unknown) => unknown> = {};

/** Keeps valid items, newest first, bounded; says how many stored items were dropped. */
export function salvageHistory(data: unknown): Salvaged<HistoryItem[]> {
  if (!Array.isArray(data)) return { value: [], damage: { whole: true, detail: 'data is not a list' } };
  const items: HistoryItem[] = [];
  let dropped = 0;
  for (const raw of data) {
    const parsed = historyItemSchema.safeParse(raw);
    if (parsed.success) items.push(toHistoryItem(parsed.data));
    else dropped++;
  }
  items.sort((a, b) => b.at - a.at);
  const value = items.slice(0, MAX_HISTORY);
  return dropped > 0 ? { value, damage: { whole: false, detail: `dropped ${dropped} damaged item(s)` } } : { value };
}

/** A parsed item without its absent optional fields (so stored JSON carries no `undefined`). */
export function toHistoryItem(item: z.output<typeof historyItemSchema>): HistoryItem {
  const out: HistoryItem = { query: item.query, at: item.at };
  if (item.topId !== undefined) out.topId = item.topId;
  if (item.topTitle !== undefined) out.topTitle = item.topTitle;
  return out;
}

const HISTORY_VALUE: VersionedValue<HistoryItem[]> = {
  key: KEYS.history,
  version: HISTORY_VERSION,
  migrations: MIGRATIONS,
  fresh: () => [],
  reset: () => [],
  salvage: salvageHistory,
};

export function historyEnvelope(items: HistoryItem[]): Envelope<HistoryItem[]> {
  return envelopeOf(HISTORY_VALUE, items);
}

/** Runs the migrations from version `from` up to the current one (backup import uses it too). */
export function migrateHistory(from: number, data: unknown): unknown {
  return migrate(MIGRATIONS, from, HISTORY_VERSION, data);
}

/** The history, newest first. Never throws. */
export function readHistory(): Promise<HistoryItem[]> {
  return readVersioned(HISTORY_VALUE);
}

/**
 * Adds a lookup to the history (first place). Stores nothing when history is turned off or
 * the query is empty. Returns a plain message if the write failed (the old history stays).
 */
export function addHistory(item: HistoryItem): Promise<WriteResult> {
  const parsed = historyItemSchema.safeParse(item);
  if (!parsed.success) return Promise.resolve(OK); // empty or malformed: nothing worth keeping
  const next = toHistoryItem(parsed.data);
  return serialized(async () => {
    const settings = await readSettings();
    if (!settings.historyEnabled) return OK;
    // An unreadable history may come back: writing [item] now would replace it.
    if ((await readRaw(KEYS.history)).kind === 'unreadable') return fail(UNREADABLE_NOT_SAVED);
    const old = await readHistory();
    const rest = old[0]?.query === next.query ? old.slice(1) : old;
    const w = await writeAtomic({ [KEYS.history]: historyEnvelope([next, ...rest].slice(0, MAX_HISTORY)) });
    // Lookups are recorded in the background, where nobody sees a failed write: tell the reader
    // (the popup and options page show it) instead of dropping history silently.
    if (!w.ok && /full/.test(w.message)) await reportRepair(KEYS.history, 'full', w.message);
    return w;
  });
}

/** Empties the history. */
export function clearHistory(): Promise<WriteResult> {
  return serialized(() => writeAtomic({ [KEYS.history]: historyEnvelope([]) }));
}
