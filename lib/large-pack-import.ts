/**
 * Importing a large pack (a whole published code) from the settings page into IndexedDB
 * (lib/storage/pack-db.ts), in stages the page shows on a progress bar: read the file, check it
 * whole (the same validation as a small pack), store it (one transaction: all or nothing), then
 * build and store the search index (lib/large-pack-index.ts), which the background loads. Files
 * up to LARGE_PACK_BYTES keep going to storage.local as before (lib/storage/user-packs.ts).
 *
 * Reading, parsing, checking, storing and indexing run in a dedicated worker
 * (lib/large-pack-worker.ts, `checkAndStore` below), so the page keeps painting and answering
 * (in Firefox too, where the background shares the page's thread); where no worker can be
 * started the same function runs on the page (without the index: the background builds it, as
 * before, and the page's bundle stays without the engine). The page gathers what a worker cannot read (the
 * ids other packs hold, the small packs: storage.local; the version; the bundled packs) and,
 * once stored, tells the background.
 */
import { MAX_PACK_BYTES, validatePackText, validatePackValue } from '../core/schema/validate';
import { idsOf, toColumns } from '../core/pack/columns';
import { askBackground } from './messages';
import { compareVersions, mb, readUserPacks, refusal, removeUserPack, type PackImportResult } from './storage/user-packs';
import { summarize, type PackSummary } from '../core/view/types';
import { listLargePacks, readBriefs, storeLargePack, type LargePackMeta } from './storage/pack-db';
import type { buildIndexAfterStore, IndexInput } from './large-pack-index';
import { extensionVersion } from './extension-version';
import type { Pack } from '../core/schema/pack';

/** Files larger than this go to IndexedDB: storage.local holds 9 MB of packs in all. */
export const LARGE_PACK_BYTES = 4 * 1024 * 1024;

export type ImportStage = 'reading' | 'checking' | 'storing' | 'indexing';
export interface ImportProgress {
  stage: ImportStage;
  /** 0–1 over the whole import. */
  fraction: number;
  /** What the bar says: "Storing entries: 12,000 of 21,163". */
  label: string;
}

/** Lets the page paint the progress before a long synchronous step (on the page's thread). */
const paint = () => new Promise<void>((r) => setTimeout(r, 16));
const count = (n: number) => n.toLocaleString('en-US');

export interface LargeReserved {
  packIds: ReadonlySet<string>;
  entryIds: ReadonlySet<string>;
  /** The bundled packs (the page asks the background): given, the import builds the search index itself. */
  bundled?: () => Promise<readonly Pack[]>;
}

/** What the checker needs besides the file: reserved ids, and every imported pack's entry ids (the pack itself is left out by id). */
export interface CheckInput {
  packIds: readonly string[];
  entryIds: readonly string[];
  others: readonly { pack: string; ids: readonly string[] }[];
  /** Given: once stored, build and store the search index too (lib/large-pack-index.ts). */
  index?: IndexInput;
}

/** Builds and stores the search index once the pack is stored: the worker passes lib/large-pack-index.ts (the page, none). */
export type Indexer = typeof buildIndexAfterStore;

/** What `checkAndStore` gives back: a refusal, or what was stored (the page words the message). */
export type CheckOutcome = { ok: false; result: PackImportResult } | { ok: true; pack: PackSummary; old?: string; bytes: number; indexed?: boolean };

/** The entry ids of the imported packs, small and large (read on the page: a worker has no storage.local). */
async function othersOf(): Promise<CheckInput['others']> {
  const small = (await readUserPacks()).map((s) => ({ pack: s.pack.id, ids: s.pack.entries.map((e) => e.id) }));
  const large = (await readBriefs()).map((b) => ({ pack: b.meta.id, ids: [...idsOf(b.columns)] }));
  return [...small, ...large];
}

function parseAndCheck(text: string, input: CheckInput): { ok: true; value: unknown; known: Set<string> } | { ok: false; result: PackImportResult } {
  let value: unknown;
  try {
    if (text.length > MAX_PACK_BYTES) throw new Error('too large');
    value = JSON.parse(text);
  } catch {
    const v = validatePackText(text);
    return { ok: false, result: v.ok ? { ok: false, message: 'Not imported.' } : refusal(v.problems) };
  }
  const id = (value as { id?: unknown } | null)?.id;
  if (typeof id === 'string' && input.packIds.includes(id)) {
    return { ok: false, result: { ok: false, message: `Not imported: the pack has the id "${id}", which is the id of the pack that comes with Ordinance Lens. Give your pack another id (its "id" field).` } };
  }
  // Ids the pack must not reuse: the bundled entries and those of every other imported pack.
  const known = new Set(input.entryIds);
  for (const o of input.others) if (o.pack !== id) for (const eid of o.ids) known.add(eid);
  return { ok: true, value, known };
}

