import { loadBundledPacks } from '../lib/bundled-packs';
import { orReport } from '../lib/or-report';
import { runCommand, UsageError, type CommandSpec } from '../lib/cli-args';
import type { Command } from './types';

const spec = {
  name: 'export',
  synopsis: '<pack-id>',
  summary: 'print a bundled pack as compiled JSON (the format the extension imports)',
  positionals: true,
  options: {},
} as const satisfies CommandSpec;

export const command: Command = {
  spec,
  run: (args) =>
    runCommand(spec, args, (_v, ids) => {
      if (ids.length !== 1) throw new UsageError(ids.length ? `exports one pack at a time, got ${ids.length}` : 'give a pack id, e.g. lens export minneapolis');
      const id = ids[0]!;
      const packs = orReport(() => loadBundledPacks());
      if (!packs) return 1;
      const pack = packs.find((p) => p.id === id);
      if (!pack) {
        console.error(`lens export: no pack "${id}" (packs: ${packs.map((p) => p.id).join(', ')})`);
        return 1;
      }
      process.stdout.write(JSON.stringify(pack, null, 2) + '\n');
      return 0;
    }),
};
