/**
 * What every benchmark command shares (lens bench, bench-claims, bench-code): a seeded random
 * generator, so runs compare the same queries, and a real full GC with a heap reading, so heap
 * figures are retained memory.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** mulberry32: a small seeded generator, the same sequence for the same seed. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A real gc() (without --expose-gc on the command line); several passes, as typed arrays are freed late. */
export const gc: () => void = (() => {
  try {
    setFlagsFromString('--expose-gc');
    const full = runInNewContext('gc') as () => void;
    return () => {
      for (let i = 0; i < 4; i++) full();
    };
  } catch {
    return () => {};
  }
})();

/** Heap in use, typed arrays included. */
export const mem = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
