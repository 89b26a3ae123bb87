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
import type { Command } from './types';

export const command: Command = {
  usage: 'lens scan [--json] [--host HOST] FILE.(html|txt) | lens scan --bench [--json]',
  async run(args) {
    let json = false;
    let host: string | undefined;
    const files: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--json') json = true;
      else if (a === '--host') host = args[++i];
      else if (a === '--bench') return (await import('./scan-bench')).runScanBench(json);
      else files.push(a);
    }
    if (files.length !== 1) {
      console.error(`usage: ${this.usage}`);
      return 2;
    }
    const file = files[0]!;
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
  },
};
