/**
 * `lens scan [--json] [--host H] FILE.(html|txt)`: every law, order and term of the bundled packs
 * that a page mentions, with the time the scan took (the index is built first, not timed).
 * Offsets are into the page's visible text (an HTML file's text outside scripts and styles,
 * blocks on lines of their own, as the extension reads a page). `--json` prints
 * `{"matches":[{"start","end","text","id"}],"ms"}`. `lens scan --bench [--json]`: scan time on
 * synthetic pages and packs (scripts/commands/scan-bench.ts).
 */
import { existsSync } from 'node:fs';
import { orReport } from '../lib/or-report';
import { buildScanIndex, scanText } from '../../core/scan/index';
import { readPageText } from '../lib/page-text';
import { bundledEntries } from './lookup';
import { runCommand, UsageError, type CommandSpec } from '../lib/cli-args';
import type { Command } from './types';

const spec = {
  name: 'scan',
  synopsis: '[--json] [--host HOST] FILE.(html|txt)  |  lens scan --bench [--json]',
  summary: 'every pack name and citation a page mentions, with offsets into its visible text; --bench times the scanner',
  positionals: true,
  options: {
    json: { type: 'boolean', help: 'print {"matches": [{start, end, text, id}], "ms"} (with --bench: the figures as JSON)' },
    host: { type: 'string', value: 'HOST', help: 'the page\'s host name, as the extension would know it (it can decide whose law a name means)' },
    bench: { type: 'boolean', help: 'time the scanner on synthetic pages and packs instead of scanning a file' },
  },
} as const satisfies CommandSpec;

export const command: Command = {
  spec,
  run: (args) =>
    runCommand(spec, args, async (v, files) => {
      if (v.bench) {
        if (files.length) throw new UsageError('--bench scans synthetic pages; give no file with it');
        return (await import('./scan-bench')).runScanBench(!!v.json);
      }
      if (files.length !== 1) throw new UsageError(files.length ? `scans one file at a time, got ${files.length}` : 'give a page file (.html or .txt)');
      return scanFile(files[0]!, v.host, !!v.json);
    }),
};

function scanFile(file: string, host: string | undefined, json: boolean): number {
  if (!existsSync(file)) {
    console.error(`lens scan: no such file: ${file}`);
    return 1;
  }
  const entries = orReport(() => bundledEntries());
  if (!entries) return 1;
  const index = buildScanIndex(entries);
  const page = readPageText(file);
  const t0 = performance.now();
  const matches = scanText(index, page.text, { ...(page.title ? { title: page.title } : {}), ...(host ? { host } : {}) });
  const ms = Math.round((performance.now() - t0) * 100) / 100;
  if (json) {
    console.log(JSON.stringify({ matches: matches.map(({ start, end, text, id }) => ({ start, end, text, id })), ms }));
    return 0;
  }
  const byId = new Map(entries.map((e) => [e.id, e]));
  for (const m of matches) {
    const e = byId.get(m.id);
    const alt = m.alternatives?.length ? `  (also ${m.alternatives.join(', ')})` : '';
    console.log(`${String(m.start).padStart(6)}-${String(m.end).padEnd(6)} ${JSON.stringify(m.text)} → ${m.id}${e ? `: ${e.title}` : ''}${alt}`);
  }
  const words = page.text.split(/\s+/).filter(Boolean).length;
  console.log(`${matches.length} marks, ${new Set(matches.map((m) => m.id)).size} entries, ${words} words, ${ms} ms`);
  return 0;
}