/**
 * Reads, checks and stores the pack in `file` (IndexedDB only: runs in the worker or, failing
 * one, on the page). Nothing is changed unless the pack is stored whole. Throws only when
 * IndexedDB itself fails or `signal` cancels the store. `indexer` (the worker's): then builds and
 * stores the search index too, so the background only loads it.
 */
export async function checkAndStore(file: { name: string; text(): Promise<string> }, input: CheckInput, onProgress: (p: ImportProgress) => void, signal?: AbortSignal, indexer?: Indexer): Promise<CheckOutcome> {
  onProgress({ stage: 'reading', fraction: 0.02, label: `Reading “${file.name}”…` });
  const text = await file.text();
  signal?.throwIfAborted(); // cancelled between stages: stop before the next (nothing stored yet)
  onProgress({ stage: 'checking', fraction: 0.1, label: 'Checking every entry…' });
  await paint();
  signal?.throwIfAborted();
  const parsed = parseAndCheck(text, input);
  if (!parsed.ok) return parsed;
  const v = validatePackValue(parsed.value, parsed.known);
  if (!v.ok) return { ok: false, result: refusal(v.problems) };
  const pack = v.pack;
  const old = (await listLargePacks()).find((p) => p.id === pack.id);
  signal?.throwIfAborted();
  if (old && compareVersions(pack.version, old.version) < 0) {
    return { ok: false, result: { ok: false, message: `Not imported: “${pack.title}” version ${pack.version} is older than the imported version ${old.version}. Remove the imported one first to go back to an older version.` } };
  }
  const meta: LargePackMeta = { id: pack.id, title: pack.title, jurisdiction: pack.jurisdiction, version: pack.version, asOf: pack.asOf, ...(pack.description ? { description: pack.description } : {}), entries: pack.entries.length, bytes: text.length, importedAt: Date.now() };
  onProgress({ stage: 'storing', fraction: 0.3, label: `Storing entries: 0 of ${count(pack.entries.length)}` });
  await storeLargePack(pack, meta, toColumns(pack.entries), (p) => onProgress({ stage: 'storing', fraction: 0.3 + 0.4 * (p.stored / p.total), label: `Storing entries: ${count(p.stored)} of ${count(p.total)}` }), signal);
  // Stored: from here a cancel no longer undoes the import (the page says it finished).
  const indexed = input.index && indexer ? await indexer(input.index, { meta, entries: pack.entries }, onProgress) : false;
  return { ok: true, pack: summarize(pack), ...(old ? { old: old.version } : {}), bytes: text.length, indexed };
}

/**
 * What the worker needs to build the background's index (lib/large-pack-index.ts), when the page
 * has the bundled packs; without them the background builds it after the import, as before.
 */
async function indexInput(reserved: LargeReserved): Promise<{ index: IndexInput } | Record<string, never>> {
  const bundled = await reserved.bundled?.().catch(() => undefined);
  return bundled ? { index: { extensionVersion: extensionVersion(), small: await readUserPacks(), bundled } } : {};
}

/** Runs `checkAndStore` in a worker when one starts (lib/large-pack-worker.ts), else on the page. */
export type Runner = (file: File | { name: string; text(): Promise<string> }, input: CheckInput, onProgress: (p: ImportProgress) => void, signal?: AbortSignal) => Promise<CheckOutcome>;

/**
 * Checks and stores the pack in `file`; `onProgress` follows the stages. Nothing is changed
 * unless the pack is stored whole. Throws only when IndexedDB itself fails (the caller says so)
 * or `signal` cancels the import before the pack is stored (an AbortError).
 */
export async function importLargePack(file: File | { name: string; text(): Promise<string> }, reserved: LargeReserved, onProgress: (p: ImportProgress) => void, signal?: AbortSignal, run: Runner = checkAndStore): Promise<PackImportResult> {
  const input: CheckInput = { packIds: [...reserved.packIds], entryIds: [...reserved.entryIds], others: await othersOf(), ...(await indexInput(reserved)) };
  signal?.throwIfAborted();
  const r = await run(file, input, onProgress, signal);
  if (!r.ok) return r.result;
  const s = r.pack;
  // The same id imported small before: the large one replaces it.
  if ((await readUserPacks()).some((p) => p.pack.id === s.id)) await removeUserPack(s.id);
  onProgress(r.indexed ? { stage: 'indexing', fraction: 0.97, label: 'Loading the search index…' } : { stage: 'indexing', fraction: 0.75, label: 'Building the search index (a minute at most for a whole code)…' });
  await askBackground('packsChanged', {}).catch(() => undefined); // if the worker is gone, it builds at its next start
  onProgress({ stage: 'indexing', fraction: 1, label: 'Ready.' });
  const what = `version ${s.version}, ${count(s.entries)} entries, ${mb(r.bytes)} file`;
  return r.old ? { ok: true, pack: s, replaced: r.old, message: `Updated “${s.title}” from version ${r.old} to ${s.version} (${what}).` } : { ok: true, pack: s, message: `Imported “${s.title}” (${what}).` };
}
