import { statSync, readFileSync } from 'node:fs';
import { formatProblems, validatePackText, validatePackValue, MAX_PACK_BYTES } from '../../core/schema/validate';
import { copyReliance, countByKind } from '../../core/pack/stats';
import type { Pack } from '../../core/schema/pack';
import { loadAllPackSources } from '../lib/content-loader';
import { runCommand, UsageError, type CommandSpec } from '../lib/cli-args';
import type { Command } from './types';

function printCounts(label: string, pack: Pack): void {
  const counts = countByKind(pack.entries);
  console.log(`${label}: ${pack.id} v${pack.version}, as of ${pack.asOf}: ${pack.entries.length} entries`);
  for (const [kind, n] of counts) console.log(`  ${kind.padEnd(18)} ${n}`);
  // Points a reporter cannot cite first-hand: every source is a copy (mirror, aggregator, repost).
  const c = copyReliance(pack.entries);
  const pct = (n: number) => (c.points ? ((100 * n) / c.points).toFixed(1) : '0.0');
  console.log(`  points resting only on copies: ${c.onlyOnCopies} of ${c.points} (${pct(c.onlyOnCopies)}%)`);
  if (c.copiesWithOriginal) console.log(`  points resting on copies whose original address is known: ${c.copiesWithOriginal}`);
}

function validateFile(file: string): number {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    console.error(`${file}: cannot read file`);
    return 1;
  }
  if (size > MAX_PACK_BYTES) {
    console.error(`${file}: file is too large (${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_PACK_BYTES / 1048576} MB)`);
    return 1;
  }
  const result = validatePackText(readFileSync(file, 'utf8'));
  if (!result.ok) {
    console.error(formatProblems(result.problems));
    return 1;
  }
  printCounts('valid', result.pack);
  return 0;
}

function validateBundled(): number {
  let failed = false;
  const seen = new Set<string>();
  for (const src of loadAllPackSources()) {
    for (const p of src.problems) console.error(`${p.path}: ${p.reason}`);
    const result = validatePackValue(src.pack, seen);
    if (!result.ok || src.problems.length) {
      failed = true;
      if (!result.ok) console.error(formatProblems(result.problems));
      continue;
    }
    result.pack.entries.forEach((e) => seen.add(e.id));
    printCounts('valid', result.pack);
  }
  return failed ? 1 : 0;
}

const spec = {
  name: 'validate',
  synopsis: '[FILE.json]',
  summary: 'validate the bundled packs (or one pack file): counts per kind, or a `path: reason` line per problem and exit 1',
  positionals: true,
  options: {},
} as const satisfies CommandSpec;

export const command: Command = {
  spec,
  run: (args) =>
    runCommand(spec, args, (_v, files) => {
      if (files.length > 1) throw new UsageError(`validates one file at a time, got ${files.length}`);
      return files[0] ? validateFile(files[0]) : validateBundled();
    }),
};
