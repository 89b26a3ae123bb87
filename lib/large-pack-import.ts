/**
 * Importing a large pack (a whole published code) from the settings page into IndexedDB
 * (lib/storage/pack-db.ts), in stages the page shows on a progress bar: read the file, check it
 * whole (the same validation as a small pack), store it (one transaction: all or nothing), then
 * the background builds and keeps the search index. Files up to LARGE_PACK_BYTES keep going to
 * storage.local as before (lib/storage/user-packs.ts).
 */
import { MAX_PACK_BYTES, validatePackText, validatePackValue } from '../core/schema/validate';
import { idsOf, toColumns } from '../core/pack/columns';
import { askBackground } from './messages';
import { compareVersions, mb, readUserPacks, refusal, removeUserPack, type PackImportResult } from './storage/user-packs';
import { summarize } from '../core/view/types';
import { listLargePacks, readBriefs, storeLargePack, type LargePackMeta } from './storage/pack-db';

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

/** Lets the page paint the progress before a long synchronous step. */
const paint = () => new Promise<void>((r) => setTimeout(r, 16));
const count = (n: number) => n.toLocaleString('en-US');

export interface LargeReserved {
  packIds: ReadonlySet<string>;
  entryIds: ReadonlySet<string>;
}

async function parseAndCheck(text: string, reserved: LargeReserved): Promise<{ ok: true; value: unknown; known: Set<string> } | { ok: false; result: PackImportResult }> {
  let value: unknown;
  try {
    if (text.length > MAX_PACK_BYTES) throw new Error('too large');
    value = JSON.parse(text);
  } catch {
    const v = validatePackText(text);
    return { ok: false, result: v.ok ? { ok: false, message: 'Not imported.' } : refusal(v.problems) };
  }
  const id = (value as { id?: unknown } | null)?.id;
  if (typeof id === 'string' && reserved.packIds.has(id)) {
    return { ok: false, result: { ok: false, message: `Not imported: the pack has the id "${id}", which is the id of the pack that comes with Ordinance Lens. Give your pack another id (its "id" field).` } };
  }
  // Ids the pack must not reuse: the bundled entries and those of every other imported pack.
  const known = new Set(reserved.entryIds);
  for (const s of await readUserPacks()) if (s.pack.id !== id) for (const e of s.pack.entries) known.add(e.id);
  for (const b of await readBriefs()) if (b.meta.id !== id) for (const eid of idsOf(b.columns)) known.add(eid);
  return { ok: true, value, known };
}

/**
 * Checks and stores the pack in `file`; `onProgress` follows the stages. Nothing is changed
 * unless the pack is stored whole. Throws only when IndexedDB itself fails (the caller says so).
 */
export async function importLargePack(file: { name: string; text(): Promise<string> }, reserved: LargeReserved, onProgress: (p: ImportProgress) => void, signal?: AbortSignal): Promise<PackImportResult> {
  onProgress({ stage: 'reading', fraction: 0.02, label: `Reading “${file.name}”…` });
  const text = await file.text();
  onProgress({ stage: 'checking', fraction: 0.1, label: 'Checking every entry…' });
  await paint();
  const parsed = await parseAndCheck(text, reserved);
  if (!parsed.ok) return parsed.result;
  const v = validatePackValue(parsed.value, parsed.known);
  if (!v.ok) return refusal(v.problems);
  const pack = v.pack;
  const old = (await listLargePacks()).find((p) => p.id === pack.id);
  if (old && compareVersions(pack.version, old.version) < 0) {
    return { ok: false, message: `Not imported: “${pack.title}” version ${pack.version} is older than the imported version ${old.version}. Remove the imported one first to go back to an older version.` };
  }
  const meta: LargePackMeta = { id: pack.id, title: pack.title, jurisdiction: pack.jurisdiction, version: pack.version, asOf: pack.asOf, ...(pack.description ? { description: pack.description } : {}), entries: pack.entries.length, bytes: text.length, importedAt: Date.now() };
  const total = pack.entries.length;
  onProgress({ stage: 'storing', fraction: 0.3, label: `Storing entries: 0 of ${count(total)}` });
  await storeLargePack(pack, meta, toColumns(pack.entries), (p) => onProgress({ stage: 'storing', fraction: 0.3 + 0.4 * (p.stored / p.total), label: `Storing entries: ${count(p.stored)} of ${count(p.total)}` }), signal);
  // The same id imported small before: the large one replaces it.
  if ((await readUserPacks()).some((s) => s.pack.id === pack.id)) await removeUserPack(pack.id);
  onProgress({ stage: 'indexing', fraction: 0.75, label: 'Building the search index (a minute at most for a whole code)…' });
  await askBackground('packsChanged', {}).catch(() => undefined); // if the worker is gone, it builds at its next start
  onProgress({ stage: 'indexing', fraction: 1, label: 'Ready.' });
  const s = summarize(pack);
  const what = `version ${s.version}, ${count(s.entries)} entries, ${mb(text.length)} file`;
  return old ? { ok: true, pack: s, replaced: old.version, message: `Updated “${s.title}” from version ${old.version} to ${s.version} (${what}).` } : { ok: true, pack: s, message: `Imported “${s.title}” (${what}).` };
}
