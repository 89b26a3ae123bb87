/**
 * Vite plugin: `import { packs } from 'virtual:ordinance-packs'` gives the bundled packs,
 * compiled from content/ and validated at build time. The background imports it; the content
 * script never does (it asks the background), so the card's bundle stays small.
 */
import type { Plugin } from 'vite';
import { loadBundledPacks } from './bundled-packs';
import { CONTENT_DIR } from './content-loader';

const ID = 'virtual:ordinance-packs';
const RESOLVED = '\0' + ID;

export function packsPlugin(): Plugin {
  return {
    name: 'ordinance-packs',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      this.addWatchFile(CONTENT_DIR);
      const packs = loadBundledPacks();
      return `export const packs = JSON.parse(${JSON.stringify(JSON.stringify(packs))});`;
    },
  };
}
