/**
 * The sites where the reader asked for pages to be explained as they load: a list of host names
 * stored as `{ v: 1, data }` under KEYS.alwaysExplainSites and read through the one versioned
 * reader (lib/storage/versioned.ts), so a damaged list is repaired and reported like settings and
 * history. Damaged sites are dropped: nothing is marked by mistake. The key is written only once
 * the reader turns a site on, and removed with the last one (an unused feature leaves no trace).
 */
import { browser } from 'wxt/browser';
import { isSite } from '../../core/scan/site';
import { KEYS, readRaw, removeKey, writeAtomic } from '../storage/area';
import { envelopeOf, readVersioned, type Salvaged, type VersionedValue } from '../storage/versioned';

function salvageSites(data: unknown): Salvaged<string[]> {
  if (!Array.isArray(data)) return { value: [], damage: { whole: true, detail: 'not a list of sites' } };
  const sites = data.filter((s): s is string => typeof s === 'string' && isSite(s));
  const dropped = data.length - sites.length;
  return dropped ? { value: sites, damage: { whole: !sites.length, detail: `${dropped} damaged site(s) dropped` } } : { value: sites };
}

/** Before the one reader, the list was stored as `{ v: 1, sites }`: still read, rewritten at the next change. */
function legacySites(x: unknown) {
  const old = x as { v?: unknown; sites?: unknown } | null;
  return old && typeof old === 'object' && old.v === 1 && Array.isArray(old.sites) ? { v: 1, data: old.sites } : undefined;
}

const SITES: VersionedValue<string[]> = {
  key: KEYS.alwaysExplainSites,
  version: 1,
  migrations: {},
  fresh: () => [],
  reset: () => [],
  salvage: salvageSites,
  legacy: legacySites,
};

export function readAlwaysSites(): Promise<string[]> {
  return readVersioned(SITES);
}

/** Applies `change` to the list and writes it; returns the new list. An unreadable store is left alone (the error goes up). */
export async function updateAlwaysSites(change: (sites: string[]) => string[]): Promise<string[]> {
  const got = await readRaw(SITES.key);
  if (got.kind === 'unreadable') throw new Error(`the sites could not be read: ${got.error}`);
  const before = await readVersioned(SITES);
  const next = [...new Set(change(before))].sort();
  if (next.join('\n') === before.join('\n')) return before;
  // The last site stopped: the key goes too, as if the feature had never been used.
  const w = next.length ? await writeAtomic({ [SITES.key]: envelopeOf(SITES, next) }) : await removeKey(SITES.key);
  if (!w.ok) throw new Error(w.message);
  return next;
}

/** Calls `onChange` whenever the list changes; returns the function that stops watching. */
export function watchAlwaysSites(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && KEYS.alwaysExplainSites in changes) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
