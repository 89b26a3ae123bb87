/**
 * `lens bench [--json]`: lookup speed on seeded synthetic packs of 2,000 and 20,000 entries with a
 * legal vocabulary, per query kind, beside a naive fuse.js baseline (defaults, title + summary)
 * measured in the same run. The baseline is capped per kind (queries and seconds) and says so.
 *
 * Per size: indexBuildMs = buildIndex from the entries (packaging time); indexReadyMs =
 * JSON.parse of the serialized prebuilt index + loadIndex (start-up time; the queries then run on
 * the loaded index); heapMB = JS heap + typed arrays retained after loading the index and running
 * the queries (full GCs before and after): mostly the index, plus the queries and the stemmer's memo. Each kind is warmed up on 20 queries from another seed, and page context on 20 more.
 */
import { rng, gc, mem } from '../lib/bench-kit';
import Fuse from 'fuse.js';
import { buildIndex, loadIndex, lookup, serializeIndex } from '../../core/search/index';
import type { Entry } from '../../core/schema/pack';
import { runCommand, type CommandSpec } from '../lib/cli-args';
import type { Command } from './types';
import { latencyStats } from '../lib/percentile';

const WORDS = (
  'ordinance section chapter council city county state federal immigration enforcement detainer warrant judicial administrative ' +
  'police officer sheriff jail release custody arrest detention status employee agency department resources property parking ' +
  'staging area garage lot permit zoning variance license inspection notice hearing appeal court judge order injunction ' +
  'complaint lawsuit plaintiff defendant statute regulation code amendment repeal adopt effective enact vote resolution mayor ' +
  'executive policy guidance training reporting requirement exception provision definition penalty violation misdemeanor ' +
  'fine fee tax levy budget contract vendor data privacy record disclosure request information sharing cooperation agreement ' +
  'program service benefit eligibility resident public safety emergency fire housing tenant landlord eviction school student ' +
  'transit street sidewalk snow water sewer utility franchise cable election ballot candidate campaign ethics lobbying ' +
  'procurement bid minority business small employer wage labor worker union health clinic hospital consular visa asylum ' +
  'refugee removal deportation interpreter language translation community outreach legal counsel attorney prosecutor criminal civil'
).split(' ');


/** The legal words first (most frequent), then seeded pseudo-words: a Zipf-like vocabulary of 8,000 words. */
const SYLLABLES = 'ab ac ad al am an ar as at ba be bi bo ca ce ci co da de di do el em en er es fa fe fi fo ga ge gi go ha he hi ho in ir is la le li lo ma me mi mo na ne ni no or os pa pe pi po ra re ri ro sa se si so ta te ti to un ur va ve vi vo'.split(' ');
const VOCAB = (() => {
  const r = rng(1);
  const out = [...WORDS];
  const seen = new Set(out);
  while (out.length < 8000) {
    const k = 2 + Math.floor(r() * 3);
    const word = Array.from({ length: k }, () => SYLLABLES[Math.floor(r() * SYLLABLES.length)]!).join('') + ['tion', 'ment', 'ance', 'ity', 'ing', 'er', 'al', ''][Math.floor(r() * 8)];
    if (!seen.has(word)) {
      seen.add(word);
      out.push(word);
    }
  }
  return out;
})();

export function syntheticEntries(n: number, seed = 42): Entry[] {
  const r = rng(seed);
  const w = () => VOCAB[Math.floor(VOCAB.length * Math.pow(r(), 2.2))]!;
  const sentence = (k: number) => Array.from({ length: k }, w).join(' ') + '.';
  const out: Entry[] = [];
  for (let i = 0; i < n; i++) {
    const title = `${w()} ${w()} ${w()}`.replace(/^./, (c) => c.toUpperCase());
    out.push({
      id: `syn-${i}`,
      kind: 'ordinance-section',
      jurisdiction: i % 3 ? 'Minneapolis' : 'Saint Paul',
      title,
      citation: `Code § ${10 + (i % 90)}.${String(i).padStart(4, '0')}`,
      aliases: [`${w()} ${w()}`, `MCO ${10 + (i % 90)}.${String(i).padStart(4, '0')}`],
      summary: `${sentence(14)} ${sentence(12)}`,
      points: Array.from({ length: 3 }, () => ({ text: `${sentence(16)} ${sentence(10)}`, confidence: 'primary' as const, sources: ['s1'] })),
      exceptions: [{ text: sentence(18), confidence: 'primary' as const, sources: ['s1'] }],
      dates: [],
      status: 'in-force',
      sources: [{ id: 's1', url: 'https://example.org', publisher: 'Synthetic', type: 'primary' }],
      related: [],
      openQuestions: [],
      keywords: [w(), w()],
    });
  }
  return out;
}

