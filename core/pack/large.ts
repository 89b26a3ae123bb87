/**
 * Which packs are large: a whole imported code kept in IndexedDB (decision 0011). Claim check and
 * the timeline read every entry they are given, so they are given the other packs' entries and
 * only the few large-pack entries a check names, read whole (lib/claims-whole.ts). A large pack
 * given as columns is known by them; one read whole (its stored index did not load) is marked
 * where it is read (lib/large-packs.ts), since its entries look like any other pack's.
 */
import type { Pack } from '../schema/pack';
import { columnsOf } from './lazy-entries';

const LARGE = new WeakSet<Pack>();

/** Marks `p` as a large pack; returns it. */
export function markLarge(p: Pack): Pack {
  LARGE.add(p);
  return p;
}

export const isLargePack = (p: Pack): boolean => LARGE.has(p) || columnsOf(p.entries) !== undefined;
