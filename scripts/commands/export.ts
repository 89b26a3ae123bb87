import { loadBundledPacks } from '../lib/bundled-packs';
import { orReport } from '../lib/or-report';
import type { Command } from './types';

export const command: Command = {
  usage: 'lens export <pack-id>   print the compiled pack JSON',
  async run(args) {
    const id = args[0];
    const packs = orReport(() => loadBundledPacks());
    if (!packs) return 1;
    const pack = packs.find((p) => p.id === id);
    if (!pack) {
      console.error(`lens export: no pack "${id ?? ''}" (packs: ${packs.map((p) => p.id).join(', ')})`);
      return 1;
    }
    process.stdout.write(JSON.stringify(pack, null, 2) + '\n');
    return 0;
  },
};
