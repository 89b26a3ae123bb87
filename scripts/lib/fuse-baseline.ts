import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Entry } from '../../core/schema/pack';

/**
 * The eval's baseline: plain fuse.js with default options over title and summary, the first five
 * ids for each query. fuse.js scans every record with a bitap search per 32-character chunk of
 * the query, so a real-page set's sentences and paragraphs cost it about 25 s of CPU; the queries
 * are shared among worker threads (one per core) that run beside the engine's own lookups. The
 * records carry only the two fields searched, so the scores are the same as over whole entries.
 */
export function baselineResults(entries: readonly Entry[], queries: readonly string[]): Promise<string[][]> {
  const records = entries.map((e) => ({ id: e.id, title: e.title, summary: e.summary }));
  const shares = Math.max(1, Math.min(availableParallelism(), queries.length));
  const size = Math.ceil(queries.length / shares);
  const runs: Promise<string[][]>[] = [];
  for (let start = 0; start < queries.length; start += size)
    runs.push(runShare(records, queries.slice(start, start + size)));
  return Promise.all(runs).then((parts) => parts.flat());
}

function runShare(records: unknown[], queries: string[]): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./fuse-baseline-worker.mjs', import.meta.url), { workerData: { records, queries } });
    worker.once('message', (ids: string[][]) => {
      resolve(ids);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
