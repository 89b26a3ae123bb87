/**
 * `lens import-code --format FORMAT DIR --id ID --title TITLE --jurisdiction PLACE [--as-of DATE]
 * [--version V] > pack.json`: a published code (a folder of its files) as a pack. The pack goes
 * to standard output; what was read, skipped and how current it is goes to standard error.
 */
import { ADAPTERS, adapterFor } from '../../core/import/adapters';
import { IsoDate } from '../../core/schema/pack';
import { diskFolder } from '../lib/source-folder';
import type { Command } from './types';

const VALUE_FLAGS = ['--format', '--id', '--title', '--jurisdiction', '--as-of', '--version'];

export const command: Command = {
  usage: `lens import-code --format ${Object.keys(ADAPTERS).join('|')} DIR --id ID --title TITLE --jurisdiction PLACE [--as-of YYYY-MM-DD] [--version V] > pack.json`,
  async run(args) {
    const opt: Record<string, string> = {};
    let dir: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (VALUE_FLAGS.includes(a)) opt[a] = args[++i] ?? '';
      else if (!a.startsWith('--')) dir = a;
      else {
        console.error(`lens import-code: unknown option ${a}\nusage: ${this.usage}`);
        return 2;
      }
    }
    const format = opt['--format'] ?? '';
    const adapter = adapterFor(format);
    if (!adapter) {
      console.error(`lens import-code: ${format ? `unknown format "${format}"` : 'missing --format'} (formats: ${Object.values(ADAPTERS).map((a) => `${a.format}: ${a.description}`).join('; ')})`);
      return 2;
    }
    if (!dir || !opt['--id'] || !opt['--title'] || !opt['--jurisdiction']) {
      console.error(`usage: ${this.usage}`);
      return 2;
    }
    const asOf = opt['--as-of'];
    if (asOf !== undefined && !IsoDate.safeParse(asOf).success) {
      console.error(`lens import-code: --as-of "${asOf}" is not a date (YYYY-MM-DD)`);
      return 2;
    }
    const t0 = performance.now();
    let result;
    try {
      result = adapter.convert(diskFolder(dir), { id: opt['--id'], title: opt['--title'], jurisdiction: opt['--jurisdiction'], asOf, version: opt['--version'] });
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
  },
};
