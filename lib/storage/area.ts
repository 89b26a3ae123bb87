/**
 * The one door to `storage.local` for lib/storage: guarded reads, atomic writes, plain-words
 * failure messages, the record of which keys have ever been written (so a key that vanishes is
 * noticed), and the repair log.
 * Why our own envelope and not WXT's `storage.defineItem`: docs/decisions/0008-versioned-storage.md.
 */
import { browser } from 'wxt/browser';
import { fail, OK, type WriteResult } from './result';
import { KEYS } from './keys';

export { KEYS };

export type DataKey = typeof KEYS.settings | typeof KEYS.history | typeof KEYS.userPacks | typeof KEYS.alwaysExplainSites;

/** A stored value: `{ v, data }`. `v` is the shape version of `data`. */
export interface Envelope<T> {
  v: number;
  data: T;
}

export function isEnvelope(x: unknown): x is Envelope<unknown> {
  if (x === null || typeof x !== 'object' || Array.isArray(x) || !('data' in x)) return false;
  const v = (x as { v?: unknown }).v;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1;
}

export type ReadOutcome =
  | { kind: 'value'; value: unknown }
  | { kind: 'missing' }
  | { kind: 'unreadable'; error: string };

/** Reads one key; never throws (Chromium rejects `get` with "Invalid JSON" on a damaged store). */
export async function readRaw(key: string): Promise<ReadOutcome> {
  try {
    const got = (await browser.storage.local.get<Record<string, unknown>>(key)) as Record<string, unknown> | undefined;
    if (!got || !Object.prototype.hasOwnProperty.call(got, key) || got[key] === undefined) return { kind: 'missing' };
    return { kind: 'value', value: got[key] };
  } catch (err) {
    return { kind: 'unreadable', error: errorText(err) };
  }
}

/** True when `key` has been written before (so a missing value has vanished, not never existed). */
export async function wasWritten(key: DataKey): Promise<boolean> {
  const meta = await readRaw(KEYS.meta);
  if (meta.kind !== 'value') return false;
  const keys = (meta.value as { keys?: unknown } | null)?.keys;
  return Array.isArray(keys) && keys.includes(key);
}

async function metaWith(keys: DataKey[]): Promise<{ keys: string[] }> {
  const meta = await readRaw(KEYS.meta);
  const old = meta.kind === 'value' ? (meta.value as { keys?: unknown } | null)?.keys : undefined;
  const set = new Set<string>(Array.isArray(old) ? old.filter((k): k is string => typeof k === 'string') : []);
  for (const k of keys) set.add(k);
  return { keys: [...set].sort() };
}

/**
 * Writes several keys in ONE `storage.local.set` call: the browser applies it whole or not at
 * all (a write over quota is rejected and what was there stays), so nothing is half-applied.
 */
export async function writeAtomic(values: Partial<Record<DataKey, Envelope<unknown>>>): Promise<WriteResult> {
  const keys = Object.keys(values) as DataKey[];
  try {
    const meta = await metaWith(keys);
    await browser.storage.local.set({ ...values, [KEYS.meta]: meta });
    return OK;
  } catch (err) {
    return fail(plainWriteError(err));
  }
}

/**
 * Removes `key` and the record that it was written, so it reads as never written (not as
 * vanished). The record goes first: a failure in between leaves the value, read as before.
 */
export async function removeKey(key: DataKey): Promise<WriteResult> {
  try {
    const { keys } = await metaWith([]);
    await browser.storage.local.set({ [KEYS.meta]: { keys: keys.filter((k) => k !== key) } });
    await browser.storage.local.remove(key);
    return OK;
  } catch (err) {
    return fail(plainWriteError(err));
  }
}

/** Serializes read-modify-write cycles within one context so two quick writes do not race. */
let chain: Promise<unknown> = Promise.resolve();
export function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = chain.then(task, task);
  chain = run.catch(() => undefined);
  return run;
}

export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === 'string') return err;
  try {
    return String(err);
  } catch {
    return 'unknown error';
  }
}

/** Turns a browser storage error into words a reader can act on. */
export function plainWriteError(err: unknown): string {
  const text = errorText(err);
  if (/quota|QUOTA_BYTES|exceeded|too large|no space|full/i.test(text)) {
    return "Not saved: the browser's storage for Ordinance Lens is full. Your earlier data is unchanged. Clearing your lookup history frees space.";
  }
  return `Not saved: the browser could not store the change (${text.slice(0, 200)}). Your earlier data is unchanged.`;
}
