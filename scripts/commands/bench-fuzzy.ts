/**
 * `lens bench-fuzzy [--json]`: the engine's misspelling path (core/search/fuzzy.ts) beside the
 * same path with the fuse.js scoring step it used to have (kept here only as the baseline), on
 * seeded typos of the pack's own words: are the candidates identical (same stems, same order),
 * and how long does each take? Both run in the same process, alternating, several rounds.
 *
 * Typos: for every pack word of 6+ letters, one deletion, one insertion, one substitution and
 * one swap of neighbours (never the first letter, which the method keeps), and for words of 9+
 * letters also one two-edit typo; a typo that is itself a pack word is left out (the engine
 * looks such a word up directly).
 */
import Fuse from 'fuse.js';
import { buildIndex, type SearchIndex } from '../../core/search/index';
import { closestCandidates, editsAllowed, fuzzyCandidates, reachableWords, type FuzzyCandidate, type Near } from '../../core/search/fuzzy';
import { boundedDistance } from '../../core/text/distance';
import { keyArray } from '../../core/search/keys';
import { rng } from '../lib/bench-kit';
import { orReport } from '../lib/or-report';
import { bundledEntries } from './lookup';
import { syntheticEntries } from './bench';
import { runCommand, wholeNumber, type CommandSpec } from '../lib/cli-args';
import type { Command } from './types';

const FUSE_OPTIONS = { includeScore: true, ignoreLocation: true, ignoreFieldNorm: true, isCaseSensitive: true, shouldSort: true, threshold: 0.5 } as const;

