import Fuse from 'fuse.js';
import { buildIndex, lookup } from '../../core/search/index';
import type { Entry } from '../../core/schema/pack';
import { bundledEntries } from './lookup';
import type { Command } from './types';
import { emptyTally as empty, readLabelled, score, type Tally } from '../lib/eval-metrics';

const fmt = (t: Tally) =>
  t.n
    ? `hit@1 ${(t.hit1 / t.n).toFixed(2)}  hit@3 ${(t.hit3 / t.n).toFixed(2)}  MRR ${(t.rr / t.n).toFixed(2)}  (n=${t.n})`
    : `no-answer ${t.neg ? (t.negOk / t.neg).toFixed(2) : '-'} (n=${t.neg})`;

/** The baseline: plain fuse.js with default options over title and summary. */
export function baselineSearch(entries: readonly Entry[]): (q: string) => string[] {
  const fuse = new Fuse(entries as Entry[], { keys: ['title', 'summary'] });
  return (q) => fuse.search(q, { limit: 5 }).map((r) => r.item.id);
}

export const command: Command = {
  usage: 'lens eval FILE.jsonl [--verbose]   hit@1, hit@3, MRR per kind, beside a fuse.js baseline',
  async run(args) {
    const file = args.find((a) => !a.startsWith('--'));
    const verbose = args.includes('--verbose');
    if (!file) {
      console.error(`usage: ${this.usage}`);
      return 2;
    }
    const rows = readLabelled(file);
    const entries = bundledEntries();
    const index = buildIndex(entries);
    const base = baselineSearch(entries);
    const ours = new Map<string, Tally>();
    const theirs = new Map<string, Tally>();
    const oursAll = empty();
    const theirsAll = empty();
    for (const row of rows) {
      const r = lookup(index, row.q, { limit: 5 });
      const got = r.results.map((h) => h.id);
      const b = base(row.q);
      for (const [m, all, ids] of [[ours, oursAll, got], [theirs, theirsAll, b]] as const) {
        if (!m.has(row.kind)) m.set(row.kind, empty());
        score(m.get(row.kind)!, row.expect, ids);
        score(all, row.expect, ids);
      }
      const ok = row.expect.length ? row.expect.includes(got[0] ?? '') : !got.length;
      if (verbose && !ok) console.log(`MISS [${row.kind}] ${row.q}\n   expect ${row.expect.join(', ') || '(nothing)'}; got ${r.results.map((h) => `${h.id} ${h.score} ${h.confidence[0]}`).join(', ') || '(nothing)'}; others ${r.others.map((h) => `${h.id} ${h.score}`).join(', ')}`);
    }
    console.log(`${entries.length} entries, ${rows.length} queries from ${file}`);
    console.log(`${'kind'.padEnd(10)} ${'engine'.padEnd(52)} baseline (fuse.js defaults, title+summary)`);
    for (const [kind, t] of ours) console.log(`${kind.padEnd(10)} ${fmt(t).padEnd(52)} ${fmt(theirs.get(kind)!)}`);
    console.log(`${'overall'.padEnd(10)} ${fmt(oursAll).padEnd(52)} ${fmt(theirsAll)}`);
    console.log(`${'no-answer'.padEnd(10)} ${`${oursAll.negOk}/${oursAll.neg} answered with no result`.padEnd(52)} ${theirsAll.negOk}/${theirsAll.neg}`);
    return 0;
  },
};
