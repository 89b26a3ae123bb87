/**
 * Packs the reader imported, stored under `userPacks` in storage.local as `{ v, data }`.
 *
 * The import format is the compiled pack JSON (`lens export <pack-id>` prints one; `lens validate
 * FILE.json` checks a file). Rules:
 * - A file is validated whole (core/schema/validate.ts: schema, then integrity) before anything is
 *   stored; on failure nothing is written and the message lists the first few `path: reason`
 *   problems.
 * - Entry ids are unique across packs, as in the bundled packs: an imported pack whose entry id is
 *   already used by a bundled pack or by another imported pack is refused (the problem names the
 *   entry). Its `related` may point at bundled entries.
 * - A pack whose id is a bundled pack's id is refused. A pack with the id of an imported pack
 *   replaces it when its version is the same or newer; an older version is refused (remove the
 *   imported one first to go back).
 * - Chrome gives storage.local about 10 MB without `unlimitedStorage` (which we do not ask for):
 *   imported packs may take at most MAX_USER_PACKS_BYTES together, checked before writing; a
 *   write the browser still refuses over quota fails whole and the previous packs stay.
 *
 * `readUserPacks()` never throws: an unreadable store is reported and nothing is written over
 * it; a value that is not a versioned list is reported and replaced by an empty list; a damaged
 * pack inside it is not used (the others are) but kept as it was, reported once, listed by
 * `readDamagedPacks()` and removed only when the reader asks (`removeDamagedPacks()`); a value
 * from a newer build is read as far as possible and not overwritten. Other keys are never touched.
 *
 * Version history: v1 is the shape below (the first stored shape; no migrations yet).
 */
import { browser } from 'wxt/browser';
import type { Pack } from '../../core/schema/pack';
import { summarize, type PackSummary } from '../../core/view/types';
import { parsePack } from '../../core/schema/parse-pack';
import { tooLarge, formatProblems, validatePackText, validatePackValue } from '../../core/schema/validate';
import { KEYS, readRaw, serialized, writeAtomic, type Envelope } from './area';
import { envelopeOf, readVersioned, type Salvaged, type VersionedValue } from './versioned';
import { readBriefs } from './pack-db';
import { findId } from '../../core/pack/columns';

export const USER_PACKS_VERSION = 1;
/**
 * What imported packs may take together: Chrome's storage.local holds 10 MiB without
 * `unlimitedStorage` (not asked for); the rest is left for settings and history (~0.2 MB at most).
 */
export const MAX_USER_PACKS_BYTES = 9 * 1024 * 1024;
/** Problems listed in a refusal message; the rest are counted. */
export const MAX_PROBLEMS_SHOWN = 5;

export interface StoredPack {
  pack: Pack;
  /** When it was imported, epoch milliseconds. */
  importedAt: number;
}

export type PackImportResult =
  | { ok: true; pack: PackSummary; message: string; replaced?: string }
  | { ok: false; message: string; problems?: string[] };

export type PackRemoveResult = { ok: true; message: string } | { ok: false; message: string };

/** The bundled packs, as the background reports them: their ids and every entry id they use. */
export interface Reserved {
  packIds: ReadonlySet<string>;
  entryIds: ReadonlySet<string>;
}

function envelope(data: StoredPack[]): Envelope<StoredPack[]> {
  return envelopeOf(USER_PACKS_VALUE, data);
}

/**
 * Bytes Chrome counts for the stored value: key + its own JSON (UTF-8). Chrome's JSON writer
 * escapes more than JSON.stringify does: "<" as \u003C, U+2028 and U+2029 as \u2028/\u2029,
 * and control characters (DEL and C1 counted too, to be safe) as \u00XX: 6 bytes each, where
 * UTF-8 has 1 to 3. Counting as Chrome does keeps the size check from letting through a pack
 * the browser then refuses over quota.
 */
export function storedBytes(data: StoredPack[]): number {
  const json = JSON.stringify(envelope(data));
  let bytes = KEYS.userPacks.length + new TextEncoder().encode(json).length;
  for (const m of json.matchAll(/[<\u2028\u2029\u007f-\u009f]/g)) bytes += 6 - new TextEncoder().encode(m[0]).length;
  return bytes;
}

