/**
 * The sites where the reader asked for pages to be explained as they load: a list of host names
 * in storage.local under its own key, written only once the reader turns it on for a site (an
 * unused feature leaves no trace). A damaged value reads as no sites: nothing is marked by
 * mistake, and the next change writes a clean list.
 */
import { browser } from 'wxt/browser';
import { isSite } from '../../core/scan/site';

export const ALWAYS_KEY = 'alwaysExplainSites';

interface Stored {
  v: 1;
  sites: string[];
}

/** Throws when storage cannot be read (then nothing may be written over it). */
async function readStrict(): Promise<string[]> {
  const got = (await browser.storage.local.get(ALWAYS_KEY)) as Record<string, Stored | undefined>;
  const sites = got[ALWAYS_KEY]?.sites;
  return Array.isArray(sites) ? sites.filter((s): s is string => typeof s === 'string' && isSite(s)) : [];
}

export async function readAlwaysSites(): Promise<string[]> {
  return readStrict().catch(() => []);
}

/** Applies `change` to the list and writes it; returns the new list. An unreadable store is left alone (the error goes up). */
export async function updateAlwaysSites(change: (sites: string[]) => string[]): Promise<string[]> {
  const before = await readStrict();
  const next = [...new Set(change(before))].sort();
  if (next.join('\n') === before.join('\n')) return before;
  // The last site stopped: the key goes too, as if the feature had never been used.
  if (!next.length) await browser.storage.local.remove(ALWAYS_KEY);
  else await browser.storage.local.set({ [ALWAYS_KEY]: { v: 1, sites: next } satisfies Stored });
  return next;
}

/** Calls `onChange` whenever the list changes; returns the function that stops watching. */
export function watchAlwaysSites(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && ALWAYS_KEY in changes) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
