/**
 * A stored brief keeps its titles as UTF-8 bytes (lib/storage/brief-bytes.ts): read back through a
 * structured clone (what IndexedDB does), the columns are the same and still fit; a brief stored
 * with the titles as a string is read as it is.
 */
import { describe, expect, it } from 'vitest';
import { columnsFit, toColumns } from '../../core/pack/columns';
import { fromStoredColumns, toStoredColumns } from '../../lib/storage/brief-bytes';
import { bundledEntries } from '../support/bundled';

describe('a brief with its titles as bytes', () => {
  const entries = bundledEntries().map((e, i) => (i === 0 ? { ...e, title: `${e.title} — “μ” ħ` } : e));
  const columns = toColumns(entries);

  it('reads back the same columns, and they fit', () => {
    const stored = structuredClone(toStoredColumns(columns));
    expect(stored.titles).toBeInstanceOf(Uint8Array);
    expect((stored.titles as Uint8Array).length).toBeLessThan(2 * columns.titles.length);
    const read = fromStoredColumns(stored);
    expect(read).toEqual(columns);
    expect(columnsFit(read)).toBe(true);
  });

  it('reads a brief stored with the titles as a string as it is', () => {
    const read = fromStoredColumns(structuredClone(columns));
    expect(read).toEqual(columns);
    expect(columnsFit(read)).toBe(true);
    expect(fromStoredColumns(undefined)).toBeUndefined();
  });
});