/** Sizes as the UI says them: MiB with two decimals (9.02 is not shown as the 9.00 limit), KB under 0.1 MiB. */
export const mb = (bytes: number) => (bytes < 0.1 * 1048576 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1048576).toFixed(2)} MB`);

/** Orders version strings numerically where they are numbers ("1.10" > "1.9"). */
export function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
}

/** Splits stored items into valid packs and damaged raw items (kept as they are). Never throws. */
function partition(data: unknown[]): { packs: StoredPack[]; damaged: unknown[] } {
  const packs: StoredPack[] = [];
  const damaged: unknown[] = [];
  const ids = new Set<string>();
  for (const item of data) {
    const rec = item !== null && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, unknown>) : undefined;
    // parsePack, not PackSchema.safeParse: a huge damaged pack must not throw (and empty the list).
    const parsed = rec ? parsePack(rec.pack) : undefined;
    if (!rec || !parsed?.success || ids.has(parsed.data.id)) {
      damaged.push(item);
      continue;
    }
    ids.add(parsed.data.id);
    const at = typeof rec.importedAt === 'number' && Number.isFinite(rec.importedAt) ? rec.importedAt : 0;
    packs.push({ pack: parsed.data, importedAt: at });
  }
  return { packs, damaged };
}

/** What the settings page says about a damaged stored pack: its id and title when they can still be read. */
export interface DamagedPack {
  id?: string;
  title?: string;
}

const LABEL_CHARS = 120;
const labelOf = (x: unknown) => (typeof x === 'string' && x.trim() ? x.trim().slice(0, LABEL_CHARS) : undefined);

function describeDamaged(item: unknown): DamagedPack {
  const pack = (item as { pack?: { id?: unknown; title?: unknown } } | null)?.pack;
  const id = labelOf(pack?.id);
  const title = labelOf(pack?.title);
  return { ...(id ? { id } : {}), ...(title ? { title } : {}) };
}

/** Names the damaged items, so the same ones are reported once (their place in the list may change). */
function damageKeyOf(damaged: unknown[]): string {
  return damaged.map((d) => `${describeDamaged(d).id ?? '?'}@${String((d as { importedAt?: unknown } | null)?.importedAt)}`).join('|');
}

/** Keeps stored packs whose shape is valid; integrity was checked at import. */
function salvage(data: unknown): Salvaged<StoredPack[]> {
  if (!Array.isArray(data)) return { value: [], damage: { whole: true, detail: 'data is not a list' } };
  const { packs, damaged } = partition(data);
  return damaged.length > 0 ? { value: packs, damage: { whole: false, detail: `${damaged.length} damaged pack(s) kept, not used` }, damageKey: damageKeyOf(damaged) } : { value: packs };
}

/**
 * What an import or a removal may write over. A damaged stored pack stays stored as it is (the
 * reader was told; it may be repaired by a newer build) instead of vanishing with the next write;
 * an unreadable store is not written over at all (it may come back).
 */
async function storedForWrite(): Promise<{ ok: true; packs: StoredPack[]; damaged: unknown[] } | { ok: false }> {
  const raw = await readRaw(KEYS.userPacks);
  if (raw.kind === 'unreadable') return { ok: false };
  const packs = await readUserPacks(); // reports any damage once
  const data = raw.kind === 'value' ? (raw.value as { data?: unknown } | null)?.data : undefined;
  return { ok: true, packs, damaged: Array.isArray(data) ? partition(data).damaged : [] };
}

const UNREADABLE = "the browser could not read your imported packs just now, so nothing was changed. Try again; if it persists, restart the browser.";

/** The list to store: the reader's packs, then the damaged items kept as they were. */
function withDamaged(packs: StoredPack[], damaged: unknown[]): Envelope<StoredPack[]> {
  return envelope([...packs, ...(damaged as StoredPack[])]);
}

const USER_PACKS_VALUE: VersionedValue<StoredPack[]> = {
  key: KEYS.userPacks,
  version: USER_PACKS_VERSION,
  migrations: {},
  fresh: () => [],
  reset: () => [],
  salvage,
  rewriteDamaged: false,
};

/** The imported packs, in import order. Never throws. */
export function readUserPacks(): Promise<StoredPack[]> {
  return readVersioned(USER_PACKS_VALUE);
}

/**
 * The imported packs were written by a newer build: this one reads what it can but must not
 * write over them (it would drop what it cannot read).
 */
async function writtenByNewerBuild(): Promise<boolean> {
  const raw = await readRaw(KEYS.userPacks);
  const v = raw.kind === 'value' ? (raw.value as { v?: unknown } | null)?.v : undefined;
  return typeof v === 'number' && v > USER_PACKS_VERSION;
}

const NEWER_BUILD = 'your imported packs were saved by a newer version of Ordinance Lens; update the extension to change them. Nothing was changed.';

export function refusal(problems: readonly { path: string; reason: string }[], lead = 'Not imported: the file is not a valid Ordinance Lens pack.'): PackImportResult {
  const shown = formatProblems(problems.slice(0, MAX_PROBLEMS_SHOWN)).split('\n');
  const more = problems.length - shown.length;
  return { ok: false, message: lead, problems: more > 0 ? [...shown, `…and ${more} more ${more === 1 ? 'problem' : 'problems'}`] : shown };
}

/**
 * The refusal when an entry of `value` has the id of an entry of a large imported pack (in
 * IndexedDB, lib/storage/pack-db.ts), else undefined. Found by binary search in each large
 * pack's sorted ids, without reading its 21,000 ids into a set. An unreadable database is not
 * a reason to refuse (the lookup service still lets the first pack with an id keep it).
 */
async function largePackClash(value: unknown, packId: unknown): Promise<string | undefined> {
  const entries = (value as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(entries)) return undefined;
  const ids = entries.flatMap((e) => (typeof (e as { id?: unknown } | null)?.id === 'string' ? [(e as { id: string }).id] : []));
  const briefs = await readBriefs().catch(() => []);
  for (const b of briefs) {
    if (b.meta.id === packId) continue;
    const taken = ids.find((id) => findId(b.columns, id) >= 0);
    if (taken !== undefined) return `Not imported: the entry id "${taken.slice(0, 200)}" is already used by “${b.meta.title}”, an imported large pack. Entry ids must be unique across packs: give the pack's entries other ids, or remove “${b.meta.title}” first.`;
  }
  return undefined;
}

