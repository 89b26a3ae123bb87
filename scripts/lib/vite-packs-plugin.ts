/**
 * Vite plugin: `import { packs, prebuiltIndex } from 'virtual:ordinance-packs'` gives the bundled
 * packs, compiled from content/ and validated at build time, and their search index built at
 * build time too. A service worker that the browser stopped (MV3 stops it after 30 s idle, so
 * most lookups start one) then loads the index instead of building it. The background imports
 * this module; the content script never does (it asks the background), so its bundle stays small.
 */
import type { Plugin } from 'vite';
import type { Pack } from '../../core/schema/pack';
import { loadBundledPacks } from './bundled-packs';
import { CONTENT_DIR } from './content-loader';
import { buildIndex, serializeIndex } from '../../core/search/index';

const ID = 'virtual:ordinance-packs';
const RESOLVED = '\0' + ID;

/** The index the lookup service would build for `packs` alone (same entries, same order), as JSON. */
export function serializeBundledIndex(packs: readonly Pack[]): string {
  return JSON.stringify(serializeIndex(buildIndex(packs.flatMap((p) => p.entries))));
}

export function packsPlugin(): Plugin {
  return {
    name: 'ordinance-packs',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      this.addWatchFile(CONTENT_DIR);
      const packs = loadBundledPacks();
      const index = serializeBundledIndex(packs);
      return [
        `export const packs = JSON.parse(${JSON.stringify(JSON.stringify(packs))});`,
        `export const prebuiltIndex = ${JSON.stringify(index)};`,
      ].join('\n');
    },
  };
}
