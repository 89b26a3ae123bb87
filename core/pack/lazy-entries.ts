/**
 * All searched entries as one array whose large-pack part is made only when read: entries
 * [0, prefix.length) are the given whole entries, the rest are the column sets' entries in
 * order, each made into a stub (core/pack/slim.ts) the first time it is read and kept.
 *
 * Why a Proxy: the engine and the lookup service read `entries[i]` and `entries.length`; a
 * lookup reads a handful of entries, so making 21,163 stubs at every worker start (50–270 ms
 * measured) is wasted. Writing `list[i] = entry` puts a whole entry in place of its stub.
 * Reading every entry (claim check, a rebuilt index) still works, and makes every stub.
 */
import type { Entry } from '../schema/pack';
import { slimAt, type PackColumns } from './columns';
import { stubEntry } from './slim';

export interface ColumnSegment {
  columns: PackColumns;
  /** Position of its first entry in the whole list. */
  offset: number;
}

/** Where each column set starts when they follow `prefixLength` whole entries. */
export function segmentsAfter(prefixLength: number, columns: readonly PackColumns[]): ColumnSegment[] {
  let offset = prefixLength;
  return columns.map((c) => {
    const s = { columns: c, offset };
    offset += c.count;
    return s;
  });
}

/** The segment holding position `at`, or undefined (a prefix position). */
export function segmentAt(segments: readonly ColumnSegment[], at: number): ColumnSegment | undefined {
  for (const s of segments) if (at >= s.offset && at < s.offset + s.columns.count) return s;
  return undefined;
}

const indexOf = (key: string | symbol): number => {
  if (typeof key !== 'string') return -1;
  const c = key.charCodeAt(0);
  return c >= 48 && c <= 57 ? Number(key) : -1;
};

export function lazyEntries(prefix: readonly Entry[], segments: readonly ColumnSegment[]): Entry[] {
  const last = segments[segments.length - 1];
  const total = last ? last.offset + last.columns.count : prefix.length;
  const target: Entry[] = new Array<Entry>(total);
  prefix.forEach((e, i) => (target[i] = e));
  return new Proxy(target, {
    get(t, key, receiver) {
      const i = indexOf(key);
      if (i < 0 || !Number.isInteger(i) || i >= total) return Reflect.get(t, key, receiver) as unknown;
      let e = t[i];
      if (e === undefined) {
        const s = segmentAt(segments, i)!;
        e = t[i] = stubEntry(slimAt(s.columns, i - s.offset));
      }
      return e;
    },
    // Array methods skip holes: every position holds an entry, made or not yet.
    has: (t, key) => {
      const i = indexOf(key);
      return i >= 0 && Number.isInteger(i) ? i < total : Reflect.has(t, key);
    },
  });
}

const COLUMNS = new WeakMap<readonly Entry[], PackColumns>();

/** A large pack's entries, made from its columns when read; `columnsOf` gives the columns back. */
export function columnEntries(c: PackColumns): Entry[] {
  const list = lazyEntries([], [{ columns: c, offset: 0 }]);
  COLUMNS.set(list, c);
  return list;
}

export const columnsOf = (entries: readonly Entry[]): PackColumns | undefined => COLUMNS.get(entries);