const KINDS = ['term', 'misspelling', 'citation', 'sentence', 'passage150', 'passage1000'] as const;
type Kind = (typeof KINDS)[number];

export function queries(entries: Entry[], seed: number): Record<Kind, string[]> {
  const r = rng(seed);
  const pick = () => entries[Math.floor(r() * entries.length)]!;
  const typo = (s: string) => s.replace(/[aeiou]/, '').replace(/(.)(.)$/, '$2$1');
  const words = (k: number) => Array.from({ length: k }, () => (r() < 0.5 ? VOCAB[Math.floor(VOCAB.length * Math.pow(r(), 2.2))]! : ['the', 'and', 'said', 'on', 'new', 'people', 'Tuesday', 'story'][Math.floor(r() * 8)]!)).join(' ');
  const n = 60;
  return {
    term: Array.from({ length: n }, () => pick().title.toLowerCase()),
    misspelling: Array.from({ length: n }, () => pick().title.split(' ').map(typo).join(' ')),
    citation: Array.from({ length: n }, () => pick().citation!.replace('Code ', '')),
    sentence: Array.from({ length: n }, () => pick().points[0]!.text.split('.')[0] + ', officials said.'),
    passage150: Array.from({ length: n }, () => words(150)),
    passage1000: Array.from({ length: 30 }, () => words(1000)),
  };
}

interface Stats {
  p50: number;
  p95: number;
  max: number;
  n: number;
  capped?: boolean;
  /** Not run: scaled linearly from the smaller pack (fuse.js scans every record). */
  estimated?: boolean;
}
function stats(times: number[], capped = false): Stats {
  return { ...latencyStats(times, 3), ...(capped ? { capped } : {}) };
}



/** Builds the index (timed) and returns only its JSON text, so nothing keeps the built index alive. */
function buildAndSerialize(entries: Entry[]): { indexBuildMs: number; serialized: string } {
  gc();
  const t0 = performance.now();
  const built = buildIndex(entries);
  const indexBuildMs = performance.now() - t0;
  return { indexBuildMs, serialized: JSON.stringify(serializeIndex(built)) };
}

/** `n` page contexts: a 2,000-character paragraph of the vocabulary and a title of 8 words. */
function pageContexts(n: number, r: () => number) {
  const words = (k: number) => Array.from({ length: k }, () => VOCAB[Math.floor(VOCAB.length * Math.pow(r(), 2.2))]!).join(' ');
  return Array.from({ length: n }, () => ({ text: words(400).slice(0, 2000), title: words(8), url: 'https://example.org/news/story' }));
}

/** Term lookups with and without page context, per pack size (p95 ms). */
const contextFigures: Record<string, { termP95: number; termWithContextP95: number; addedP95: number }> = {};

function run(n: number, baselineBudgetMs: number, prior?: Record<Kind, Stats>, priorN?: number) {
  const entries = syntheticEntries(n, n);
  const qs = queries(entries, 7);
  // Build (what packaging does), then serialize to JSON text (what ships).
  const { indexBuildMs, serialized } = buildAndSerialize(entries);
  // Index ready: parse the prebuilt JSON and load it (what start-up does).
  gc();
  const beforeLoad = mem();
  let t0 = performance.now();
  const index = loadIndex(JSON.parse(serialized) as Parameters<typeof loadIndex>[0], entries);
  const indexReadyMs = performance.now() - t0;
  const kinds = {} as Record<Kind, Stats>;
  // Warm-up on other queries of every kind (another seed), so the JIT has seen each code path;
  // page context too: measured cold, the first size's context figure was mostly compiling.
  const warm = queries(entries, 99);
  for (const k of KINDS) for (const q of warm[k].slice(0, 20)) lookup(index, q);
  const warmContexts = pageContexts(20, rng(6));
  warm.term.slice(0, 20).forEach((q, i) => lookup(index, q, { context: warmContexts[i] }));
  for (const k of KINDS) {
    const times = qs[k].map((q) => {
      const s = performance.now();
      lookup(index, q);
      return performance.now() - s;
    });
    kinds[k] = stats(times);
  }
  // Page context (issue: "context adds ≤ 3 ms"): the same term queries with a 2,000-character
  // paragraph and a title around them, against the same queries without, in this run.
  const contexts = pageContexts(qs.term.length, rng(5));
  const withContext = stats(
    qs.term.map((q, i) => {
      const s = performance.now();
      lookup(index, q, { context: contexts[i] });
      return performance.now() - s;
    }),
  );
  contextFigures[String(n)] = { termP95: kinds.term.p95, termWithContextP95: withContext.p95, addedP95: Math.round((withContext.p95 - kinds.term.p95) * 1000) / 1000 };
  // Heap after loading the index and running the queries, minus heap before loading, both after
  // full GCs; typed arrays count. Mostly the index (postings, tables, scratch arrays, caches), but
  // also the query texts still held and the stemmer's memo of the words it has seen.
  gc();
  const heapMB = (mem() - beforeLoad) / 1e6;
  const terms = index.terms.length;
  details[String(n)] = { indexMB: Math.round((serialized.length / 1e6) * 100) / 100, terms };
  t0 = performance.now();
  const fuse = new Fuse(entries, { keys: ['title', 'summary'] });
  const bBuild = performance.now() - t0;
  const bKinds = {} as Record<Kind, Stats>;
  for (const k of KINDS) {
    const times: number[] = [];
    const start = performance.now();
    let capped = false;
    const est = prior && priorN ? prior[k].p50 * (n / priorN) : 0;
    if (est > baselineBudgetMs / 2) {
      bKinds[k] = { p50: Math.round(est), p95: Math.round(prior![k].p95 * (n / priorN!)), max: Math.round(prior![k].max * (n / priorN!)), n: 0, capped: true, estimated: true } as Stats;
      continue;
    }
    for (const q of qs[k]) {
      if (performance.now() - start > baselineBudgetMs || times.length >= 20) {
        capped = true;
        break;
      }
      const s = performance.now();
      fuse.search(q, { limit: 5 });
      times.push(performance.now() - s);
    }
    bKinds[k] = stats(times, capped);
  }
  const r3 = (x: number) => Math.round(x * 100) / 100;
  return {
    kinds,
    indexBuildMs: r3(indexBuildMs),
    indexReadyMs: r3(indexReadyMs),
    heapMB: r3(heapMB),
    baseline: { kinds: bKinds, indexBuildMs: r3(bBuild), indexReadyMs: r3(bBuild), heapMB: null },
  };
}

