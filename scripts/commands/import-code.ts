/**
 * `lens import-code --format FORMAT DIR --id ID --title TITLE --jurisdiction PLACE [--as-of DATE]
 * [--version V] > pack.json`: a published code (a folder of its files) as a pack. The pack goes
 * to standard output; what was read, skipped and how current it is goes to standard error.
 */
import { ADAPTERS, adapterFor } from '../../core/import/adapters';
import type { CodeAdapter, ImportOptions } from '../../core/import/types';
import { IsoDate } from '../../core/schema/pack';
import { diskFolder } from '../lib/source-folder';
import { runCommand, UsageError, type CommandSpec } from '../lib/cli-args';
import type { Command } from './types';

const spec = {
  name: 'import-code',
  synopsis: `--format ${Object.keys(ADAPTERS).join('|')} DIR --id ID --title TITLE --jurisdiction PLACE [--as-of YYYY-MM-DD] [--version V] > pack.json`,
  summary: 'a whole published code (a folder of its files) as a pack on standard output; the report on standard error',
  positionals: true,
  options: {
    format: { type: 'string', value: 'FORMAT', help: `how the folder is laid out: ${Object.values(ADAPTERS).map((a) => `${a.format} (${a.description})`).join('; ')}` },
    id: { type: 'string', value: 'ID', help: 'the pack id (lowercase words and dashes)' },
    title: { type: 'string', value: 'TITLE', help: 'the pack title' },
    jurisdiction: { type: 'string', value: 'PLACE', help: 'whose law it is' },
    'as-of': { type: 'string', value: 'YYYY-MM-DD', help: 'how current the code is (default: the date the data states)' },
    version: { type: 'string', value: 'V', help: 'the pack version' },
  },
} as const satisfies CommandSpec;

export const command: Command = {
  spec,
  run: (args) =>
    runCommand(spec, args, (v, dirs) => {
      const format = v.format ?? '';
      const adapter = adapterFor(format);
      if (!adapter) throw new UsageError(`${format ? `unknown format "${format}"` : 'missing --format'} (formats: ${Object.values(ADAPTERS).map((a) => `${a.format}: ${a.description}`).join('; ')})`);
      const missing = [...(dirs.length ? [] : ['DIR']), ...(['id', 'title', 'jurisdiction'] as const).filter((k) => !v[k]).map((k) => `--${k}`)];
      if (missing.length) throw new UsageError(`missing ${missing.join(', ')}`);
      if (dirs.length > 1) throw new UsageError(`imports one folder at a time, got ${dirs.length}`);
      const asOf = v['as-of'];
      if (asOf !== undefined && !IsoDate.safeParse(asOf).success) throw new UsageError(`--as-of "${asOf}" is not a date (YYYY-MM-DD)`);
      return importCode(adapter, dirs[0]!, { id: v.id!, title: v.title!, jurisdiction: v.jurisdiction!, asOf, version: v.version });
    }),
};

function importCode(adapter: CodeAdapter, dir: string, opt: ImportOptions): number {
  const t0 = performance.now();
  let result;
  try {
    result = adapter.convert(diskFolder(dir), opt);
  } catch (err) {
    console.error(`lens import-code: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  const text = JSON.stringify(result.pack);
  process.stdout.write(text + '\n');
  const r = result.report;
  console.error(`${r.sections} section files → ${r.entries} entries in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${(text.length / 1048576).toFixed(1)} MB; as of ${r.asOf.date} (${r.asOf.from === 'option' ? 'given' : 'from the data'})`);
  for (const n of r.notes) console.error(`  ${n}`);
  if (r.skipped.length) {
    console.error(`  skipped ${r.skipped.length}:`);
    for (const s of r.skipped.slice(0, 20)) console.error(`    ${s.path}: ${s.reason}`);
    if (r.skipped.length > 20) console.error(`    … and ${r.skipped.length - 20} more`);
  }
  return 0;
}
