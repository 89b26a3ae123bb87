import { entryToText } from '../../core/format/entry-text';
import { orReport } from '../lib/or-report';
import { loadBundledPacks } from '../lib/bundled-packs';
import { runCommand, UsageError, type CommandSpec } from '../lib/cli-args';
import type { Command } from './types';

const spec = {
  name: 'show',
  synopsis: '<entry-id>',
  summary: 'print one entry as a reader sees it (ids appear in lens lookup\'s answers)',
  positionals: true,
  options: {},
} as const satisfies CommandSpec;

export const command: Command = {
  spec,
  run: (args) =>
    runCommand(spec, args, (_v, ids) => {
      if (ids.length !== 1) throw new UsageError(ids.length ? `shows one entry at a time, got ${ids.length}` : 'give an entry id, e.g. lens show mpls-19.30');
      const id = ids[0]!;
      const packs = orReport(() => loadBundledPacks());
      if (!packs) return 1;
      for (const pack of packs) {
        const entry = pack.entries.find((e) => e.id === id);
        if (entry) {
          console.log(entryToText(entry, pack));
          return 0;
        }
      }
      console.error(`lens show: no entry "${id}" in the bundled packs`);
      return 1;
    }),
};