const details: Record<string, { indexMB: number; terms: number }> = {};

const spec = {
  name: 'bench',
  synopsis: '[--json]',
  summary: 'lookup latency, index build and load time and heap on synthetic 2,000 and 20,000-entry packs, beside a naive fuse.js baseline',
  positionals: false,
  options: {
    json: { type: 'boolean', help: 'print the figures as JSON' },
  },
} as const satisfies CommandSpec;

export const command: Command = {
  spec,
  run: (args) => runCommand(spec, args, (v) => bench(!!v.json)),
};

function bench(json: boolean): number {
  const sizes: Record<string, ReturnType<typeof run>> = {};
  sizes['2000'] = run(2000, 4000);
  sizes['20000'] = run(20000, 8000, sizes['2000'].baseline.kinds, 2000);
  if (json) {
    console.log(JSON.stringify({ sizes, details, context: contextFigures, note: 'indexBuildMs: buildIndex from entries; indexReadyMs: JSON.parse of the prebuilt index + loadIndex; heapMB: heap (JS + typed arrays) retained by the loaded index after the queries. baseline: fuse.js defaults over title+summary, at most 20 queries and 4 s (2,000) / 8 s (20,000) per kind; "capped" marks kinds cut short; "estimated" kinds were not run at 20,000 but scaled ×10 from 2,000' }));
    return 0;
  }
  for (const [n, s] of Object.entries(sizes)) {
    console.log(`\n${n} entries: index build ${s.indexBuildMs} ms, ready ${s.indexReadyMs} ms (parse + load of the ${details[n]!.indexMB} MB prebuilt index), heap ${s.heapMB} MB; baseline build ${s.baseline.indexBuildMs} ms`);
    console.log(`${'kind'.padEnd(12)} ${'engine p50/p95/max ms'.padEnd(28)} ${'baseline p50/p95/max ms'.padEnd(34)} p95 ratio`);
    for (const k of KINDS) {
      const a = s.kinds[k];
      const b = s.baseline.kinds[k];
      const ratio = a.p95 > 0 ? (b.p95 / a.p95).toFixed(0) + '×' : '-';
      console.log(`${k.padEnd(12)} ${`${a.p50} / ${a.p95} / ${a.max}`.padEnd(28)} ${`${b.p50} / ${b.p95} / ${b.max} (${b.estimated ? 'estimated ×10' : `n=${b.n}${b.capped ? ', capped' : ''}`})`.padEnd(34)} ${ratio}`);
    }
  }
  console.log('\nbaseline: fuse.js with default options over title and summary; at most 20 queries and 4 s / 8 s per kind (capped where marked).');
  for (const [n, c] of Object.entries(contextFigures)) console.log(`page context at ${n} entries: term p95 ${c.termP95} ms without, ${c.termWithContextP95} ms with a 2,000-character paragraph and title (adds ${c.addedP95} ms)`);
  return 0;
}