/** The step removed from core/search/fuzzy.ts, verbatim in effect: fuse.js ranks, Damerau confirms. */
function withFuseStep(index: SearchIndex, word: string, max = 5): FuzzyCandidate[] {
  const within = reachableWords(index, word);
  if (!within.length) return [];
  const edits = editsAllowed(word);
  const threshold = Math.min(0.5, (2 * edits + 0.5) / word.length);
  const found: (Near & { score: number })[] = [];
  for (const r of new Fuse(within, FUSE_OPTIONS).search(word, { limit: 24 })) {
    if ((r.score ?? 1) > threshold) continue;
    const d = boundedDistance(word, r.item, edits);
    if (d > 0 && d <= edits) found.push({ word: r.item, d, score: r.score ?? 1 });
  }
  found.sort((a, b) => a.d - b.d || a.score - b.score || (a.word < b.word ? -1 : 1));
  return closestCandidates(index, found, max);
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function oneEdit(w: string, kind: number, r: () => number): string {
  const at = 1 + Math.floor(r() * (w.length - 1));
  const letter = LETTERS[Math.floor(r() * 26)]!;
  if (kind === 0) return w.slice(0, at) + w.slice(at + 1);
  if (kind === 1) return w.slice(0, at) + letter + w.slice(at);
  if (kind === 2) return w.slice(0, at) + (letter === w[at] ? LETTERS[(LETTERS.indexOf(letter) + 1) % 26] : letter) + w.slice(at + 1);
  const i = Math.min(at, w.length - 2);
  return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
}

/** `cap`: at most this many, an even sample (the synthetic vocabularies give ~33,000). */
export function typosOf(words: readonly string[], seed = 7, cap = 6000): string[] {
  const r = rng(seed);
  const known = new Set(words);
  const out: string[] = [];
  for (const w of words) {
    if (w.length < 6 || !/^[a-z]+$/.test(w)) continue;
    const typos = [0, 1, 2, 3].map((k) => oneEdit(w, k, r));
    if (w.length >= 9) typos.push(oneEdit(oneEdit(w, Math.floor(r() * 4), r), Math.floor(r() * 4), r));
    for (const t of typos) if (t.length >= 6 && t !== w && !known.has(t)) out.push(t);
  }
  if (out.length <= cap) return out;
  const step = out.length / cap;
  return Array.from({ length: cap }, (_, i) => out[Math.floor(i * step)]!);
}

type Finder = (index: SearchIndex, word: string) => FuzzyCandidate[];

function timeRound(index: SearchIndex, typos: readonly string[], find: Finder): number {
  const t0 = performance.now();
  for (const t of typos) find(index, t);
  return performance.now() - t0;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const key = (cs: FuzzyCandidate[]) => cs.map((c) => `${c.term}:${c.factor}`).join(',');

interface PackFigures {
  pack: string;
  typos: number;
  withCandidates: number;
  sameOrdered: number;
  sameSet: number;
  differing: { typo: string; withFuse: string; without: string }[];
  withFuseMs: number;
  withoutMs: number;
  speedup: number;
}

function measure(pack: string, index: SearchIndex, rounds: number): PackFigures {
  const typos = typosOf(keyArray(index.words));
  let sameOrdered = 0;
  let sameSet = 0;
  let withCandidates = 0;
  const differing: PackFigures['differing'] = [];
  for (const t of typos) {
    const a = withFuseStep(index, t);
    const b = fuzzyCandidates(index, t);
    if (a.length || b.length) withCandidates++;
    const ordered = key(a) === key(b);
    if (ordered) sameOrdered++;
    if (key([...a].sort((x, y) => (x.term < y.term ? -1 : 1))) === key([...b].sort((x, y) => (x.term < y.term ? -1 : 1)))) sameSet++;
    if (!ordered && differing.length < 6) differing.push({ typo: t, withFuse: key(a), without: key(b) });
  }
  const withFuse: number[] = [];
  const without: number[] = [];
  for (let i = 0; i < rounds; i++) {
    // Alternate which goes first, so warm-up and GC fall on both alike.
    if (i % 2) without.push(timeRound(index, typos, fuzzyCandidates));
    withFuse.push(timeRound(index, typos, withFuseStep));
    if (!(i % 2)) without.push(timeRound(index, typos, fuzzyCandidates));
  }
  const withFuseMs = median(withFuse.slice(1));
  const withoutMs = median(without.slice(1));
  return { pack, typos: typos.length, withCandidates, sameOrdered, sameSet, differing, withFuseMs, withoutMs, speedup: withFuseMs / withoutMs };
}

const fmt = (ms: number) => ms.toFixed(1).padStart(8);

const spec = {
  name: 'bench-fuzzy',
  synopsis: '[--json] [--rounds N]',
  summary: 'misspelling candidates with and without the old fuse.js step on seeded typos of the pack words: identical? how fast?',
  positionals: false,
  options: {
    json: { type: 'boolean', help: 'print {"rounds", "figures"} as JSON' },
    rounds: { type: 'string', value: 'N', help: 'timing rounds, the first a warm-up (a whole number, at least 2; default 5)' },
  },
} as const satisfies CommandSpec;

export const command: Command = {
  spec,
  run: (args) => runCommand(spec, args, (v) => benchFuzzy(wholeNumber(v.rounds, '--rounds', 5, 2), !!v.json)),
};

function benchFuzzy(rounds: number, json: boolean): number {
  const entries = orReport(() => bundledEntries());
  if (!entries) return 1;
  const packs: [string, SearchIndex][] = [
    ['bundled', buildIndex(entries)],
    ['synthetic 20,000', buildIndex(syntheticEntries(20000))],
  ];
  const figures = packs.map(([name, index]) => measure(name, index, rounds));
  if (json) {
    console.log(JSON.stringify({ rounds, figures }));
    return 0;
  }
  console.log(`${'pack'.padEnd(18)} ${'typos'.padStart(6)} ${'answered'.padStart(8)} ${'same (ordered)'.padStart(15)} ${'same (set)'.padStart(11)} ${'fuse ms'.padStart(8)} ${'no-fuse ms'.padStart(10)} speed-up`);
  for (const f of figures) {
    console.log(
      `${f.pack.padEnd(18)} ${String(f.typos).padStart(6)} ${String(f.withCandidates).padStart(8)} ${String(f.sameOrdered).padStart(15)} ${String(f.sameSet).padStart(11)} ${fmt(f.withFuseMs)} ${fmt(f.withoutMs).padStart(10)} ${f.speedup.toFixed(2)}×`,
    );
    for (const d of f.differing) console.log(`  differs: ${d.typo}  with fuse [${d.withFuse}]  without [${d.without}]`);
  }
  console.log(`\nms: median of ${rounds - 1} rounds (after one warm-up) over all typos of the pack (at most 6,000, an even sample); "answered": typos with a candidate on either path; "differs": same stems in another order (ties between equally distant words) or other stems.`);
  return 0;
}
