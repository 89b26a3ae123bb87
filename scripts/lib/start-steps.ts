/**
 * One worker start with a large pack stored, step by step, in a fresh process (run by
 * `lens bench-start`): what the background does after a worker stop, from the bytes IndexedDB
 * holds (V8's serializer, the structured clone IndexedDB uses; the key lists as UTF-8 bytes,
 * lib/storage/stored-index-bytes.ts) to the first answer.
 *
 * Two paths over the same stored index: `objects`, the brief as one object per entry made
 * into stubs and the engine's caches built on the first lookup (the start before the columns);
 * `columns`, the brief as columns (core/pack/columns.ts), entries made when read, caches primed.
 * Prints one JSON line of milliseconds.
 */
import { readFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { loadBundledPacks } from './bundled-packs';
import { createLookupService } from '../../lib/lookup-service';
import { stubEntry, type SlimEntry } from '../../core/pack/slim';
import { columnEntries } from '../../core/pack/lazy-entries';
import type { PackColumns } from '../../core/pack/columns';
import type { Entry, Pack } from '../../core/schema/pack';
import { fromIndexBytes, fromShardBytes, type StoredIndexBytes, type StoredShard } from '../../lib/storage/stored-index-bytes';

export const START_QUERY = 'D.C. Code § 24-211.07';

export interface StartFiles {
  /** V8-serialized brief: SlimEntry[] (objects) or PackColumns (columns). */
  brief: string;
  index: string;
  /** JSON: the pack without entries, and the whole entries the query shows. */
  pack: string;
  shown: string;
  /** V8-serialized shards of the index (lib/storage/stored-index-bytes.ts): the query's are read with the first lookup. */
  shards: string;
}

const ms = (t0: number) => Math.round((performance.now() - t0) * 10) / 10;

function run(path: 'objects' | 'columns', files: StartFiles): Record<string, number> {
  const bundled = loadBundledPacks();
  const briefBytes = readFileSync(files.brief);
  const indexBytes = readFileSync(files.index);
  const meta = JSON.parse(readFileSync(files.pack, 'utf8')) as Omit<Pack, 'entries'>;
  const shown = JSON.parse(readFileSync(files.shown, 'utf8')) as Entry[];
  const shards = deserialize(readFileSync(files.shards)) as StoredShard[];
  const out: Record<string, number> = {};
  const total = performance.now();
  let t0 = performance.now();
  const brief = deserialize(briefBytes) as SlimEntry[] | PackColumns;
  out.briefMs = ms(t0);
  t0 = performance.now();
  const index = fromIndexBytes(deserialize(indexBytes) as StoredIndexBytes);
  out.indexMs = ms(t0);
  t0 = performance.now();
  const entries = path === 'objects' ? (brief as SlimEntry[]).map(stubEntry) : columnEntries(brief as PackColumns);
  out.stubsMs = ms(t0);
  t0 = performance.now();
  const service = createLookupService(bundled);
  service.setUserPacks([{ ...meta, entries }], index);
  service.size();
  out.serviceMs = ms(t0);
  if (service.indexSource() !== 'cache') throw new Error(`the stored index was not used (${service.indexSource()})`);
  t0 = performance.now();
  // The query's shards, as IndexedDB would hand them over (lib/index-shard-reads.ts).
  for (const sh of index.gaps?.predict(START_QUERY) ?? []) index.gaps!.fill(sh, fromShardBytes(deserialize(serialize(shards[sh]!)) as StoredShard));
  const first = service.lookup(START_QUERY, { citationStyle: 'short' });
  if (index.gaps?.takeWanted().length) throw new Error('the first lookup needed shards it was not given');
  out.firstLookupMs = ms(t0);
  t0 = performance.now();
  service.withEntries(shown);
  const second = service.lookup(START_QUERY, { citationStyle: 'short' });
  out.secondLookupMs = ms(t0);
  out.totalMs = ms(total);
  if (first.result.results[0]?.id !== 'dc-24-211.07' || !second.views['dc-24-211.07']?.entry.points.length) throw new Error('the start did not answer § 24-211.07 whole');
  return out;
}

const [path, brief, index, pack, shown, shards] = process.argv.slice(2);
if (path === 'objects' || path === 'columns') console.log(JSON.stringify(run(path, { brief: brief!, index: index!, pack: pack!, shown: shown!, shards: shards! })));
