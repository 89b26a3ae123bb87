import { orReport } from '../lib/or-report';
import { buildIndex, lookup, setPackSizes, type LookupResult, type PageContext } from '../../core/search/index';
import { bundledEntries } from './lookup';
import { packsInOrder } from '../lib/extra-packs';
import { runCommand, UsageError, oneOf, type CommandSpec } from '../lib/cli-args';
import type { Command } from './types';
import { emptyTally as empty, readLabelled, reliability, score, type Reliability, type Tally } from '../lib/eval-metrics';
import { isRealSetFormat, readRealSet, type Split } from '../lib/real-eval';
import { baselineResults } from '../lib/fuse-baseline';

const fmt = (t: Tally) =>
  t.n
    ? `hit@1 ${(t.hit1 / t.n).toFixed(2)}  hit@3 ${(t.hit3 / t.n).toFixed(2)}  MRR ${(t.rr / t.n).toFixed(2)}  (n=${t.n})`
    : `no-answer ${t.neg ? (t.negOk / t.neg).toFixed(2) : '-'} (n=${t.neg})`;

/** One labelled query, whatever file it came from. */
interface EvalRow {
  text: string;
  context?: PageContext;
  expect: string[];
  kind: string;
  line?: number;
}

const LABEL_WORDS = { high: 'Strong', medium: 'Likely', low: 'Possible' } as const;

function loadRows(file: string, split: Split | 'all', useContext: boolean): EvalRow[] {
  if (!isRealSetFormat(file)) return readLabelled(file).map((r) => ({ text: r.q, expect: r.expect, kind: r.kind }));
  return readRealSet(file)
    .filter((r) => split === 'all' || r.split === split)
    .map((r) => ({
      text: r.text,
      context: useContext ? { text: r.context, title: r.title, url: r.url } : undefined,
      // Rows the pack lacks (gap) and off-topic rows both expect "nothing in this pack".
      expect: r.expect,
      kind: r.kind,
      line: r.line,
    }));
}

const spec = {
  name: 'eval',
  synopsis: 'FILE.jsonl [--split tune|test|all] [--no-context] [--verbose] [--no-baseline] [--pack FILE]…',
  summary: 'hit@1, hit@3, MRR and the no-answer rate per kind, and how often each match label is right, beside a plain fuse.js baseline',
  positionals: true,
  options: {
    split: { type: 'string', value: 'tune|test|all', help: 'which part of a real-page set to score (default all; the split is by page, decision 0004)' },
    'no-context': { type: 'boolean', help: 'look the selections up without their page context' },
    verbose: { type: 'boolean', help: 'print every miss with what the engine answered' },
    'no-baseline': { type: 'boolean', help: 'skip the fuse.js baseline (it scans every record: minutes on a whole code)' },
    pack: { type: 'string', value: 'FILE', multiple: true, help: 'also search this pack file beside the bundled packs' },
  },
  notes: ['FILE.jsonl: labelled queries {"q", "expect", "kind"} (tests/eval/dev-queries.jsonl) or a real-page set with page context (real-dev.jsonl in the shared folder beside the project).'],
} as const satisfies CommandSpec;

export const command: Command = {
  spec,
  run: (args) =>
    runCommand(spec, args, (v, files) => {
      if (files.length !== 1) throw new UsageError(files.length ? `scores one file at a time, got ${files.length}` : 'give a queries file (.jsonl)');
      const split = oneOf(v.split, '--split', ['tune', 'test', 'all'] as const, 'all');
      return evaluate(files[0]!, split, { verbose: !!v.verbose, useContext: !v['no-context'], noBaseline: !!v['no-baseline'], packs: v.pack ?? [] });
    }),
};

interface EvalOptions {
  verbose: boolean;
  useContext: boolean;
  noBaseline: boolean;
  packs: string[];
}

async function evaluate(file: string, split: Split | 'all', { verbose, useContext, noBaseline, packs }: EvalOptions): Promise<number> {
  const rows = loadRows(file, split, useContext);
  const inOrder = orReport(() => packsInOrder(bundledEntries(), packs));
  if (!inOrder) return 1;
  const { entries } = inOrder;
  const index = buildIndex(entries);
  setPackSizes(index, inOrder.sizes);
  // --no-baseline: fuse.js scans every record, minutes on a 20,000-entry code. Otherwise it runs
  // in worker threads while the engine answers here.
  const baseline = noBaseline ? Promise.resolve(rows.map((): string[] => [])) : baselineResults(entries, rows.map((r) => r.text));
  const answers = rows.map((row): LookupResult => lookup(index, row.text, { limit: 5, context: row.context }));
  const base = await baseline;
  const ours = new Map<string, Tally>();
  const theirs = new Map<string, Tally>();
  const oursAll = empty();
  const theirsAll = empty();
  const rel: Reliability = new Map();
  for (const [i, row] of rows.entries()) {
    const r = answers[i]!;
    const got = r.results.map((h) => h.id);
    const b = base[i]!;
    for (const [m, all, ids] of [[ours, oursAll, got], [theirs, theirsAll, b]] as const) {
      if (!m.has(row.kind)) m.set(row.kind, empty());
      score(m.get(row.kind)!, row.expect, ids);
      score(all, row.expect, ids);
    }
    reliability(rel, row.expect, r.results[0]);
    const ok = row.expect.length ? row.expect.includes(got[0] ?? '') : !got.length;
    if (verbose && !ok)
      console.log(
        `MISS [${row.kind}${row.line ? ` line ${row.line}` : ''}] ${row.text.slice(0, 160)}\n   expect ${row.expect.join(', ') || '(nothing)'}; got ${r.results.map((h) => `${h.id} ${h.score} ${h.confidence[0]}`).join(', ') || '(nothing)'}; others ${r.others.map((h) => `${h.id} ${h.score}`).join(', ')}`,
      );
  }
  console.log(`${entries.length} entries, ${rows.length} queries from ${file}${split !== 'all' ? ` (split: ${split})` : ''}${useContext ? '' : ' (without page context)'}`);
  console.log(`${'kind'.padEnd(10)} ${'engine'.padEnd(52)} baseline (fuse.js defaults, title+summary)`);
  const b = (s: string) => (noBaseline ? 'not run' : s);
  for (const [kind, t] of ours) console.log(`${kind.padEnd(10)} ${fmt(t).padEnd(52)} ${b(fmt(theirs.get(kind)!))}`);
  console.log(`${'overall'.padEnd(10)} ${fmt(oursAll).padEnd(52)} ${b(fmt(theirsAll))}`);
  console.log(`${'no-answer'.padEnd(10)} ${`${oursAll.negOk}/${oursAll.neg} answered with no result`.padEnd(52)} ${b(`${theirsAll.negOk}/${theirsAll.neg}`)}`);
  console.log('\nlabel of the first answer   n   right   precision');
  for (const c of ['high', 'medium', 'low'] as const) {
    const t = rel.get(c) ?? { n: 0, right: 0 };
    console.log(`${`${LABEL_WORDS[c]} match (${c})`.padEnd(26)} ${String(t.n).padStart(3)} ${String(t.right).padStart(7)}   ${t.n ? (t.right / t.n).toFixed(2) : '-'}`);
  }
  return 0;
}
