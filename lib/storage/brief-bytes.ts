/**
 * A stored brief's columns (core/pack/columns.ts) with the titles as UTF-8 bytes. The titles are
 * one string, and IndexedDB copies a string out two bytes a character as soon as one character
 * is past Latin-1 (a dash or a curly quote in one title of the D.C. Code is enough): 1.8 of the
 * brief's 3.5 MB, 0.9 MB as bytes, read at every worker start. Decoded, the string is the same,
 * so the title ends (in UTF-16 units) still fit. A brief stored with the titles as a string is
 * read as it is. Decision 0011.
 */
import type { PackColumns } from '../../core/pack/columns';

export type StoredColumns = Omit<PackColumns, 'titles'> & { titles: string | Uint8Array };

export const toStoredColumns = (c: PackColumns): StoredColumns => ({ ...c, titles: new TextEncoder().encode(c.titles) });

export function fromStoredColumns(c: StoredColumns | undefined): PackColumns | undefined {
  if (!c || !(c.titles instanceof Uint8Array)) return c as PackColumns | undefined;
  return { ...c, titles: new TextDecoder().decode(c.titles) };
}