/**
 * Validates `text` as a pack and stores it, all or nothing. `reserved` are the bundled packs'
 * ids and entry ids (the background reports them).
 */
export function importUserPack(text: string, reserved: Reserved): Promise<PackImportResult> {
  if (typeof text !== 'string') return Promise.resolve({ ok: false, message: 'Not imported: the file is not text.' });
  // Size and emptiness are refused before parsing; JSON syntax errors come back as problems.
  if (tooLarge(text) || text.trim() === '') {
    const v = validatePackText(text);
    return Promise.resolve(v.ok ? { ok: false, message: 'Not imported.' } : refusal(v.problems));
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const v = validatePackText(text);
    return Promise.resolve(v.ok ? { ok: false, message: 'Not imported.' } : refusal(v.problems));
  }
  return serialized(async () => {
    if (await writtenByNewerBuild()) return { ok: false, message: `Not imported: ${NEWER_BUILD}` };
    const stored = await storedForWrite();
    if (!stored.ok) return { ok: false, message: `Not imported: ${UNREADABLE}` };
    const current = stored.packs;
    const peekId = (value as { id?: unknown } | null)?.id;
    // Ids the pack must not reuse: the bundled entries and those of the other imported packs.
    const known = new Set(reserved.entryIds);
    for (const s of current) if (s.pack.id !== peekId) for (const e of s.pack.entries) known.add(e.id);
    // Checked first: the other problems of such a file (its entry ids are the bundled ones) follow from it.
    if (typeof peekId === 'string' && reserved.packIds.has(peekId)) {
      const title = (value as { title?: unknown }).title;
      return {
        ok: false,
        message: `Not imported: ${typeof title === 'string' && title.trim() ? `“${title.trim().slice(0, 200)}”` : 'the pack'} has the id "${peekId}", which is the id of the pack that comes with Ordinance Lens. Give your pack another id (its "id" field).`,
      };
    }
    const clash = await largePackClash(value, peekId);
    if (clash) return { ok: false, message: clash };
    const v = validatePackValue(value, known);
    if (!v.ok) return refusal(v.problems);
    const pack = v.pack;
    const old = current.find((s) => s.pack.id === pack.id);
    if (old && compareVersions(pack.version, old.pack.version) < 0) {
      return {
        ok: false,
        message: `Not imported: “${pack.title}” version ${pack.version} is older than the imported version ${old.pack.version}. Remove the imported one first to go back to an older version.`,
      };
    }
    const next = old ? current.map((s) => (s === old ? { pack, importedAt: Date.now() } : s)) : [...current, { pack, importedAt: Date.now() }];
    const bytes = storedBytes(next);
    if (bytes > MAX_USER_PACKS_BYTES) {
      const own = storedBytes([{ pack, importedAt: 0 }]);
      return {
        ok: false,
        message:
          `Not imported: “${pack.title}” is too big for the browser's storage (${mb(own)}; imported packs can take at most ${mb(MAX_USER_PACKS_BYTES)} together` +
          (next.length > 1 ? `, and with the others they would take ${mb(bytes)}` : '') +
          '). Nothing was changed.',
      };
    }
    const w = await writeAtomic({ userPacks: withDamaged(next, stored.damaged) });
    if (!w.ok) {
      return {
        ok: false,
        message: /full/.test(w.message)
          ? `Not imported: the browser's storage for Ordinance Lens is full (the pack needs ${mb(storedBytes([{ pack, importedAt: 0 }]))}). Your other packs and data are unchanged. Removing packs or clearing your lookup history frees space.`
          : w.message.replace(/^Not saved:/, 'Not imported:'),
      };
    }
    const s = summarize(pack);
    const counted = `${s.entries} ${s.entries === 1 ? 'entry' : 'entries'}`;
    if (old) {
      const same = compareVersions(pack.version, old.pack.version) === 0;
      return {
        ok: true,
        pack: s,
        replaced: old.pack.version,
        message: same ? `Imported “${s.title}” again (version ${s.version}, ${counted}); it replaces the copy imported before.` : `Updated “${s.title}” from version ${old.pack.version} to ${s.version} (${counted}).`,
      };
    }
    return { ok: true, pack: s, message: `Imported “${s.title}” (version ${s.version}, ${counted}).` };
  });
}

