/**
 * The bundled packs as the extension ships them, compiled once per test run by
 * tests/support/bundled-setup.ts. Shared by every test file of a worker: do not mutate them.
 */
import { inject } from 'vitest';
import type { Entry, Pack } from '../../core/schema/pack';

declare module 'vitest' {
  export interface ProvidedContext {
    bundledPacks: Pack[];
  }
}

export function bundledPacks(): Pack[] {
  return inject('bundledPacks');
}

/** Every entry of the bundled packs, in pack order. */
export function bundledEntries(): Entry[] {
  return bundledPacks().flatMap((p) => p.entries);
}
