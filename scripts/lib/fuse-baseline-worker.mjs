// One share of the eval's fuse.js baseline, run in a worker thread (scripts/lib/fuse-baseline.ts).
// Plain JavaScript so the worker needs no TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import Fuse from 'fuse.js';

const { records, queries } = workerData;
const fuse = new Fuse(records, { keys: ['title', 'summary'] });
parentPort.postMessage(queries.map((q) => fuse.search(q, { limit: 5 }).map((r) => r.item.id)));
