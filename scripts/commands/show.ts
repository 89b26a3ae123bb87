import { entryToText } from '../../core/format/entry-text';
import { orReport } from '../lib/or-report';
import { loadBundledPacks } from '../lib/bundled-packs';
import type { Command } from './types';

export const command: Command = {
  usage: 'lens show <entry-id>   print one entry as a reader would see it',
  async run(args) {
    const id = args[0];
    const packs = orReport(() => loadBundledPacks());
    if (!packs) return 1;
    for (const pack of packs) {
      const entry = pack.entries.find((e) => e.id === id);
      if (entry) {
        console.log(entryToText(entry, pack));
        return 0;
      }
    }
    console.error(`lens show: no entry "${id ?? ''}" in the bundled packs`);
    return 1;
  },
};