/** The damaged packs kept in storage and not used, for the settings page. Never throws. */
export async function readDamagedPacks(): Promise<DamagedPack[]> {
  const raw = await readRaw(KEYS.userPacks);
  const data = raw.kind === 'value' ? (raw.value as { data?: unknown } | null)?.data : undefined;
  return Array.isArray(data) ? partition(data).damaged.map(describeDamaged) : [];
}

/** Removes the damaged packs kept in storage (the reader asked); the valid ones stay. */
export function removeDamagedPacks(): Promise<PackRemoveResult> {
  return serialized(async () => {
    if (await writtenByNewerBuild()) return { ok: false, message: `Not removed: ${NEWER_BUILD}` };
    const stored = await storedForWrite();
    if (!stored.ok) return { ok: false, message: `Not removed: ${UNREADABLE}` };
    if (!stored.damaged.length) return { ok: true, message: 'No damaged pack is stored.' };
    const w = await writeAtomic({ userPacks: envelope(stored.packs) });
    const n = stored.damaged.length;
    return w.ok ? { ok: true, message: `Removed ${n} damaged ${n === 1 ? 'pack' : 'packs'}.` } : { ok: false, message: w.message.replace(/^Not saved:/, 'Not removed:') };
  });
}

/** Removes the imported pack `id`. */
export function removeUserPack(id: string): Promise<PackRemoveResult> {
  return serialized(async () => {
    if (await writtenByNewerBuild()) return { ok: false, message: `Not removed: ${NEWER_BUILD}` };
    const stored = await storedForWrite();
    if (!stored.ok) return { ok: false, message: `Not removed: ${UNREADABLE}` };
    const current = stored.packs;
    const gone = current.find((s) => s.pack.id === id);
    if (!gone) return { ok: true, message: 'That pack was already removed.' };
    const w = await writeAtomic({ userPacks: withDamaged(current.filter((s) => s !== gone), stored.damaged) });
    return w.ok ? { ok: true, message: `Removed “${gone.pack.title}”.` } : { ok: false, message: w.message.replace(/^Not saved:/, 'Not removed:') };
  });
}

/** Calls `listener` with the imported packs whenever they change (in any context). Returns an unsubscribe function. */
export function watchUserPacks(listener: (packs: StoredPack[]) => void): () => void {
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !(KEYS.userPacks in changes)) return;
    void readUserPacks().then(listener, () => undefined);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
