/**
 * Reads a stored list kept as `{ v, data }` (history, imported packs) with the repairs every
 * such list gets, so each module only says what its items are:
 * - unreadable store: reported, nothing written over it (it may come back), empty list returned;
 * - key written before and now missing: reported, replaced by an empty list;
 * - not a versioned value, or a migration that fails: reported, replaced by an empty list;
 * - from a newer build: reported, read as far as possible, not overwritten;
 * - damaged items: dropped (the rest kept), reported, the cleaned list written back; or, for a
 *   list whose items cannot be recreated (imported packs), kept in storage unused and reported
 *   once (not again on every read or worker start).
 * Other keys are never touched.
 */
import { KEYS, readRaw, wasWritten, writeAtomic, type DataKey, type Envelope } from './area';
import { browser } from 'wxt/browser';
import { reportRepair } from './repair';

export interface Salvaged<T> {
  items: T[];
  dropped: number;
  notAList: boolean;
  /** Names the damaged items (for a list that keeps them: reported once, not on every read). */
  damageKey?: string;
}

export interface VersionedList<T> {
  key: Exclude<DataKey, typeof KEYS.settings>;
  /** The shape version this build writes. */
  version: number;
  /** What one item is called in repair messages ("item", "pack"). */
  noun: string;
  envelope(items: T[]): Envelope<T[]>;
  /** Keeps the well-formed items of `data`. */
  salvage(data: unknown): Salvaged<T>;
  /** Brings `data` stored at version `from` up to `version`; may throw. */
  migrate?(from: number, data: unknown): unknown;
  /**
   * Write the list back without its damaged items (default). Off for lists whose items cannot be
   * recreated (imported packs): a damaged item is reported and skipped, but stays stored.
   */
  rewriteDamaged?: boolean;
}

export async function readVersionedList<T>(spec: VersionedList<T>): Promise<T[]> {
  const { key } = spec;
  const reset = () => writeAtomic({ [key]: spec.envelope([]) });
  const raw = await readRaw(key);
  if (raw.kind === 'unreadable') {
    await reportRepair(key, 'unreadable', raw.error);
    return [];
  }
  if (raw.kind === 'missing') {
    if (await wasWritten(key)) {
      await reportRepair(key, 'vanished', `the ${key} key was written before and is now missing`);
      await reset();
    }
    return [];
  }
  const stored = raw.value as Envelope<unknown> | null;
  const isEnvelope = stored !== null && typeof stored === 'object' && !Array.isArray(stored) && Number.isInteger(stored.v) && stored.v >= 1 && 'data' in stored;
  if (!isEnvelope) {
    await reportRepair(key, 'corrupted', 'not a versioned value');
    await reset();
    return [];
  }
  if (stored.v > spec.version) {
    await reportRepair(key, 'newer-version', `stored v${stored.v}, this build reads v${spec.version}`);
    return spec.salvage(stored.data).items;
  }
  let data: unknown = stored.data;
  if (spec.migrate) {
    try {
      data = spec.migrate(stored.v, stored.data);
    } catch (err) {
      await reportRepair(key, 'corrupted', `migration from v${stored.v} failed: ${String(err)}`);
      await reset();
      return [];
    }
  }
  const { items, dropped, notAList, damageKey } = spec.salvage(data);
  if (!notAList && dropped > 0 && spec.rewriteDamaged === false) {
    if (await firstReportOf(key, damageKey ?? String(dropped))) await reportRepair(key, 'invalid-fields', `${dropped} damaged ${spec.noun}(s) kept, not used`);
  } else if (notAList || dropped > 0) {
    await reportRepair(key, notAList ? 'corrupted' : 'invalid-fields', notAList ? 'data is not a list' : `dropped ${dropped} damaged ${spec.noun}(s)`);
    await writeAtomic({ [key]: spec.envelope(items) });
  }
  return items;
}

/** True the first time these damaged items of `key` are seen (then remembered). Never throws. */
async function firstReportOf(key: string, damageKey: string): Promise<boolean> {
  const got = await readRaw(KEYS.damageReported);
  const seen = got.kind === 'value' && got.value && typeof got.value === 'object' ? (got.value as Record<string, unknown>) : {};
  if (seen[key] === damageKey) return false;
  await browser.storage.local.set({ [KEYS.damageReported]: { ...seen, [key]: damageKey } }).catch(() => undefined);
  return true;
}
