/**
 * Reads the human-editable authoring format in content/ (Node only) and compiles it to the
 * public pack JSON format:
 *
 *   content/<pack-id>/pack.yaml          the pack's id, title, version, asOf, changelog …
 *   content/<pack-id>/entries/<id>.yaml  one entry per file, file name = entry id
 *
 * Entries are ordered by file name so two builds give identical output.
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

export const CONTENT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../content');

export interface LoadedPackSource {
  dir: string;
  /** The compiled pack value, not yet validated. */
  pack: Record<string, unknown>;
  /** Problems found while reading files (YAML syntax, file name ≠ id). */
  problems: { path: string; reason: string }[];
}

export function listPackDirs(contentDir = CONTENT_DIR): string[] {
  return readdirSync(contentDir)
    .filter((name) => !name.startsWith('.') && statSync(join(contentDir, name)).isDirectory())
    .filter((name) => existsSync(join(contentDir, name, 'pack.yaml')))
    .sort();
}

export function loadPackSource(dir: string): LoadedPackSource {
  const problems: LoadedPackSource['problems'] = [];
  const readYaml = (file: string): unknown => {
    try {
      return parseYaml(readFileSync(file, 'utf8'));
    } catch (err) {
      problems.push({ path: file, reason: `YAML error: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}` });
      return undefined;
    }
  };
  const meta = (readYaml(join(dir, 'pack.yaml')) ?? {}) as Record<string, unknown>;
  const entriesDir = join(dir, 'entries');
  const files = existsSync(entriesDir) ? readdirSync(entriesDir).filter((f) => f.endsWith('.yaml')).sort() : [];
  const entries: unknown[] = [];
  for (const file of files) {
    const value = readYaml(join(entriesDir, file));
    if (value === undefined) continue;
    const expectedId = file.replace(/\.yaml$/, '');
    const id = (value as { id?: unknown }).id;
    if (id !== expectedId) problems.push({ path: join(entriesDir, file), reason: `file name must be the entry id ("${String(id)}.yaml")` });
    entries.push(value);
  }
  return { dir, pack: { ...meta, entries }, problems };
}

/** Reads of each content folder in this process (by resolved path): the unit run's guard that content/ is compiled once (tests/support/pack-once-setup.ts). */
const reads = new Map<string, number>();

export function contentReads(contentDir = CONTENT_DIR): number {
  return reads.get(resolve(contentDir)) ?? 0;
}

/** All bundled packs, compiled (unvalidated). */
export function loadAllPackSources(contentDir = CONTENT_DIR): LoadedPackSource[] {
  reads.set(resolve(contentDir), contentReads(contentDir) + 1);
  return listPackDirs(contentDir).map((name) => loadPackSource(join(contentDir, name)));
}
